import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createRemoteJWKSet,
  decodeJwt,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { TrustedIssuer } from '../config';
import { unauthenticated } from '../errors';
import { User } from '../users/user.entity';
import type { Viewer } from './viewer';

/** Clock skew tolerated between the identity provider and the hub. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** The claims a hub token carries besides the standard ones. */
export interface HubClaims extends JWTPayload {
  sub: string;
  partner: string;
  role: string;
}

type Key = Uint8Array | JWTVerifyGetKey;

/**
 * Verifies bearer tokens against the configured issuers, then confirms the user, partner and role
 * they claim against the hub's own membership table: a token for a disabled user, or one whose
 * partner or role disagrees with the hub, is refused.
 */
export class TokenVerifier {
  private readonly keys = new Map<
    string,
    { issuer: TrustedIssuer; key: Key; algorithms: string[] }
  >();

  constructor(issuers: TrustedIssuer[]) {
    for (const issuer of issuers) {
      if (issuer.localSecret) {
        this.keys.set(issuer.issuer, {
          issuer,
          key: new TextEncoder().encode(issuer.localSecret),
          algorithms: ['HS256'],
        });
      } else if (issuer.jwksUrl) {
        // The key set is fetched and refreshed by jose, so rotated keys work without a restart.
        this.keys.set(issuer.issuer, {
          issuer,
          key: createRemoteJWKSet(new URL(issuer.jwksUrl)),
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        });
      }
    }
  }

  async verify(authorization: string | undefined, em: EntityManager): Promise<Viewer> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated();
    const token = match[1];
    let issuerName: string | undefined;
    try {
      issuerName = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('The bearer token is malformed');
    }
    const trusted = issuerName ? this.keys.get(issuerName) : undefined;
    if (!trusted) throw unauthenticated('The token was not issued by a trusted issuer');
    let claims: HubClaims;
    try {
      const { payload } = await jwtVerify(token, trusted.key as Uint8Array, {
        issuer: trusted.issuer.issuer,
        audience: trusted.issuer.audience,
        algorithms: trusted.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      });
      claims = payload as HubClaims;
    } catch {
      throw unauthenticated('The bearer token is invalid or has expired');
    }
    const user = await em.findOne(User, { username: claims.sub }, { populate: ['partner'] });
    if (!user || !user.active || user.partner.id !== claims.partner || user.role !== claims.role) {
      throw unauthenticated('The token does not match an active user of the hub');
    }
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      partnerId: user.partner.id,
      partnerKind: user.partner.kind,
      role: user.role,
    };
  }
}

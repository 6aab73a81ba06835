import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createRemoteJWKSet,
  decodeJwt,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import {
  ConfigError,
  DEMO_SECRET,
  type AuthLimits,
  type HubMode,
  type ProvisioningRules,
  type TrustedIssuer,
} from '../config';
import { unauthenticated } from '../errors';
import type { PartnerKind } from '../partners/partner-kind.enum';
import type { Role } from '../users/role.enum';
import { carriesClaim, provisionUser } from './provisioning';
import type { Viewer } from './viewer';

/**
 * The user a token's subject names, with their partner's identity-provider claims for the
 * token's issuer (src/partners/partner-identity.entity.ts): one statement per request.
 */
const USER_OF_TOKEN = `select u.id, u.username, u.display_name as "displayName", u.active, u.role,
         p.id as "partnerId", p.kind as "partnerKind",
         coalesce((select json_agg(json_build_array(i.claim, i.value)) from partner_identity i
                    where i.partner_id = p.id and i.issuer = ?), '[]') as "partnerClaims",
         exists (select 1 from partner_identity i where i.partner_id = p.id) as "boundToIssuers"
    from app_user u join partner p on p.id = u.partner_id
   where u.username = ?`;

interface TokenUserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  role: Role;
  partnerId: string;
  partnerKind: PartnerKind;
  /** [claim, value] pairs that, in a token of this issuer, name the user's partner. */
  partnerClaims: [string, string][];
  /** The partner has identity-provider claims (of any issuer): only they may name it. */
  boundToIssuers: boolean;
}

/**
 * Whether the token's partner and role agree with the hub's user table. The partner is the hub's
 * own id in a `partner` claim, or one of the partner's identity-provider claims (an organisation
 * id its identity provider puts in every token). A token whose partner came from such a claim
 * need not carry a `role` (an identity provider knows nothing of hub roles): the hub's role is
 * the user's. Any `role` a token does carry must be the hub's. A partner with identity-provider
 * claims is named by them alone: a token of another issuer with its hub id is refused.
 */
export function tokenMatchesUser(claims: HubClaims, user: TokenUserRow): boolean {
  const byPartnerClaim = claims.partner === user.partnerId;
  const byIdentity = user.partnerClaims.some(([claim, value]) =>
    carriesClaim(claims, claim, value),
  );
  if (!byPartnerClaim && !byIdentity) return false;
  // A partner onboarded with its identity provider's claims is named only by them: otherwise any
  // other trusted issuer (another partner's provider) could sign a token with this partner's hub
  // id in `partner` and one of its users' names as the subject.
  if (user.boundToIssuers && !byIdentity) return false;
  if (claims.role === undefined) return byIdentity;
  return claims.role === user.role;
}

/** The claims a hub token carries besides the standard ones. */
export interface HubClaims extends JWTPayload {
  sub: string;
  /** The hub's id of the partner; absent when an identity-provider claim names it. */
  partner?: string;
  /** The hub role; absent when an identity-provider claim names the partner. */
  role?: string;
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

  constructor(
    issuers: TrustedIssuer[],
    private readonly limits: AuthLimits,
    mode: HubMode,
    /** AUTH_PROVISIONING=on: a first sign-in creates its user (src/auth/provisioning.ts). */
    private readonly provisioning: { rules?: ProvisioningRules; auditEnabled: boolean } = {
      auditEnabled: true,
    },
  ) {
    for (const issuer of issuers) {
      // loadConfig refuses these too; checked again here, where keys are made, so no other way
      // of building a configuration can start a production hub that trusts a key it holds.
      if (mode === 'production' && issuer.localSecret) {
        throw new ConfigError(
          issuer.localSecret === DEMO_SECRET
            ? `The demo signing key is configured for ${issuer.issuer}: refused in production`
            : `A local signing secret is configured for ${issuer.issuer}: refused in production`,
        );
      }
      if (issuer.localSecret) {
        this.keys.set(issuer.issuer, {
          issuer,
          key: new TextEncoder().encode(issuer.localSecret),
          algorithms: ['HS256'],
        });
      } else if (issuer.jwksUrl) {
        // The key set is fetched and refreshed by jose, so rotated keys work without a restart:
        // a token with an unknown key id makes it fetch the set again, at most once per
        // cooldown (so forged key ids cannot make the hub hammer the identity provider), and
        // the set is refreshed anyway once it is older than the cache's maximum age.
        this.keys.set(issuer.issuer, {
          issuer,
          key: createRemoteJWKSet(new URL(issuer.jwksUrl), {
            cooldownDuration: limits.jwksCooldownMs,
            cacheMaxAge: limits.jwksCacheMaxAgeMs,
          }),
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        });
      }
    }
  }

  /**
   * jose checks `exp` and `nbf`, not when the token was issued: a token "issued" tomorrow, or
   * one valid for a hundred years, is a forged or misconfigured one, and a stolen long-lived token
   * would never stop working. Refused alike: `iat` later than now (beyond the clock tolerance),
   * or `exp` more than the configured lifetime after `iat`.
   */
  private checkLifetime(claims: HubClaims) {
    const now = Math.floor(clock.nowMs() / 1000);
    const issuedAt = claims.iat!;
    if (issuedAt > now + this.limits.clockToleranceSeconds) {
      throw unauthenticated('The bearer token was issued in the future');
    }
    if (claims.exp! - issuedAt > this.limits.maxTokenLifetimeSeconds) {
      throw unauthenticated('The bearer token is valid for longer than the hub accepts');
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
        clockTolerance: this.limits.clockToleranceSeconds,
        currentDate: clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      claims = payload as HubClaims;
    } catch {
      throw unauthenticated('The bearer token is invalid or has expired');
    }
    this.checkLifetime(claims);
    // Every request asks this: plain rows, not entities, since nothing here is changed.
    const userOfToken = async () =>
      (
        await em
          .getConnection()
          .execute<TokenUserRow[]>(USER_OF_TOKEN, [trusted.issuer.issuer, claims.sub])
      )[0] as TokenUserRow | undefined;
    let user = await userOfToken();
    const { rules, auditEnabled } = this.provisioning;
    if (!user && rules) {
      // Only a subject with no user at all: a deactivated one stays refused below. Whoever
      // created the row (this request or another at the same moment), it is read again and
      // checked as every user is.
      await provisionUser(em, trusted.issuer.issuer, claims, rules, auditEnabled);
      user = await userOfToken();
    }
    if (!user || !user.active || !tokenMatchesUser(claims, user)) {
      throw unauthenticated('The token does not match an active user of the hub');
    }
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      partnerId: user.partnerId,
      partnerKind: user.partnerKind,
      role: user.role,
    };
  }
}

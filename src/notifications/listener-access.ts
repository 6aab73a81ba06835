import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeJwt } from 'jose';
import type { Viewer } from '../auth/viewer';
import { errorFields, log } from '../log';
import { clock } from '../common/clock';
import { User } from '../users/user.entity';
import type { DeliveryGate } from './notification-feed';

/**
 * WebSocket close codes a live connection ends with when its listener may no longer hear events
 * (graphql-ws's own numbers, so its clients know them).
 */
export const LISTENER_CLOSE = {
  /** The bearer token has expired: the client signs in again and reconnects. */
  TOKEN_EXPIRED: { code: 4401, reason: 'Unauthorized: the bearer token has expired' },
  /** The user was deactivated, or moved to another partner or role. */
  NO_LONGER_MEMBER: {
    code: 4403,
    reason: 'Forbidden: the user is no longer an active member in this partner and role',
  },
  /** The check itself failed (the database did not answer): better closed than unchecked. */
  CHECK_FAILED: { code: 1011, reason: 'Could not confirm who is listening; reconnect' },
} as const;

export type ListenerClose = (typeof LISTENER_CLOSE)[keyof typeof LISTENER_CLOSE];

/**
 * Is the user behind `viewer` still what the token said at sign-in: active, in the same partner,
 * with the same role? The same test as TokenVerifier's, by the user's id.
 */
export async function isStillMember(em: EntityManager, viewer: Viewer): Promise<boolean> {
  const user = await em.findOne(User, { id: viewer.userId });
  return !!user && user.active && user.partner.id === viewer.partnerId && user.role === viewer.role;
}

/**
 * Who is listening on one WebSocket connection, checked again before each event is delivered:
 * the token is checked once when the connection opens, but a connection outlives it. The token's
 * expiry (kept from sign-in, with the verifier's clock tolerance, as for HTTP requests) is
 * checked every time; whether the user is still an active member in the same partner and role
 * is asked of the database at most once per `recheckMs`, so delivery does not read the database
 * per event. When either fails, the connection is closed with a code saying which, and nothing
 * more is delivered on it.
 */
export class ListenerAccess implements DeliveryGate {
  private trustedUntil = 0;
  private checking?: Promise<boolean>;
  private closedWith?: ListenerClose;

  constructor(
    private readonly options: {
      viewer: Viewer;
      /** The token's `exp`, in seconds since the epoch. */
      expiresAt: number;
      recheckMs: number;
      /** The same tolerance the token verifier allows on HTTP requests. */
      clockToleranceSeconds: number;
      stillMember: (viewer: Viewer) => Promise<boolean>;
      close: (code: number, reason: string) => void;
    },
  ) {}

  /** For a connection that signed in with `authorization`, already verified. */
  static forToken(
    authorization: string,
    options: Omit<ConstructorParameters<typeof ListenerAccess>[0], 'expiresAt'>,
  ) {
    const token = authorization.replace(/^Bearer\s+/i, '');
    // The verifier required `exp`; a token without one would not have got this far.
    const expiresAt = decodeJwt(token).exp ?? 0;
    return new ListenerAccess({ ...options, expiresAt });
  }

  /** True when the next event may be delivered; otherwise closes the connection. */
  async admit(): Promise<boolean> {
    if (this.closedWith) return false;
    if (clock.nowMs() >= (this.options.expiresAt + this.options.clockToleranceSeconds) * 1000) {
      return this.refuse(LISTENER_CLOSE.TOKEN_EXPIRED);
    }
    if (Date.now() < this.trustedUntil) return true;
    // Several subscriptions on one connection share one check.
    this.checking ??= this.options
      .stillMember(this.options.viewer)
      .finally(() => (this.checking = undefined));
    let member: boolean;
    try {
      member = await this.checking;
    } catch (error) {
      log.error('subscription membership check failed', {
        userId: this.options.viewer.userId,
        ...errorFields(error),
      });
      return this.refuse(LISTENER_CLOSE.CHECK_FAILED);
    }
    if (!member) return this.refuse(LISTENER_CLOSE.NO_LONGER_MEMBER);
    this.trustedUntil = Date.now() + this.options.recheckMs;
    return !this.closedWith;
  }

  /**
   * The user's membership changed (src/users/membership-changes.ts): ask the database now rather
   * than at the next event, so a deactivated user's connection closes at once.
   */
  async recheckNow(): Promise<void> {
    this.trustedUntil = 0;
    await this.admit();
  }

  get viewer(): Viewer {
    return this.options.viewer;
  }

  private refuse(close: ListenerClose): false {
    if (!this.closedWith) {
      this.closedWith = close;
      log.info('live subscription closed', {
        userId: this.options.viewer.userId,
        partnerId: this.options.viewer.partnerId,
        closeCode: close.code,
      });
      this.options.close(close.code, close.reason);
    }
    return false;
  }
}

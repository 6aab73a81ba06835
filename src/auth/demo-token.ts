import { SignJWT } from 'jose';
import { clock } from '../common/clock';
import { DEMO_AUDIENCE, DEMO_ISSUER, DEMO_SECRET } from '../config';
import { DEMO_PARTNERS, type DemoUser } from '../demo/demo-directory';

/** Signs a token for a demo user with the local demo key. Never valid in production. */
export function signDemoToken(
  user: Pick<DemoUser, 'username' | 'role'> & { partnerId: string },
  options: { secret?: string; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  // Stamped by the hub's clock, which also checks them, so a test that sets the hub's time
  // still signs in.
  const issuedAt = Math.floor(clock.nowMs() / 1000);
  return new SignJWT({ partner: user.partnerId, role: user.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.username)
    .setIssuer(options.issuer ?? DEMO_ISSUER)
    .setAudience(options.audience ?? DEMO_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds(options.expiresIn ?? '8h'))
    .sign(new TextEncoder().encode(options.secret ?? DEMO_SECRET));
}

export const partnerIdOf = (user: DemoUser) => DEMO_PARTNERS[user.partner].id;

/** "90s", "10m", "8h" or "2d": jose reads such a span from the system's time, not the hub's. */
function lifetimeSeconds(span: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(span);
  if (!match) throw new Error(`expiresIn must look like "8h", not "${span}"`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

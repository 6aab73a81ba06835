import { SignJWT } from 'jose';
import { DEMO_AUDIENCE, DEMO_ISSUER, DEMO_SECRET } from '../config';
import { DEMO_PARTNERS, type DemoUser } from '../demo/demo-directory';

/** Signs a token for a demo user with the local demo key. Never valid in production. */
export function signDemoToken(
  user: Pick<DemoUser, 'username' | 'role'> & { partnerId: string },
  options: { secret?: string; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({ partner: user.partnerId, role: user.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.username)
    .setIssuer(options.issuer ?? DEMO_ISSUER)
    .setAudience(options.audience ?? DEMO_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret ?? DEMO_SECRET));
}

export const partnerIdOf = (user: DemoUser) => DEMO_PARTNERS[user.partner].id;

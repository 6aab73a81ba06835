import { partnerIdOf, signDemoToken } from '../auth/demo-token';
import { DEMO_USERS, demoUser } from '../demo/demo-directory';

/** `npm run token -- <demo user>`: prints a bearer token for one of the demo users. */
async function main() {
  const username = process.argv[2];
  const user = username ? demoUser(username) : undefined;
  if (!user) {
    console.error('Usage: npm run token -- <demo user>\n\nDemo users:');
    for (const u of DEMO_USERS)
      console.error(`  ${u.username.padEnd(18)} ${u.role.padEnd(24)} ${u.about}`);
    process.exit(2);
  }
  process.stdout.write(
    (await signDemoToken(
      { ...user, partnerId: partnerIdOf(user) },
      { secret: process.env.AUTH_LOCAL_SECRET || undefined },
    )) + '\n',
  );
}

void main();

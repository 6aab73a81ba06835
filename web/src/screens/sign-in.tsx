import { useState } from 'react';
import { demoSignIn, oidcSignIn, type AppConfig } from '../auth';

/** Development: pick a demo user. Production: the partnership's identity provider. */
export function SignIn({ config, onSignedIn }: { config: AppConfig; onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [username, setUsername] = useState('');

  if (config.signIn === 'oidc') {
    return (
      <main id="main" className="narrow">
        <h1>Sign in</h1>
        {config.oidc ? (
          <button type="button" onClick={() => void oidcSignIn(config.oidc!)}>
            Sign in with your organisation
          </button>
        ) : (
          <p role="alert">No identity provider is configured (AUTH_TRUSTED_ISSUERS).</p>
        )}
      </main>
    );
  }
  return (
    <main id="main" className="narrow">
      <h1>Sign in</h1>
      <p>Development hub: sign in as one of the demo users.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          demoSignIn(username).then(onSignedIn, (reason: Error) => setError(reason.message));
        }}
      >
        <label htmlFor="demo-user">Demo user</label>
        <select
          id="demo-user"
          value={username}
          required
          onChange={(event) => setUsername(event.target.value)}
        >
          <option value="">Choose a user</option>
          {config.demoUsers.map((user) => (
            <option key={user.username} value={user.username}>
              {user.displayName} ({user.username})
            </option>
          ))}
        </select>
        <button type="submit">Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** What the hub tells the app at /app/config.json (src/web/web-app-routes.ts). */
export type AppConfig =
  | {
      mode: string;
      signIn: 'demo';
      demoUsers: { username: string; displayName: string; about: string }[];
    }
  | { mode: string; signIn: 'oidc'; oidc: { authority: string; clientId: string } | null };

// The token lives for the tab only (sessionStorage): a shared tablet forgets it when closed.
const TOKEN_KEY = 'asb-hub.token';

export const storedToken = () => sessionStorage.getItem(TOKEN_KEY);
export const storeToken = (token: string) => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY);

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/app/config.json');
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as AppConfig;
}

/** Development: the hub signs a token for a demo user (never in production). */
export async function demoSignIn(username: string): Promise<void> {
  const response = await fetch('/app/demo-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!response.ok) throw new Error('Sign-in was refused');
  const { token } = (await response.json()) as { token: string };
  storeToken(token);
}

/**
 * Production: the partnership's identity provider, OpenID Connect authorization code flow with
 * PKCE (oidc-client-ts does the code verifier and the exchange). The access token it returns is
 * what the hub verifies against the issuer's JWKS.
 */
function userManager(oidc: { authority: string; clientId: string }) {
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: `${location.origin}/app/callback`,
    post_logout_redirect_uri: `${location.origin}/app/`,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

export async function oidcSignIn(oidc: { authority: string; clientId: string }) {
  await userManager(oidc).signinRedirect();
}

/** At /app/callback: finishes the code exchange and keeps the token. */
export async function oidcCallback(oidc: { authority: string; clientId: string }) {
  const user = await userManager(oidc).signinRedirectCallback();
  storeToken(user.access_token);
}

import { useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { forgetToken, loadConfig, oidcCallback, storedToken, type AppConfig } from './auth';
import { hubClient } from './client';
import { NotificationsProvider, NotificationsScreen, useNotifications } from './notifications';
import { MeQuery } from './operations';
import { Link, navigate, useRoute } from './router';
import { CaseReviewAlerts } from './screens/case-review-alerts';
import { CaseView } from './screens/case-view';
import { CasesList } from './screens/cases-list';
import { RecordIncident } from './screens/record-incident';
import { RecordVisitAndSupport } from './screens/record-visit-support';
import { SignIn } from './screens/sign-in';

export function App() {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [token, setToken] = useState(storedToken);
  const path = useRoute();

  useEffect(() => {
    loadConfig().then(setConfig, (error: Error) => setFailure(error.message));
  }, []);
  useEffect(() => {
    if (config?.signIn === 'oidc' && config.oidc && path === '/callback') {
      oidcCallback(config.oidc).then(
        () => {
          setToken(storedToken());
          navigate('/');
        },
        (error: Error) => setFailure(error.message),
      );
    }
  }, [config, path]);
  // A new client per sign-in: its socket carries that user's token, and nothing is shared.
  const client = useMemo(() => (token ? hubClient() : null), [token]);

  if (failure)
    return (
      <main id="main">
        <p role="alert">The app could not start: {failure}</p>
      </main>
    );
  if (!config)
    return (
      <main id="main">
        <p aria-live="polite">Loading…</p>
      </main>
    );
  if (!client) return <SignIn config={config} onSignedIn={() => setToken(storedToken())} />;
  return (
    <Provider value={client}>
      <NotificationsProvider>
        <Shell
          path={path}
          onSignOut={() => {
            forgetToken();
            setToken(null);
            navigate('/');
          }}
        />
      </NotificationsProvider>
    </Provider>
  );
}

function Shell({ path, onSignOut }: { path: string; onSignOut: () => void }) {
  const [{ data, error }] = useQuery({ query: MeQuery });
  const { heard } = useNotifications();
  if (
    error?.response?.status === 401 ||
    error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  ) {
    onSignOut();
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          <Link to="/">My cases</Link>
          <Link to="/alerts">Case review alerts</Link>
          <Link to="/notifications">
            Notifications{heard.length ? ` (${heard.length} new)` : ''}
          </Link>
        </nav>
        <div className="who">
          {data && (
            <span>
              {data.me.displayName}, {data.me.partner.name}
            </span>
          )}
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <Screen path={path} />
    </>
  );
}

function Screen({ path }: { path: string }) {
  const caseRoute = /^\/cases\/([^/]+)(?:\/(incident|visit))?$/.exec(path);
  if (caseRoute) {
    const [, id, sub] = caseRoute;
    if (sub === 'incident') return <RecordIncident caseId={id} />;
    if (sub === 'visit') return <RecordVisitAndSupport caseId={id} />;
    return <CaseView key={id} id={id} />;
  }
  if (path === '/alerts') {
    return (
      <main id="main">
        <h1>Case review alerts and deadlines</h1>
        <CaseReviewAlerts />
      </main>
    );
  }
  if (path === '/notifications') return <NotificationsScreen />;
  return <CasesList />;
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useSubscription } from 'urql';
import { when, words } from './format';
import type { WebNotificationAddedSubscription } from './gql/graphql';
import { NotificationAddedSubscription } from './operations';
import { Link } from './router';

type Heard = NonNullable<WebNotificationAddedSubscription['notificationAdded']>;

interface Live {
  /** Newest first, since this tab signed in. */
  heard: Heard[];
  /** How many CASE_REVIEW_THRESHOLD_MET have arrived: alert lists ask again when it changes. */
  raisedAlerts: number;
}

const LiveNotifications = createContext<Live>({ heard: [], raisedAlerts: 0 });
export const useNotifications = () => useContext(LiveNotifications);

/** One graphql-ws subscription for the whole app, while signed in. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [heard, setHeard] = useState<Heard[]>([]);
  const [{ data }] = useSubscription({ query: NotificationAddedSubscription });
  const latest = data?.notificationAdded;
  useEffect(() => {
    if (latest)
      setHeard((before) => (before.some((n) => n.id === latest.id) ? before : [latest, ...before]));
  }, [latest]);
  const raisedAlerts = heard.filter((n) => n.kind === 'CASE_REVIEW_THRESHOLD_MET').length;
  return (
    <LiveNotifications.Provider value={{ heard, raisedAlerts }}>
      {children}
      {/* Announced by screen readers without moving focus. */}
      <div className="toast" role="status" aria-live="polite">
        {heard[0] && (
          <p>
            New: {heard[0].summary} <Link to={`/cases/${heard[0].caseId}`}>Open the case</Link>
          </p>
        )}
      </div>
    </LiveNotifications.Provider>
  );
}

/** Live notifications: what arrived since sign-in, newest first. */
export function NotificationsScreen() {
  const { heard } = useNotifications();
  return (
    <main id="main">
      <h1>Live notifications</h1>
      {heard.length === 0 ? (
        <p className="muted">
          Nothing new since you signed in. New notifications appear here as they happen.
        </p>
      ) : (
        <ul className="notifications">
          {heard.map((n) => (
            <li key={n.id}>
              <strong>{words(n.kind)}</strong> {when(n.occurredAt)}: {n.summary}{' '}
              <Link to={`/cases/${n.caseId}`}>Open the case</Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

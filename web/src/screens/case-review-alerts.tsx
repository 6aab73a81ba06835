import { useEffect } from 'react';
import { useQuery } from 'urql';
import { day, when, words } from '../format';
import { CaseReviewAlertsQuery } from '../operations';
import { useNotifications } from '../notifications';
import { Link } from '../router';

/**
 * Open ASB case review alerts (one case's, or every case's), with the window whose incidents
 * met the threshold. Asked again when a live notification says one was raised.
 */
export function CaseReviewAlerts({ caseId }: { caseId?: string }) {
  const [{ data, error }, refetch] = useQuery({
    query: CaseReviewAlertsQuery,
    variables: { caseId: caseId ?? null },
  });
  const { raisedAlerts } = useNotifications();
  useEffect(() => {
    if (raisedAlerts > 0) refetch({ requestPolicy: 'network-only' });
  }, [raisedAlerts, refetch]);
  const alerts = data?.caseReviewAlerts ?? [];
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Case review alerts</h2>
      {error && <p role="alert">Alerts could not be loaded: {error.message}</p>}
      {alerts.length === 0 ? (
        <p className="muted">No open case review alert.</p>
      ) : (
        <ul className="alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className="alert">
              <strong>Case review threshold met ({words(alert.route)})</strong>:{' '}
              {alert.incidentCount} incidents from {day(alert.windowStart)} to{' '}
              {day(alert.windowEnd)}, raised {when(alert.raisedAt)}
              {!caseId && alert.case && (
                <>
                  {' '}
                  on <Link to={`/cases/${alert.case.id}`}>{alert.case.reference}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

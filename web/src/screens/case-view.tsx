import { useQuery } from 'urql';
import { day, when, words } from '../format';
import { CaseViewQuery } from '../operations';
import { Link } from '../router';
import { Field, useWithheld, WithheldBadge, WithheldProvider, withheldPaths } from '../withheld';
import { CaseReviewAlerts } from './case-review-alerts';
import { DocumentLinks } from './document-links';
import { People } from './people';

/**
 * The shared case view. A case the viewer's partner is not part of answers NOT_FOUND, exactly
 * like one that does not exist: the screen says so and nothing else.
 */
export function CaseView({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: CaseViewQuery, variables: { id } });
  const notFound = error?.graphQLErrors.some(
    (e) => e.path?.length === 1 && ['NOT_FOUND', 'FORBIDDEN'].includes(String(e.extensions?.code)),
  );
  if (fetching && !data)
    return (
      <main id="main">
        <p aria-live="polite">Loading the case…</p>
      </main>
    );
  const theCase = data?.case;
  if (!theCase) {
    return (
      <main id="main">
        <h1>Case not found</h1>
        <p role="alert">
          {notFound || !error
            ? 'There is no such case, or your partner is not part of it.'
            : `The case could not be loaded: ${error.message}`}
        </p>
        <Link to="/">Back to my cases</Link>
      </main>
    );
  }
  return (
    <WithheldProvider value={withheldPaths(error)}>
      <main id="main">
        <p>
          <Link to="/">My cases</Link>
        </p>
        <h1>
          {theCase.reference}: {theCase.title}
        </h1>
        <dl className="summary">
          <Field label="Status" path={['case', 'status']} value={words(theCase.status)} />
          <Field label="Risk" path={['case', 'riskLevel']} value={words(theCase.riskLevel)} />
          <Field label="Opened" path={['case', 'openedAt']} value={day(theCase.openedAt)} />
          <Field
            label="Lead partner"
            path={['case', 'leadPartner']}
            value={theCase.leadPartner.name}
          />
          <Field
            label="Partners"
            path={['case', 'partners']}
            value={theCase.partners.map((p) => p.name).join(', ')}
          />
          <Field label="Summary" path={['case', 'summary']} value={theCase.summary} />
        </dl>
        <nav aria-label="Record on this case" className="actions-bar">
          <Link className="button" to={`/cases/${theCase.id}/incident`}>
            Record an incident
          </Link>
          <Link className="button" to={`/cases/${theCase.id}/visit`}>
            Record a joint visit or support
          </Link>
        </nav>
        <DocumentLinks caseId={theCase.id} />
        <CaseReviewAlerts caseId={theCase.id} />
        <People people={theCase.people} />
        <section aria-labelledby="osara-heading">
          <h2 id="osara-heading">OSARA: {words(theCase.osara.stage)}</h2>
          <dl>
            <Field
              label="Objective"
              path={['case', 'osara', 'objective']}
              value={theCase.osara.objective}
            />
            <Field
              label="Target date"
              path={['case', 'osara', 'objectiveTargetDate']}
              value={day(theCase.osara.objectiveTargetDate)}
            />
            <Field
              label="Scanning"
              path={['case', 'osara', 'scanning']}
              value={theCase.osara.scanning}
            />
            <Field
              label="Analysis"
              path={['case', 'osara', 'analysis']}
              value={theCase.osara.analysis}
            />
            <Field
              label="Response"
              path={['case', 'osara', 'response']}
              value={theCase.osara.response}
            />
            <Field
              label="Assessment"
              path={['case', 'osara', 'assessment']}
              value={theCase.osara.assessment}
            />
          </dl>
          {theCase.osara.missingBeforeNextStage.length > 0 && (
            <>
              <h3>Needed before the next stage</h3>
              <ul>
                {theCase.osara.missingBeforeNextStage.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions due</h2>
          <ul>
            {theCase.actions.map((action, i) => (
              <li key={action.id}>
                <strong>
                  {action.title ?? <ListWithheld path={['case', 'actions', i, 'title']} />}
                </strong>{' '}
                {action.assignedPartner.name}, due {day(action.dueDate)} ({words(action.status)})
                {action.overdue && <span className="tag danger">Overdue</span>}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">Incidents</h2>
          <ul>
            {theCase.incidents.map((incident, i) => (
              <li key={incident.id}>
                {when(incident.occurredAt)}: {words(incident.category)}
                {incident.hateIncident && <span className="tag">Hate incident</span>}{' '}
                {incident.description ?? (
                  <ListWithheld path={['case', 'incidents', i, 'description']} />
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="escalation-heading">
          <h2 id="escalation-heading">Escalation ladder</h2>
          <ul>
            {theCase.interventions.map((step) => (
              <li key={step.id}>
                {words(step.kind)}: {words(step.status)}, issued {day(step.issuedAt)}
                {step.appealDeadline && `, appeal by ${day(step.appealDeadline)}`}
              </li>
            ))}
          </ul>
          {theCase.interventions.length === 0 && <p className="muted">No step issued yet.</p>}
        </section>
        <section aria-labelledby="visits-heading">
          <h2 id="visits-heading">Joint visits and support offered</h2>
          {useWithheld(['case', 'jointVisits']) ? (
            <WithheldBadge />
          ) : (
            <ul>
              {(theCase.jointVisits ?? []).map((visit) => (
                <li key={visit.id}>
                  {when(visit.visitedAt)}: {visit.purpose}. {visit.outcome}
                </li>
              ))}
            </ul>
          )}
          {useWithheld(['case', 'supportOffers']) ? (
            <WithheldBadge />
          ) : (
            <ul>
              {(theCase.supportOffers ?? []).map((offer) => (
                <li key={offer.id}>
                  {words(offer.kind)} for {offer.person.givenName} {offer.person.familyName} by{' '}
                  {offer.offeredBy.name}, {day(offer.offeredAt)}: {words(offer.response)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </WithheldProvider>
  );
}

/** A refused field inside a list item: withheld, or "not recorded" when it is simply empty. */
function ListWithheld({ path }: { path: (string | number)[] }) {
  return useWithheld(path) ? <WithheldBadge /> : <span className="muted">Not recorded</span>;
}

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { localInputToIso } from '../format';
import type { SupportKind, SupportResponse } from '../gql/graphql';
import {
  CaseViewQuery,
  MeQuery,
  RecordJointVisitMutation,
  RecordSupportOfferMutation,
} from '../operations';
import { Link, navigate } from '../router';

/** A joint visit by the viewer's partner, and support offered to someone in the case. */
export function RecordVisitAndSupport({ caseId }: { caseId: string }) {
  const [{ data: me }] = useQuery({ query: MeQuery });
  const [{ data: view }] = useQuery({ query: CaseViewQuery, variables: { id: caseId } });
  const people = (view?.case?.people ?? []).flatMap((entry) =>
    entry.person ? [entry.person] : [],
  );
  const [visit, recordVisit] = useMutation(RecordJointVisitMutation);
  const [offer, recordOffer] = useMutation(RecordSupportOfferMutation);
  const [visitedAt, setVisitedAt] = useState('');
  const [purpose, setPurpose] = useState('');
  const [outcome, setOutcome] = useState('');
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<SupportKind>('VICTIM_SUPPORT');
  const [response, setResponse] = useState<SupportResponse>('ACCEPTED');
  const [details, setDetails] = useState('');
  const problem = (error: typeof visit.error) =>
    error && (
      <p role="alert">
        Not recorded: {error.graphQLErrors.map((e) => e.message).join('; ') || error.message}
      </p>
    );

  return (
    <main id="main" className="narrow">
      <p>
        <Link to={`/cases/${caseId}`}>Back to the case</Link>
      </p>
      <h1>Record a joint visit or support</h1>
      <form
        aria-labelledby="visit-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          const answer = await recordVisit({
            input: {
              caseId,
              visitedAt: localInputToIso(visitedAt),
              purpose,
              outcome,
              attendees: me
                ? [{ partnerId: me.me.partner.id, officerName: me.me.displayName }]
                : [],
            },
          });
          if (answer.data?.recordJointVisit) navigate(`/cases/${caseId}`);
        }}
      >
        <h2 id="visit-heading">Joint visit</h2>
        <label htmlFor="visit-when">When</label>
        <input
          id="visit-when"
          type="datetime-local"
          required
          value={visitedAt}
          onChange={(e) => setVisitedAt(e.target.value)}
        />
        <label htmlFor="visit-purpose">Purpose</label>
        <input
          id="visit-purpose"
          required
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
        />
        <label htmlFor="visit-outcome">Outcome</label>
        <textarea
          id="visit-outcome"
          required
          rows={3}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        />
        <button type="submit" disabled={visit.fetching}>
          Record the visit
        </button>
        {problem(visit.error)}
      </form>
      <form
        aria-labelledby="support-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          const answer = await recordOffer({
            input: {
              caseId,
              personId,
              kind,
              response,
              details: details || null,
              offeredAt: new Date().toISOString(),
            },
          });
          if (answer.data?.recordSupportOffer) navigate(`/cases/${caseId}`);
        }}
      >
        <h2 id="support-heading">Support offered</h2>
        <label htmlFor="support-person">To</label>
        <select
          id="support-person"
          required
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
        >
          <option value="">Choose someone in the case</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.givenName} {person.familyName}
            </option>
          ))}
        </select>
        <label htmlFor="support-kind">Support</label>
        <select
          id="support-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as SupportKind)}
        >
          {[
            'VICTIM_SUPPORT',
            'MEDIATION',
            'HOUSING_SUPPORT',
            'MENTAL_HEALTH_REFERRAL',
            'DRUG_ALCOHOL_REFERRAL',
            'DIVERSIONARY_SCHEME',
            'OTHER',
          ].map((k) => (
            <option key={k} value={k}>
              {k.charAt(0) + k.slice(1).toLowerCase().replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <label htmlFor="support-response">Their response</label>
        <select
          id="support-response"
          value={response}
          onChange={(e) => setResponse(e.target.value as SupportResponse)}
        >
          <option value="ACCEPTED">Accepted</option>
          <option value="DECLINED">Declined</option>
          <option value="NO_RESPONSE">No response yet</option>
        </select>
        <label htmlFor="support-details">Details (optional)</label>
        <textarea
          id="support-details"
          rows={3}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
        />
        <button type="submit" disabled={offer.fetching}>
          Record the support
        </button>
        {problem(offer.error)}
      </form>
    </main>
  );
}

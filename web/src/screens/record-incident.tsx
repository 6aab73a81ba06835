import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { localInputToIso } from '../format';
import type { IncidentCategory, PersonRole } from '../gql/graphql';
import { CaseViewQuery, RecordIncidentMutation } from '../operations';
import { Link, navigate } from '../router';

/** Recording an incident on a case: what a patrol officer fills in at the door. */
export function RecordIncident({ caseId }: { caseId: string }) {
  const [occurredAt, setOccurredAt] = useState('');
  const [category, setCategory] = useState<IncidentCategory>('NUISANCE');
  const [description, setDescription] = useState('');
  const [hateIncident, setHateIncident] = useState(false);
  const [sourceReference, setSourceReference] = useState('');
  const [result, record] = useMutation(RecordIncidentMutation);
  const [recorded, setRecorded] = useState(false);
  // Who was involved, in their role on the case: a victim's third complaint in six months is
  // what raises a case review alert, so the hub must know whose complaint this is.
  const [{ data: view }] = useQuery({ query: CaseViewQuery, variables: { id: caseId } });
  const people = (view?.case?.people ?? []).flatMap((entry) =>
    entry.person
      ? [
          {
            id: entry.person.id,
            role: entry.role as PersonRole,
            name: `${entry.person.givenName} ${entry.person.familyName}`,
          },
        ]
      : [],
  );
  const [involved, setInvolved] = useState<string[]>([]);

  return (
    <main id="main" className="narrow">
      <p>
        <Link to={`/cases/${caseId}`}>Back to the case</Link>
      </p>
      <h1>Record an incident</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const answer = await record({
            input: {
              caseId,
              occurredAt: localInputToIso(occurredAt),
              category,
              description,
              hateIncident,
              sourceReference: sourceReference || null,
              people: people
                .filter((p) => involved.includes(p.id))
                .map((p) => ({ personId: p.id, role: p.role })),
            },
          });
          if (answer.data?.recordIncident) {
            setRecorded(true);
            navigate(`/cases/${caseId}`);
          }
        }}
      >
        <label htmlFor="incident-when">When it happened</label>
        <input
          id="incident-when"
          type="datetime-local"
          required
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.target.value)}
        />
        <label htmlFor="incident-category">Category</label>
        <select
          id="incident-category"
          value={category}
          onChange={(e) => setCategory(e.target.value as IncidentCategory)}
        >
          <option value="NUISANCE">Nuisance</option>
          <option value="PERSONAL">Personal</option>
          <option value="ENVIRONMENTAL">Environmental</option>
          <option value="UNCLASSIFIED">Unclassified</option>
        </select>
        <label htmlFor="incident-description">What happened</label>
        <textarea
          id="incident-description"
          required
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label htmlFor="incident-reference">Your reference (optional, e.g. a log number)</label>
        <input
          id="incident-reference"
          value={sourceReference}
          onChange={(e) => setSourceReference(e.target.value)}
        />
        {people.length > 0 && (
          <fieldset>
            <legend>People involved</legend>
            {people.map((person) => (
              <div className="check" key={person.id}>
                <input
                  id={`involved-${person.id}`}
                  type="checkbox"
                  checked={involved.includes(person.id)}
                  onChange={(e) =>
                    setInvolved(
                      e.target.checked
                        ? [...involved, person.id]
                        : involved.filter((id) => id !== person.id),
                    )
                  }
                />
                <label htmlFor={`involved-${person.id}`}>
                  {person.name} ({person.role.charAt(0) + person.role.slice(1).toLowerCase()})
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <div className="check">
          <input
            id="incident-hate"
            type="checkbox"
            checked={hateIncident}
            onChange={(e) => setHateIncident(e.target.checked)}
          />
          <label htmlFor="incident-hate">Perceived as a hate incident</label>
        </div>
        <button type="submit" disabled={result.fetching}>
          Record the incident
        </button>
        {result.error && (
          <p role="alert">
            Not recorded:{' '}
            {result.error.graphQLErrors.map((e) => e.message).join('; ') || result.error.message}
          </p>
        )}
        {recorded && <p role="status">Recorded.</p>}
      </form>
    </main>
  );
}

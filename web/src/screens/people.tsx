import { day, words } from '../format';
import type { WebCaseViewQuery } from '../gql/graphql';
import { Field, useWithheld, WithheldBadge } from '../withheld';

type CasePerson = NonNullable<NonNullable<WebCaseViewQuery['case']>['people']>[number];
type Path = (string | number)[];

/** People in the case, their vulnerabilities, and each partner's record as the agreement allows. */
export function People({ people }: { people: CasePerson[] | null | undefined }) {
  const withheld = useWithheld(['case', 'people']);
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People and their vulnerabilities</h2>
      {withheld ? (
        <p>
          <WithheldBadge />
        </p>
      ) : (
        (people ?? []).map((entry, i) => (
          <PersonCard key={i} entry={entry} path={['case', 'people', i]} />
        ))
      )}
    </section>
  );
}

function PersonCard({ entry, path }: { entry: CasePerson; path: Path }) {
  const person = entry.person;
  const at = [...path, 'person'];
  const name = person ? `${person.givenName} ${person.familyName}` : 'Someone not shared with you';
  return (
    <article className="card" aria-label={`${words(entry.role)}: ${name}`}>
      <h3>
        {name} <span className="tag">{words(entry.role)}</span>
      </h3>
      <dl>
        <Field
          label="Date of birth"
          path={[...at, 'dateOfBirth']}
          value={day(person?.dateOfBirth)}
        />
        <Field
          label="Vulnerabilities"
          path={[...path, 'vulnerabilities']}
          value={
            entry.vulnerabilities.length
              ? entry.vulnerabilities.map(words).join(', ')
              : 'None assessed'
          }
        />
      </dl>
      {person?.policeRecords.map((record, i) => (
        <Record
          key={record.id}
          title={`Police record (${record.owner?.name ?? 'another partner'})`}
        >
          <Field
            label="Warnings"
            path={[...at, 'policeRecords', i, 'warningsSummary']}
            value={record.warningsSummary}
          />
          <Field
            label="Nominal reference"
            path={[...at, 'policeRecords', i, 'nominalReference']}
            value={record.nominalReference}
          />
          <Field
            label="Intelligence"
            path={[...at, 'policeRecords', i, 'intelligence']}
            value={record.intelligence}
          />
        </Record>
      ))}
      {person?.housingRecords.map((record, i) => (
        <Record
          key={record.id}
          title={`Housing record (${record.owner?.name ?? 'another partner'})`}
        >
          <Field
            label="Tenancy reference"
            path={[...at, 'housingRecords', i, 'tenancyReference']}
            value={record.tenancyReference}
          />
          <Field
            label="Tenancy type"
            path={[...at, 'housingRecords', i, 'tenancyType']}
            value={words(record.tenancyType)}
          />
          <Field
            label="Tenancy breaches"
            path={[...at, 'housingRecords', i, 'tenancyBreaches']}
            value={record.tenancyBreaches}
          />
          <Field
            label="Officer notes"
            path={[...at, 'housingRecords', i, 'officerNotes']}
            value={record.officerNotes}
          />
        </Record>
      ))}
      {person?.mentalHealthRecords.map((record, i) => (
        <Record
          key={record.id}
          title={`Mental health record (${record.owner?.name ?? 'another partner'})`}
        >
          <Field
            label="Known to services"
            path={[...at, 'mentalHealthRecords', i, 'knownToServices']}
            value={yesNo(record.knownToServices)}
          />
          <Field
            label="Care contact"
            path={[...at, 'mentalHealthRecords', i, 'careContact']}
            value={record.careContact}
          />
          <Field
            label="Risk summary"
            path={[...at, 'mentalHealthRecords', i, 'riskSummary']}
            value={record.riskSummary}
          />
          <Field
            label="Clinical notes"
            path={[...at, 'mentalHealthRecords', i, 'clinicalNotes']}
            value={record.clinicalNotes}
          />
        </Record>
      ))}
      {person?.drugAlcoholRecords.map((record, i) => (
        <Record
          key={record.id}
          title={`Drug and alcohol record (${record.owner?.name ?? 'another partner'})`}
        >
          <Field
            label="Engaged in treatment"
            path={[...at, 'drugAlcoholRecords', i, 'engagedInTreatment']}
            value={yesNo(record.engagedInTreatment)}
          />
          <Field
            label="Key worker"
            path={[...at, 'drugAlcoholRecords', i, 'keyWorkerContact']}
            value={record.keyWorkerContact}
          />
          <Field
            label="Treatment detail"
            path={[...at, 'drugAlcoholRecords', i, 'treatmentDetail']}
            value={record.treatmentDetail}
          />
        </Record>
      ))}
    </article>
  );
}

const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? null : value ? 'Yes' : 'No';

function Record({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="record">
      <h4>{title}</h4>
      <dl>{children}</dl>
    </div>
  );
}

import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { DEMO_PARTNERS } from '../../src/demo/demo-directory';
import { BENCH_IDS, LARGE_CASE } from '../generate/dataset';
import type { LoadRequest } from './cannon';

const ROOT = path.resolve(__dirname, '../..');

/** One operation of a .graphql file, printed alone (the others are not sent). */
export function operation(file: string, name: string): string {
  const document = parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const found = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!found) throw new Error(`${file} has no operation ${name}`);
  return print(found);
}

const CASE_VIEW = operation('test/operations/case-view.graphql', 'CaseView');
const POSTGRAPHILE_CASE_VIEW = operation('bench/load/postgraphile-case-view.graphql', 'CaseView');
const CASE_LIST = operation('bench/load/operations.graphql', 'CaseListPage');
const RECORD_INCIDENT = operation('test/operations/mutations.graphql', 'RecordIncident');
const RECORD_JOINT_VISIT = operation('test/operations/mutations.graphql', 'RecordJointVisit');

const json = { 'content-type': 'application/json' };
const graphql = (token: string) => ({
  ...json,
  authorization: `Bearer ${token}`,
  'x-purpose': 'load benchmark',
});

/** What a check of one answer says: nothing when it is right, else why not. */
export type Verdict = string | null;

export interface Scenario {
  /** As RESULTS.md names it. */
  label: string;
  request: LoadRequest;
  /** Checks one answer in full before the load (shape and size; refusals only where expected). */
  verify(body: unknown): Verdict;
}

type Answer = {
  data?: Record<string, any> | null;
  errors?: { extensions?: { code?: string } }[];
};

const onlyForbidden = (answer: Answer): Verdict => {
  const other = (answer.errors ?? []).find((e) => e.extensions?.code !== 'FORBIDDEN');
  return other ? `unexpected error ${JSON.stringify(other).slice(0, 200)}` : null;
};

const noErrors = (answer: Answer): Verdict =>
  answer.errors?.length ? `errors: ${JSON.stringify(answer.errors).slice(0, 300)}` : null;

function largeCaseView(answer: Answer, lists: (c: any) => Record<string, unknown[] | undefined>) {
  const c = answer.data?.case;
  if (!c) return `no case in ${JSON.stringify(answer).slice(0, 300)}`;
  if (c.id !== BENCH_IDS.largeCase) return `wrong case ${c.id}`;
  const got = lists(c);
  const want: Record<string, number> = {
    incidents: LARGE_CASE.incidents,
    people: LARGE_CASE.people,
    interventions: LARGE_CASE.interventions,
    jointVisits: LARGE_CASE.jointVisits,
    supportOffers: LARGE_CASE.supportOffers,
  };
  for (const [list, length] of Object.entries(want)) {
    // A role refused a whole list gets null for it (with FORBIDDEN): that is its view.
    if (got[list] !== undefined && got[list] !== null && got[list]!.length !== length) {
      return `${list}: ${got[list]!.length}, not ${length}`;
    }
  }
  return null;
}

/** The hub's case view of the large case (or another case, unchecked), as one demo user. */
export function hubCaseView(
  username: string,
  token: string,
  caseId: string = BENCH_IDS.largeCase,
): Scenario {
  const large = caseId === BENCH_IDS.largeCase;
  return {
    label: `case view, ${large ? 'large case' : `case ${caseId}`}, as ${username}`,
    request: {
      path: '/graphql',
      headers: graphql(token),
      body: JSON.stringify({
        query: CASE_VIEW,
        operationName: 'CaseView',
        variables: { id: caseId },
      }),
    },
    verify: (body) => {
      const answer = body as Answer;
      const refused = onlyForbidden(answer);
      if (refused) return refused;
      if (!large) return answer.data?.case?.id === caseId ? null : 'no case';
      return largeCaseView(answer, (c) => ({
        incidents: c.incidents,
        people: c.people,
        interventions: c.interventions,
        jointVisits: c.jointVisits,
        supportOffers: c.supportOffers,
      }));
    },
  };
}

export function postGraphileCaseView(): Scenario {
  return {
    label: 'case view, large case (PostGraphile 5, no permissions)',
    request: {
      path: '/graphql',
      headers: json,
      body: JSON.stringify({
        query: POSTGRAPHILE_CASE_VIEW,
        variables: { id: BENCH_IDS.largeCase },
      }),
    },
    verify: (body) =>
      noErrors(body as Answer) ??
      largeCaseView(body as Answer, (c) => ({
        incidents: c.incidents?.nodes,
        people: c.people?.nodes,
        interventions: c.interventions?.nodes,
        jointVisits: c.jointVisits?.nodes,
        supportOffers: c.supportOffers?.nodes,
      })),
  };
}

export function floorCaseView(): Scenario {
  return {
    label: 'case view, large case (one hand-written SQL statement)',
    request: {
      path: '/case-view',
      headers: json,
      body: JSON.stringify({ id: BENCH_IDS.largeCase }),
    },
    verify: (body) =>
      largeCaseView(body as Answer, (c) => ({
        incidents: c.incidents,
        people: c.people,
        interventions: c.interventions,
        jointVisits: c.jointVisits,
        supportOffers: c.supportOffers,
      })),
  };
}

export function caseListPage(username: string, token: string): Scenario {
  return {
    label: `case list page (20 open cases and the total), as ${username}`,
    request: {
      path: '/graphql',
      headers: graphql(token),
      body: JSON.stringify({
        query: CASE_LIST,
        operationName: 'CaseListPage',
        variables: { first: 20 },
      }),
    },
    verify: (body) => {
      const answer = body as Answer;
      const page = answer.data?.cases;
      if (!page) return noErrors(answer) ?? 'no page';
      if (page.edges.length !== 20) return `${page.edges.length} cases on the page`;
      return noErrors(answer);
    },
  };
}

const MINUTE = 60_000;
/** Each write happens three hours before the last: never within the episode-matching window. */
const writtenAt = (start: number, n: number) => new Date(start - (n + 1) * 180 * MINUTE);

const accepted = (field: string) => (status: number, body: string) =>
  status === 200 && body.includes(`"${field}":{`) && !body.includes('"errors"');

export function recordIncident(username: string, token: string, start: number): Scenario {
  const [victim] = BENCH_IDS.writeCasePeople;
  const bodyFor = (n: number) =>
    JSON.stringify({
      query: RECORD_INCIDENT,
      operationName: 'RecordIncident',
      variables: {
        input: {
          caseId: BENCH_IDS.writeCase,
          occurredAt: writtenAt(start, n).toISOString(),
          category: 'NUISANCE',
          description: `Benchmark incident ${n}: shouting and banging outside the shops.`,
          locationId: BENCH_IDS.writeCaseLocation,
          sourceReference: `BENCH-${n}`,
          people: [{ personId: victim, role: 'VICTIM' }],
        },
      },
    });
  return {
    label: `recording an incident, as ${username}`,
    request: {
      path: '/graphql',
      headers: graphql(token),
      bodyFor,
      check: accepted('recordIncident'),
    },
    verify: (body) => {
      const answer = body as Answer;
      return noErrors(answer) ?? (answer.data?.recordIncident?.incident?.id ? null : 'no incident');
    },
  };
}

export function recordJointVisit(username: string, token: string, start: number): Scenario {
  const [victim, , witness] = BENCH_IDS.writeCasePeople;
  const bodyFor = (n: number) =>
    JSON.stringify({
      query: RECORD_JOINT_VISIT,
      operationName: 'RecordJointVisit',
      variables: {
        input: {
          caseId: BENCH_IDS.writeCase,
          visitedAt: writtenAt(start, n).toISOString(),
          locationId: BENCH_IDS.writeCaseLocation,
          purpose: `Benchmark visit ${n}: welfare check after reports of nuisance.`,
          outcome: 'Resident seen; safety advice given and a follow-up booked.',
          attendees: [
            { partnerId: DEMO_PARTNERS.police.id, officerName: 'PC Rhian Morgan' },
            { partnerId: DEMO_PARTNERS.housing.id, officerName: 'Catrin Williams' },
          ],
          personIds: [victim, witness],
        },
      },
    });
  return {
    label: `recording a joint visit, as ${username}`,
    request: {
      path: '/graphql',
      headers: graphql(token),
      bodyFor,
      check: accepted('recordJointVisit'),
    },
    verify: (body) => {
      const answer = body as Answer;
      return noErrors(answer) ?? (answer.data?.recordJointVisit?.id ? null : 'no visit');
    },
  };
}

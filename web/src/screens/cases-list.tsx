import { useState } from 'react';
import { useQuery } from 'urql';
import { day, words } from '../format';
import type { CaseStatus, RiskLevel } from '../gql/graphql';
import { MyCasesQuery } from '../operations';
import { Link } from '../router';

const PAGE = 10;

/** My cases: those the viewer's partner leads or takes part in, filtered, a page at a time. */
export function CasesList() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [riskLevel, setRiskLevel] = useState<RiskLevel | ''>('');
  // Cursors of the pages before this one, so "Previous" goes back without a backward cursor.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const filter = {
    ...(search ? { search } : {}),
    ...(status ? { status } : {}),
    ...(riskLevel ? { riskLevel } : {}),
  };
  const [{ data, fetching, error }] = useQuery({
    query: MyCasesQuery,
    variables: { first: PAGE, after, filter },
  });
  const cases = data?.cases;
  const resetPaging = () => setCursors([null]);

  return (
    <main id="main">
      <h1>My cases</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="case-search">Reference or title</label>
          <input
            id="case-search"
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              resetPaging();
            }}
          />
        </div>
        <div>
          <label htmlFor="case-status">Status</label>
          <select
            id="case-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as CaseStatus | '');
              resetPaging();
            }}
          >
            <option value="">Any</option>
            <option value="OPEN">Open</option>
            <option value="CLOSED">Closed</option>
          </select>
        </div>
        <div>
          <label htmlFor="case-risk">Risk</label>
          <select
            id="case-risk"
            value={riskLevel}
            onChange={(event) => {
              setRiskLevel(event.target.value as RiskLevel | '');
              resetPaging();
            }}
          >
            <option value="">Any</option>
            <option value="HIGH">High</option>
            <option value="MEDIUM">Medium</option>
            <option value="STANDARD">Standard</option>
          </select>
        </div>
      </form>
      {error && <p role="alert">The cases could not be loaded: {error.message}</p>}
      <p aria-live="polite" className="muted">
        {fetching ? 'Loading…' : cases ? `${cases.totalCount} cases` : ''}
      </p>
      {cases && (
        <table>
          <caption className="visually-hidden">Cases, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Risk</th>
              <th scope="col">Lead</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {cases.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link to={`/cases/${node.id}`}>{node.reference}</Link>
                </td>
                <td>{node.title}</td>
                <td>{words(node.status)}</td>
                <td>{words(node.riskLevel)}</td>
                <td>{node.leadPartner.name}</td>
                <td>{day(node.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="paging">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!cases?.pageInfo.hasNextPage}
          onClick={() => setCursors([...cursors, cases!.pageInfo.endCursor ?? null])}
        >
          Next page
        </button>
      </nav>
    </main>
  );
}

import { createContext, useContext, type ReactNode } from 'react';
import type { CombinedError } from 'urql';

/**
 * The hub refuses a field the sharing agreement withholds with null and a FORBIDDEN error at its
 * path. The app must show such a field as withheld, never as empty: a blank could be read as
 * "nothing recorded". These are the refused paths of one answer, as "case.people.0.person...".
 */
export function withheldPaths(error: CombinedError | undefined): Set<string> {
  const paths = new Set<string>();
  for (const graphQLError of error?.graphQLErrors ?? []) {
    if (graphQLError.extensions?.code === 'FORBIDDEN' && graphQLError.path) {
      paths.add(graphQLError.path.join('.'));
    }
  }
  return paths;
}

const Withheld = createContext<Set<string>>(new Set());
export const WithheldProvider = Withheld.Provider;

export const WithheldBadge = () => (
  <span className="withheld" title="The sharing agreement withholds this from your partner">
    Withheld
  </span>
);

/** One field: its value, "Withheld" when refused, "Not recorded" when the hub says null. */
export function Field({
  label,
  path,
  value,
}: {
  label: string;
  path: (string | number)[];
  value: ReactNode | null | undefined;
}) {
  const refused = useContext(Withheld).has(path.join('.'));
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>
        {refused ? (
          <WithheldBadge />
        ) : value === null || value === undefined || value === '' ? (
          <span className="muted">Not recorded</span>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}

/** Whether a whole list or object at `path` was withheld. */
export function useWithheld(path: (string | number)[]): boolean {
  return useContext(Withheld).has(path.join('.'));
}

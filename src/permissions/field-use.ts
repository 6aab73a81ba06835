import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import { mayEverRead } from './decide';
import { policy } from './policy';

/**
 * Filtering or sorting on a field reveals its value as surely as reading it. A viewer may filter
 * or sort only on fields the policy lets them read.
 */
export function assertMayUseFields(
  viewer: Viewer,
  typeName: string,
  fields: string[],
  use: 'filter' | 'sort',
) {
  for (const field of fields) {
    const entry = policy[typeName]?.fields[field] ?? [];
    if (!mayEverRead(entry, viewer)) {
      throw new HubError(
        'FORBIDDEN',
        `Your partner and role may not ${use} by ${typeName}.${field}`,
        {
          field: `${typeName}.${field}`,
        },
      );
    }
  }
}

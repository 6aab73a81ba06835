import { HubError } from '../errors';

/**
 * Where each column a mapping names stands in a file's header, for both mapped formats (incidents
 * and partner records): a column the mapping uses may appear only once, and every one must be there.
 */
export function mappedColumnPositions(
  header: readonly string[],
  columns: readonly string[],
): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((name, i) => {
    const trimmed = name.trim();
    if (!at.has(trimmed)) at.set(trimmed, i);
    else if (columns.includes(trimmed)) {
      throw new HubError(
        'IMPORT_MAPPING_INVALID',
        `The header has the column ${JSON.stringify(trimmed)} twice, and the mapping uses it: rename one in the export`,
      );
    }
  });
  const missing = columns.filter((column) => !at.has(column));
  if (missing.length > 0) {
    throw new HubError(
      'IMPORT_COLUMNS_MISSING',
      `The mapping names ${missing.length === 1 ? 'a column' : 'columns'} the file does not have: ${missing.map((m) => JSON.stringify(m)).join(', ')}. The header has ${header.map((h) => JSON.stringify(h.trim())).join(', ')}`,
      { missing },
    );
  }
  return at;
}

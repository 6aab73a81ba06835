import {
  getNamedType,
  isObjectType,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export type FieldStatus = 'R' | 'F' | 'R/F';

/**
 * Walks a response alongside the schema and says, for each `Type.field` it met, whether it came
 * back readable (R: a value, or null with no error), refused (F: null with a FORBIDDEN error at
 * that path), or both in different rows (R/F).
 */
export function observeFields(
  schema: GraphQLSchema,
  data: Record<string, unknown> | null | undefined,
  errors: readonly GraphQLFormattedError[] = [],
): Map<string, FieldStatus> {
  const forbiddenPaths = new Set(
    errors
      .filter((error) => error.extensions?.code === 'FORBIDDEN')
      .map((error) => JSON.stringify(error.path)),
  );
  const seen = new Map<string, Set<'R' | 'F'>>();
  const mark = (coordinate: string, status: 'R' | 'F') => {
    if (!seen.has(coordinate)) seen.set(coordinate, new Set());
    seen.get(coordinate)!.add(status);
  };
  const walk = (
    type: GraphQLObjectType,
    value: Record<string, unknown>,
    path: (string | number)[],
  ) => {
    for (const [key, child] of Object.entries(value)) {
      const field = type.getFields()[key];
      if (!field) throw new Error(`${type.name} has no field ${key}`);
      const childPath = [...path, key];
      mark(
        `${type.name}.${key}`,
        child === null && forbiddenPaths.has(JSON.stringify(childPath)) ? 'F' : 'R',
      );
      const named = getNamedType(field.type);
      if (!isObjectType(named) || child === null) continue;
      if (Array.isArray(child)) {
        child.forEach(
          (item, i) =>
            item !== null && walk(named, item as Record<string, unknown>, [...childPath, i]),
        );
      } else {
        walk(named, child as Record<string, unknown>, childPath);
      }
    }
  };
  if (data) walk(schema.getQueryType()!, data, []);
  return new Map(
    [...seen].map(
      ([coordinate, statuses]) =>
        [coordinate, statuses.size === 2 ? 'R/F' : [...statuses][0]] as const,
    ),
  );
}

/** Parses a table written in a test: a header row of column names, then `row | cell | cell`. */
export function parseTable(text: string): { columns: string[]; rows: Map<string, string[]> } {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const [header, ...body] = lines;
  return { columns: header.slice(1), rows: new Map(body.map(([name, ...cells]) => [name, cells])) };
}

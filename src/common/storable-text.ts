/**
 * Text PostgreSQL cannot store as sent: a NUL character (refused in `text` and `jsonb`, so the
 * whole statement fails) and a lone UTF-16 surrogate (not a character at all: the driver would
 * store U+FFFD in its place, silently changing what the partner wrote). Refused before the
 * database, as the client's error, for every string a client can send.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with `text`, in words a practitioner can act on, or null when it can be stored. */
export function unstorableText(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  return found[0] === '\u0000'
    ? 'holds a NUL character (\\u0000), which cannot be stored'
    : 'holds half of a UTF-16 surrogate pair, which is not a character and cannot be stored';
}

/**
 * The first string anywhere in `value` (objects and lists walked) that cannot be stored, with
 * its path, such as `input.people[2].name`; object keys are checked as well.
 */
export function findUnstorableText(
  value: unknown,
  path: string,
): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unstorableText(key);
      if (keyProblem) return { path, problem: `has a field name that ${keyProblem}` };
      const found = findUnstorableText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * The rows of every table in docs/rules.md:
 * rule | source | configuration | error code | test | enforced in (file and function).
 */
function ruleRows() {
  const text = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(rule|-)/i.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        rule: cells[0],
        source: cells[1],
        codeCell: cells[3],
        test: cells[4],
        enforcedIn: cells[5] ?? '',
      };
    });
}

describe('docs/rules.md, the rules the hub enforces', () => {
  const rows = ruleRows();
  // The hub's error codes, and the event kinds a rule may produce instead of a refusal.
  const known = new Set(
    ['src/errors.ts', 'src/notifications/hub-event-kind.enum.ts'].flatMap((file) =>
      [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/'([A-Z][A-Z_]+)'/g)].map(
        (m) => m[1],
      ),
    ),
  );
  // Test sources as text, with the escapes test names use decoded (\u2019, \').
  const tests = testFiles(path.join(root, 'test')).map((file) =>
    fs
      .readFileSync(file, 'utf8')
      .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\(['"])/g, '$1')
      .replace(/\s+/g, ' '),
  );
  const exists = (name: string) => tests.some((source) => source.includes(name));

  it('lists rules', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  it('gives every rule a source, and names only codes the hub really has', () => {
    const bad = rows.flatMap((row) => {
      const named = [...row.codeCell.matchAll(/`([A-Z][A-Z_]{2,})`/g)].map((m) => m[1]);
      return [
        ...(row.source ? [] : [`${row.rule}: no source`]),
        ...named.filter((code) => !known.has(code)).map((code) => `${row.rule}: ${code}`),
      ];
    });
    expect(bad).toEqual([]);
  });

  it('names, for every rule, a test that exists', () => {
    const missing = rows
      .map((row) => row.test.replace(/^"|"$/g, '').replace(/\\\|/g, '|').replace(/\s+/g, ' '))
      // A cell may name several tests, separated by "; ".
      .filter((name) => !exists(name) && !name.split('; ').every(exists));
    expect(missing).toEqual([]);
  });

  // Each "enforced in" pair is `path` `name`: the file exists and declares the name (a function,
  // constant, class or method, an object key such as a LADDER_RULES code, or a migration's
  // trigger), so a newcomer finds the check in one step and a rename cannot leave the row stale.
  it('names, for every rule, the file and function that enforce it, and they exist', () => {
    const declares = (source: string, name: string) =>
      new RegExp(
        `(?:function\\*?|const|let|class|interface|type|enum|trigger)\\s+${name}\\b` +
          `|^\\s*(?:export\\s+)?(?:async\\s+|static\\s+|private\\s+|public\\s+|readonly\\s+)*${name}\\s*[(:<=]`,
        'm',
      ).test(source);
    const bad = rows.flatMap((row) => {
      const pairs = [...row.enforcedIn.matchAll(/`([^`]+\.ts)`\s+`(\w+)`/g)];
      if (pairs.length === 0) return [`${row.rule}: no file and function`];
      return pairs.flatMap(([, file, name]) => {
        const full = path.join(root, file);
        if (!fs.existsSync(full)) return [`${row.rule}: ${file} does not exist`];
        return declares(fs.readFileSync(full, 'utf8'), name)
          ? []
          : [`${row.rule}: ${file} does not declare ${name}`];
      });
    });
    expect(bad).toEqual([]);
  });
});

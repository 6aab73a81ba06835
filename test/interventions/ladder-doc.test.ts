import fs from 'node:fs';
import path from 'node:path';
import { LADDER_RULES } from '../../src/interventions/ladder.rules';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/rules/ladder.md'), 'utf8');
const rows = doc
  .split('\n')
  .filter(
    (line) => line.startsWith('| ') && !line.startsWith('| rule') && !line.startsWith('| ---'),
  )
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
const testSources = fs
  .readdirSync(__dirname)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => fs.readFileSync(path.join(__dirname, name), 'utf8'))
  .join('\n');

/** The names of the tests, however Prettier wraps the call. */
const declared = new Set([...testSources.matchAll(/\bit\(\s*'([^']+)'/g)].map((m) => m[1]));

describe('docs/rules/ladder.md, the table of the ladder’s rules', () => {
  it('names a test that exists for every rule it lists', () => {
    const missing = rows.map((row) => row[4]).filter((name) => name && !declared.has(name));
    expect(missing).toEqual([]);
  });

  it('lists every error code the ladder refuses with', () => {
    const missing = Object.keys(LADDER_RULES).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});

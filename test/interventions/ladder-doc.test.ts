import fs from 'node:fs';
import path from 'node:path';
import { LADDER_RULES } from '../../src/interventions/ladder.rules';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/rules.md'), 'utf8');

// That every row names a real test and a real code is checked for the whole file in test/docs.
describe('docs/rules.md, the ladder’s rules', () => {
  it('lists every error code the ladder refuses with', () => {
    const missing = Object.keys(LADDER_RULES).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The folders docs/contributing.md "Layout" names: the first cell of each row, `name/`. */
function documentedFolders(): { folder: string; holds: string }[] {
  const text = fs.readFileSync(path.join(root, 'docs/contributing.md'), 'utf8');
  const start = text.indexOf('\n## Layout\n');
  if (start < 0) throw new Error('docs/contributing.md has no "## Layout" section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .map((line) => /^\|\s*`([^`]+)\/`\s*\|([^|]*)\|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ folder: match[1], holds: match[2].trim() }));
}

const srcFolders = fs
  .readdirSync(path.join(root, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('docs/contributing.md "Layout", the one list of src/ folders', () => {
  const documented = documentedFolders();
  const names = documented.map((row) => row.folder);

  it('has a line for every folder under src/', () => {
    expect(srcFolders.filter((folder) => !names.includes(folder))).toEqual([]);
  });

  it('names no folder that does not exist under src/', () => {
    expect(names.filter((folder) => !srcFolders.includes(folder))).toEqual([]);
  });

  it('lists each folder once, with what it holds', () => {
    const twice = names.filter((folder, i) => names.indexOf(folder) !== i);
    const empty = documented.filter((row) => !row.holds).map((row) => row.folder);
    expect({ twice, empty }).toEqual({ twice: [], empty: [] });
  });
});

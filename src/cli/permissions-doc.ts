import fs from 'node:fs';
import path from 'node:path';
import { renderPermissionsDoc } from '../permissions/permissions-doc';

/** `npm run permissions:doc`: writes docs/permissions.md, the sharing schedule, from the policy. */
const target = path.resolve(__dirname, '../../docs/permissions.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderPermissionsDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);

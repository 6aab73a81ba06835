import fs from 'node:fs';
import path from 'node:path';
import { renderConfigurationDoc } from '../config-doc';

/** `npm run config:doc`: writes docs/configuration.md, the table of variables, from src/config.ts. */
const target = path.resolve(__dirname, '../../docs/configuration.md');
fs.writeFileSync(target, renderConfigurationDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);

import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../schema';

/** Writes schema/schema.graphql from the code; a test fails when the checked-in file drifts. */
const target = path.resolve(__dirname, '../../schema/schema.graphql');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, printHubSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);

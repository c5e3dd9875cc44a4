/** `npm run sim:doc` — regenerates the parameter table in sim/MODEL.md from sim/engine/parameters.ts. */
import { readFile, writeFile } from 'node:fs/promises';
import { withParameterTable } from '../sim/engine/parameter-table';

const path = 'sim/MODEL.md';
const text = await readFile(path, 'utf8');
const next = withParameterTable(text);
await writeFile(path, next);
console.log(next === text ? `${path}: parameter table already up to date` : `${path}: parameter table regenerated`);

/** `npm run sim:doc` — regenerates the parameter and preset tables of sim/MODEL.md from sim/engine/parameters.ts and modes.ts, and the calibration's fit from sim/reports/calibration.json. */
import { readFile, writeFile } from 'node:fs/promises';
import { withGeneratedTables } from '../sim/engine/parameter-table';

const path = 'sim/MODEL.md';
const text = await readFile(path, 'utf8');
const calibration = JSON.parse(await readFile('sim/reports/calibration.json', 'utf8'));
const next = withGeneratedTables(text, calibration);
await writeFile(path, next);
console.log(next === text ? `${path}: tables already up to date` : `${path}: tables regenerated`);

/**
 * Builds a second site on another place's data, for the browser tests: the importer's Open311
 * fixture (its own places, two months of 2022, no satisfaction, ledger type, steps or village;
 * one published figure supplied) imported with the CLI, then `DATASET=… npm run build` with the
 * static folder and the output moved (SITE_STATIC, SITE_BUILD: svelte.config.js), so the default
 * site in build/ and static/data are left alone. Skipped when build-imported/ is newer than
 * build/ and the fixture (the tests then reuse it). Takes about 30 s on this machine.
 *   tsx scripts/build-imported.ts [--force]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORTED_BUILD = 'build-imported';
const WORK = '.cache/imported-site';
export const IMPORTED_REPORT = join(IMPORTED_BUILD, '..', WORK, 'report.json');
const FIXTURE = 'tests/fixtures/import';
const inputs = ['open311.json', 'open311.map.json', 'open311.published.json'].map((f) => join(FIXTURE, f));

const mtime = (p: string) => statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const fresh = () => {
	const built = mtime(join(IMPORTED_BUILD, 'index.html'));
	return built > 0 && mtime(IMPORTED_REPORT) > 0 && built > mtime('build/index.html') && inputs.every((f) => built > mtime(f));
};

if (!process.argv.includes('--force') && fresh()) {
	console.log(`build-imported: ${IMPORTED_BUILD}/ is up to date`);
	process.exit(0);
}
const started = performance.now();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(join(WORK, 'static'), { recursive: true });
cpSync('static/favicon.svg', join(WORK, 'static/favicon.svg'));
const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
	execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
const tsx = 'node_modules/.bin/tsx';
// The report (the Node pipeline's counts) is what the tests compare the pages with.
run(tsx, ['scripts/import.ts', '--quiet', '--from', inputs[0], '--map', inputs[1], '--published', inputs[2], '--out', join(WORK, 'dataset'), '--report', IMPORTED_REPORT]);
const env = { SITE_STATIC: join(WORK, 'static'), SITE_BUILD: IMPORTED_BUILD };
run(tsx, ['scripts/generate-data.ts', '--quiet'], { ...env, DATASET: join(WORK, 'dataset') });
run('node_modules/.bin/vite', ['build', '--logLevel', 'error'], env);
console.log(`build-imported: built ${IMPORTED_BUILD}/ on ${inputs[0]} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

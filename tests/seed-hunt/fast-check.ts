/**
 * fast-check for the seed hunt (tests/seed-hunt/vitest.config.ts puts it in place of `fast-check`):
 * every `fc.assert` with a fresh random seed (a test's own `seed` and `path` are dropped) and
 * FC_MULT times its runs (default 10; FC_MULT=1 keeps a test's run count, so floors stated as
 * exact counts still hold). FC_LOG=FILE appends one line per assert: file > test, seed, runs, so a
 * failure found can be replayed with that seed.
 */
import { appendFileSync } from 'node:fs';
import { expect } from 'vitest';
import real from '../../node_modules/fast-check/lib/fast-check.js';

const mult = Number(process.env.FC_MULT ?? 10);
const log = process.env.FC_LOG;

type Assert = typeof real.assert;
const assert = ((property: Parameters<Assert>[0], params: Parameters<Assert>[1] = {}) => {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { seed: _seed, path: _path, ...rest } = params;
	const seed = Math.floor(Math.random() * 2 ** 31);
	const numRuns = Math.max(1, Math.round((params.numRuns ?? 100) * mult));
	if (log) {
		const state = expect.getState();
		appendFileSync(log, `${state.testPath?.split('/').pop()} > ${state.currentTestName}\tseed=${seed}\truns=${numRuns}\n`);
	}
	return real.assert(property, { ...rest, numRuns, seed });
}) as Assert;

export default { ...real, assert };

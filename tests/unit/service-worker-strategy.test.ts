import { describe, expect, it } from 'vitest';
import {
	DATA_CACHE,
	ENGINE_CACHE,
	dataTableUrls,
	isCurrentData,
	precacheList,
	preparedUrl,
	shellCache,
	staleCaches,
	staleEngineEntries,
	strategyFor,
	type DataMeta
} from '../../src/lib/sw/strategy';

const meta: DataMeta = {
	tables: {
		units: { arrow: { file: 'units.arrow', sha256: 'aaaaaaaaaaaa1111' } },
		cases: { arrow: { file: 'case_counts.arrow', sha256: 'bbbbbbbbbbbb2222' } },
		csvOnly: {}
	},
	villageCases: { dir: 'cases', sha256: 'cccccccccccc3333' },
	prepared: { dir: 'prepared', sha256: 'dddddddddddd4444' }
};

describe('the service worker', () => {
	for (const base of ['', '/sandbox']) {
		it(`precaches the shell under ${base || 'the root'}: build but the engine, pages with their slash, meta.json but no data table`, () => {
			const list = precacheList({
				base,
				build: [`${base}/_app/immutable/entry/app.js`, `${base}/_app/immutable/assets/duckdb-eh.X.wasm`, `${base}/_app/immutable/assets/duckdb-browser-eh.worker.Y.js`, `${base}/_app/immutable/workers/sim.worker-Z.js`, `${base}/_app/immutable/workers/import.worker-W.js`],
				files: [`${base}/favicon.svg`, `${base}/data/meta.json`, `${base}/data/units.arrow`, `${base}/data/units.csv`, `${base}/data/cases/1.arrow`, `${base}/data/prepared/overview/county.json`],
				prerendered: [`${base}/`, `${base}/__data.json`, `${base}/en/ledgers/bulletin/`, `${base}/en/ledgers/bulletin/__data.json`, `${base}/en`, `${base}/embed/overview/monthly/`, `${base}/en/embed/grid/lines/__data.json`]
			});
			expect(list).toEqual([
				`${base}/_app/immutable/entry/app.js`,
				`${base}/_app/immutable/workers/sim.worker-Z.js`,
				`${base}/favicon.svg`,
				`${base}/data/meta.json`,
				`${base}/`,
				`${base}/__data.json`,
				`${base}/en/ledgers/bulletin/`,
				`${base}/en/ledgers/bulletin/__data.json`,
				`${base}/en/`
			]);
		});

		it(`answers each address by its kind under ${base || 'the root'}`, () => {
			expect(strategyFor(`${base}/_app/immutable/chunks/a.js`, base)).toBe('immutable');
			expect(strategyFor(`${base}/_app/immutable/assets/duckdb-mvp.X.wasm`, base)).toBe('engine');
			expect(strategyFor(`${base}/_app/immutable/assets/duckdb-browser-mvp.worker.Y.js`, base)).toBe('engine');
			expect(strategyFor(`${base}/data/units.arrow`, base)).toBe('data');
			expect(strategyFor(`${base}/data/cases/610922109203.arrow`, base)).toBe('data');
			expect(strategyFor(`${base}/data/prepared/ledgers/610922109-all.json`, base)).toBe('prepared');
			expect(strategyFor(`${base}/data/prepared/index.json`, base)).toBe('prepared');
			expect(strategyFor(`${base}/data/meta.json`, base)).toBe('network-first');
			expect(strategyFor(`${base}/en/grid/`, base)).toBe('network-first');
			expect(strategyFor(`${base}/en/grid/__data.json`, base)).toBe('network-first');
			expect(strategyFor(`${base}/service-worker.js`, base)).toBe('pass');
		});

		it(`names the data tables as the layout asks for them under ${base || 'the root'}`, () => {
			expect(dataTableUrls(meta, base)).toEqual([`${base}/data/units.arrow?v=aaaaaaaaaaaa`, `${base}/data/case_counts.arrow?v=bbbbbbbbbbbb`]);
			expect(isCurrentData(`${base}/data/units.arrow`, '?v=aaaaaaaaaaaa', meta, base)).toBe(true);
			expect(isCurrentData(`${base}/data/units.arrow`, '?v=000000000000', meta, base)).toBe(false);
			expect(isCurrentData(`${base}/data/cases/1.arrow`, '?v=cccccccccccc', meta, base)).toBe(true);
			expect(isCurrentData(`${base}/data/cases/1.arrow`, '?v=000000000000', meta, base)).toBe(false);
			expect(isCurrentData(`${base}/data/units.csv`, '', meta, base)).toBe(true);
		});

		it(`names the prepared answers as the dataset asks for them, and keeps only this version's, under ${base || 'the root'}`, () => {
			expect(preparedUrl(meta, base, 'grid/610922109-red')).toBe(`${base}/data/prepared/grid/610922109-red.json?v=dddddddddddd`);
			expect(preparedUrl({ ...meta, prepared: undefined }, base, 'index')).toBeNull();
			expect(isCurrentData(`${base}/data/prepared/grid/610922109-red.json`, '?v=dddddddddddd', meta, base)).toBe(true);
			expect(isCurrentData(`${base}/data/prepared/grid/610922109-red.json`, '?v=000000000000', meta, base)).toBe(false);
			expect(isCurrentData(`${base}/data/prepared/grid/610922109-red.json`, '', meta, base)).toBe(false);
		});
	}

	it('is not under the site: addresses outside base pass to the browser', () => {
		expect(strategyFor('/other/index.html', '/sandbox')).toBe('pass');
		expect(strategyFor('/sandboxed/', '/sandbox')).toBe('pass');
	});

	it('on activating a new version drops older shells only, keeping the engine, the data and other sites’ caches', () => {
		const keys = [shellCache('1'), shellCache('2'), ENGINE_CACHE, DATA_CACHE, 'someone-elses-cache'];
		expect(staleCaches(keys, '2')).toEqual([shellCache('1')]);
		expect(staleCaches([shellCache('2'), ENGINE_CACHE], '2')).toEqual([]);
	});

	it('prunes engine files the new build no longer names (a new engine), keeps the ones it does', () => {
		expect(staleEngineEntries(['/_app/immutable/assets/duckdb-eh.OLD.wasm', '/_app/immutable/assets/duckdb-eh.NEW.wasm'], ['/_app/immutable/assets/duckdb-eh.NEW.wasm'])).toEqual([
			'/_app/immutable/assets/duckdb-eh.OLD.wasm'
		]);
	});
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignField, fieldOf, forgetMapping, recallMapping, rememberMapping, rememberedKey } from '../../src/lib/components/import/remembered';
import { emptyMapping } from '../../src/lib/import/mapping';
import { storedProblem, STORED_FORMAT, type StoredImport } from '../../src/lib/import/browser/store';
import { importedMeta } from '../../src/lib/data/imported-dataset';
import { TABLE_NAMES } from '../../sim/dataset/schema';

class MemoryStorage {
	items = new Map<string, string>();
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => void this.items.set(k, v);
	removeItem = (k: string) => void this.items.delete(k);
}

describe('remembered mappings', () => {
	it('are kept per header key and read back as the same document', () => {
		const storage = new MemoryStorage();
		const m = { ...emptyMapping(['a', 'b']), fields: { received_at: 'a' } };
		expect(rememberMapping(storage, 'a\u001fb', m)).toBe(true);
		expect(recallMapping(storage, 'a\u001fb')).not.toBeNull();
		expect(JSON.parse(recallMapping(storage, 'a\u001fb')!)).toEqual(m);
		expect(recallMapping(storage, 'other')).toBeNull();
		expect([...storage.items.keys()]).toEqual([rememberedKey('a\u001fb')]);
		forgetMapping(storage, 'a\u001fb');
		expect(recallMapping(storage, 'a\u001fb')).toBeNull();
	});

	it('a storage that refuses is not an error', () => {
		const refusing = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(rememberMapping(refusing, 'k', emptyMapping([]))).toBe(false);
		expect(recallMapping(refusing, 'k')).toBeNull();
	});
});

describe('assignField: a column holds one field, a field comes from one column', () => {
	const FIELDS = ['case_id', 'status', 'town', 'received_at', 'archived_at'] as const;
	const HEADERS = ['A', 'B', 'C', 'D', 'E', 'F'];
	it('property: the choice is made, whatever held either lets go, the rest is untouched', () => {
		let displaced = 0;
		fc.assert(
			fc.property(
				fc.dictionary(fc.constantFrom(...FIELDS), fc.constantFrom(...HEADERS)),
				fc.constantFrom(...HEADERS),
				fc.option(fc.constantFrom(...FIELDS), { nil: null }),
				(before, header, field) => {
					// A valid starting point: no header twice.
					const seen = new Set<string>();
					const fields = Object.fromEntries(Object.entries(before).filter(([, h]) => !seen.has(h) && seen.add(h)));
					const after = assignField(fields, header, field);
					expect(fieldOf(after, header)).toBe(field);
					const heads = Object.values(after);
					expect(new Set(heads).size).toBe(heads.length);
					for (const [f, h] of Object.entries(fields)) {
						if (h !== header && f !== field) expect(after[f as keyof typeof after]).toBe(h);
						else if (f !== field || h !== header) displaced++;
					}
				}
			),
			{ numRuns: 500 }
		);
		// The interesting cases (a previous holder let go) were reached often.
		expect(displaced).toBeGreaterThan(100);
	});
});

describe('the kept import', () => {
	const stored = (): StoredImport => ({
		format: STORED_FORMAT,
		version: 1,
		generation: 'g1',
		files: ['a.csv'],
		rows: 10,
		kept: 8,
		at: '2026-01-01T00:00:00.000Z',
		places: 'county',
		villages: [],
		tables: Object.fromEntries(TABLE_NAMES.map((t, i) => [t, { rows: i, bytes: 100 + i }])) as StoredImport['tables'],
		report: {} as StoredImport['report']
	});
	it('a complete description is usable; damaged ones say why', () => {
		expect(storedProblem(stored())).toBeNull();
		expect(storedProblem(null)).toMatch(/not a kept import/);
		expect(storedProblem({ ...stored(), version: 2 })).toMatch(/not a kept import/);
		expect(storedProblem({ ...stored(), villages: 'x' })).toMatch(/incomplete/);
		const { cases: _, ...tables } = stored().tables;
		expect(storedProblem({ ...stored(), tables })).toMatch(/tables/);
	});
	it('its meta: every table with its rows, not synthetic, no prepared answers', () => {
		const s = stored();
		const meta = importedMeta(s, 7);
		expect(meta.synthetic).toBe(false);
		expect(meta.prepared).toBeUndefined();
		expect(meta.imported).toEqual({ files: ['a.csv'], rows: 10, kept: 8, at: s.at, places: 'county' });
		for (const t of TABLE_NAMES) expect(meta.tables[t].rows).toBe(s.tables[t].rows);
	});
});

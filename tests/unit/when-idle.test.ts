import { describe, expect, it } from 'vitest';
import { fastConnection } from '../../src/lib/data/when-idle';

describe('background downloads', () => {
	it('are welcome on a fast connection or where the browser does not say', () => {
		expect(fastConnection({ effectiveType: '4g', saveData: false })).toBe(true);
		expect(fastConnection({})).toBe(true);
		expect(fastConnection(undefined)).toBe(true);
	});

	it('are not when the user saves data, nor on slow connections', () => {
		expect(fastConnection({ effectiveType: '4g', saveData: true })).toBe(false);
		for (const effectiveType of ['slow-2g', '2g', '3g']) expect(fastConnection({ effectiveType })).toBe(false);
	});
});

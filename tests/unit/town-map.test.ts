import { Delaunay } from 'd3';
import { describe, expect, it } from 'vitest';
import { TOWN_MAP_BOX, townMapCells } from '../../src/lib/components/town-map-geometry';
import { TOWNS } from '../../sim/county/towns';

describe('the town map’s cells, computed at build time', () => {
	it('are what the build defines for the page (vite.config.ts)', () => {
		expect(__TOWN_MAP_CELLS__).toEqual(townMapCells());
	});

	it('give each town one closed cell inside the box, holding its own seat and no other', () => {
		const cells = townMapCells();
		expect(cells.map((c) => c.code)).toEqual(TOWNS.map((t) => t.code));
		// Each seat lies in its own cell: the nearest seat of any point of a cell is that cell's (Voronoi), checked at the seats.
		const seats = Delaunay.from(cells.map((c) => c.point));
		for (const [i, c] of cells.entries()) {
			expect(c.path).toMatch(/^M[\d.,LZ\s-]+Z$/);
			expect(seats.find(...c.point)).toBe(i);
			const xs = [...c.path.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
			expect(xs.length).toBeGreaterThanOrEqual(3);
			for (const [x, y] of xs) {
				expect(x).toBeGreaterThanOrEqual(2 - 1e-9);
				expect(x).toBeLessThanOrEqual(TOWN_MAP_BOX.width - 2 + 1e-9);
				expect(y).toBeGreaterThanOrEqual(2 - 1e-9);
				expect(y).toBeLessThanOrEqual(TOWN_MAP_BOX.height - 2 + 1e-9);
			}
		}
	});
});

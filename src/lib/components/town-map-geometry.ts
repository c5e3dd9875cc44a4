import { Delaunay, scaleLinear } from 'd3';
// A relative path: vite.config.ts imports this module, where the $sim alias does not exist.
import { TOWNS } from '../../../sim/county/towns.ts';

/** The schematic town map's box (SVG units). */
export const TOWN_MAP_BOX = { width: 300, height: 260, pad: 30 } as const;

/** One town's cell: the Voronoi cell's SVG path around its seat, and the seat's position. */
export interface TownMapCell {
	code: string;
	path: string;
	point: [number, number];
}

declare global {
	/** The cells, computed at build time (vite.config.ts `define`), so the page needs no d3-delaunay. */
	const __TOWN_MAP_CELLS__: TownMapCell[];
}

/**
 * Voronoi cells around the approximate town seats, clipped to the box: equirectangular with
 * longitude shrunk by cos(latitude), fine for a county this small. Depends only on constants, so
 * vite.config.ts computes it once at build time and TownMap.svelte reads the result.
 */
export function townMapCells(): TownMapCell[] {
	const { width, height, pad } = TOWN_MAP_BOX;
	const k = Math.cos((33 * Math.PI) / 180);
	const lons = TOWNS.map((t) => t.seatLon * k);
	const lats = TOWNS.map((t) => t.seatLat);
	const span = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
	const x = scaleLinear().domain([Math.min(...lons), Math.min(...lons) + span]).range([pad, width - pad]);
	const y = scaleLinear().domain([Math.min(...lats), Math.min(...lats) + span]).range([height - pad, pad]);
	const points = TOWNS.map((t, i) => [x(lons[i]), y(lats[i])] as [number, number]);
	const voronoi = Delaunay.from(points).voronoi([2, 2, width - 2, height - 2]);
	return TOWNS.map((t, i) => ({ code: t.code, path: voronoi.renderCell(i), point: points[i] }));
}

import type { BrowserTable } from '../../../sim/dataset/schema';
import type { QueryRunner } from './query-runner';

export const GRID_TABLES: readonly BrowserTable[] = ['units', 'households', 'household_status', 'liaisons'];
const TOWN = `($1::VARCHAR IS NULL OR town_code = $1::VARCHAR)`;

export interface ColourCount {
	quarter: string;
	colour: string;
	households: number;
}

/** Households by colour in each quarter since the "321" model went county-wide. */
export function colourByQuarter(db: QueryRunner, town: string | null): Promise<ColourCount[]> {
	return db.query<ColourCount>(
		`SELECT s.quarter, s.colour, count(*) AS households FROM household_status s JOIN households h USING (household_id)
		WHERE ($1::VARCHAR IS NULL OR h.town_code = $1::VARCHAR) GROUP BY ALL ORDER BY s.quarter, s.colour`,
		[town]
	);
}

export interface RedVillage {
	villageId: string;
	name_zh: string;
	name_en: string;
	households: number;
	red: number;
}

/** The villages with the largest share of red (连心) households in the latest quarter: where they cluster. */
export function redVillages(db: QueryRunner, town: string | null, limit = 12): Promise<RedVillage[]> {
	return db.query<RedVillage>(
		`WITH latest AS (SELECT max(quarter) AS q FROM household_status)
		SELECT h.village_id::VARCHAR AS "villageId", u.name_zh, u.name_en, count(*) AS households, count(*) FILTER (s.colour = 'red') AS red
		FROM household_status s JOIN households h USING (household_id) JOIN units u ON u.unit_id = h.village_id, latest
		WHERE s.quarter = latest.q AND ($1::VARCHAR IS NULL OR h.town_code = $1::VARCHAR)
		GROUP BY ALL ORDER BY count(*) FILTER (s.colour = 'red') / count(*) DESC, "villageId" LIMIT ${Math.max(1, Math.min(50, Math.floor(limit)))}`,
		[town]
	);
}

export interface LiaisonLine {
	line: string;
	liaisons: number;
	households: number;
}

export function liaisonLines(db: QueryRunner, town: string | null): Promise<LiaisonLine[]> {
	return db.query<LiaisonLine>(
		`SELECT line, count(*) AS liaisons, sum(households_linked)::BIGINT AS households FROM liaisons WHERE ${TOWN} GROUP BY ALL ORDER BY liaisons DESC`,
		[town]
	);
}

export interface UnitNode {
	id: string;
	parent: string | null;
	level: string;
	name_zh: string;
	name_en: string;
	households: number;
}

/**
 * The grid hierarchy to draw: county → towns → villages for the county; for one town, its
 * villages → village grids → villager groups → household clusters.
 */
export function hierarchy(db: QueryRunner, town: string | null): Promise<UnitNode[]> {
	return db.query<UnitNode>(
		town === null
			? `SELECT unit_id::VARCHAR AS id, parent_id::VARCHAR AS parent, level, name_zh, name_en, households FROM units
				WHERE level IN ('county', 'town', 'village') ORDER BY unit_id`
			: `SELECT unit_id::VARCHAR AS id, CASE WHEN level = 'town' THEN NULL ELSE parent_id::VARCHAR END AS parent, level, name_zh, name_en, households
				FROM units WHERE level <> 'county' AND town_code = $1::VARCHAR ORDER BY unit_id`,
		town === null ? [] : [town]
	);
}

export interface GridData {
	town: string | null;
	colours: ColourCount[];
	red: RedVillage[];
	lines: LiaisonLine[];
	nodes: UnitNode[];
}

export async function gridData(db: QueryRunner, town: string | null): Promise<GridData> {
	const [colours, red, lines, nodes] = await Promise.all([colourByQuarter(db, town), redVillages(db, town), liaisonLines(db, town), hierarchy(db, town)]);
	return { town, colours, red, lines, nodes };
}

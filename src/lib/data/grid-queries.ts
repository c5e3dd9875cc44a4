import type { BrowserTable } from '$sim/dataset/schema';
import { Cache } from '../cache';
import type { QueryParam, QueryRunner } from './query-runner';
import type { Colour, Scope } from './scope';

export const GRID_TABLES: readonly BrowserTable[] = ['units', 'households', 'household_status', 'liaisons'];

/** `$1` town code and `$2` village id (NULL: not filtered) on a table with town_code and village_id columns, aliased `t`. */
const IN_SCOPE = (t: string) => `($1::VARCHAR IS NULL OR ${t}.town_code = $1::VARCHAR) AND ($2::VARCHAR IS NULL OR ${t}.village_id = $2::BIGINT)`;
const placeParams = (s: Scope): QueryParam[] => [s.town, s.village];
/**
 * Every household's colour each quarter with its place, villager group and liaison line, joined
 * once per engine (the page's queries then filter and count one table instead of joining three
 * on every change). `latest` marks the latest quarter. (A county's own households may have no grid: kept, without a villager group.)
 */
const HOUSEHOLD_COLOURS = `CREATE TABLE IF NOT EXISTS household_colours AS
	SELECT s.quarter, s.colour, s.quarter = (SELECT max(quarter) FROM household_status) AS latest,
		h.household_id, h.town_code, h.village_id, h.grid_id, g.parent_id AS group_id, h.liaison_id, l.line
	FROM household_status s JOIN households h USING (household_id) LEFT JOIN units g ON g.unit_id = h.grid_id
		LEFT JOIN liaisons l ON l.liaison_id = h.liaison_id
	ORDER BY h.town_code, h.village_id, s.quarter`;
const joined = new WeakMap<QueryRunner, Cache<'household_colours', Promise<unknown>>>();
export function householdColours(db: QueryRunner): Promise<unknown> {
	let made = joined.get(db);
	if (!made) joined.set(db, (made = new Cache()));
	return made.getOrMake('household_colours', () => db.query(HOUSEHOLD_COLOURS));
}
/** Households (alias h) in the latest quarter, in the scope's place: FROM … WHERE …. */
const HOUSEHOLDS = `household_colours h`;
const LATEST_IN_SCOPE = `h.latest AND ${IN_SCOPE('h')}`;

export interface ColourCount {
	quarter: string;
	colour: string;
	households: number;
}

/**
 * Households by colour in each quarter since the "321" model went county-wide, in the scope's
 * place. Every colour, whatever the colour filter: this chart is where a colour is picked.
 */
function colourByQuarter(db: QueryRunner, scope: Scope): Promise<ColourCount[]> {
	return db.query<ColourCount>(
		`SELECT quarter, colour, count(*) AS households FROM household_colours h WHERE ${IN_SCOPE('h')} GROUP BY ALL ORDER BY quarter, colour`,
		placeParams(scope)
	);
}

export interface Cluster {
	unitId: string;
	name_zh: string;
	name_en: string;
	households: number;
	/** Households of the colour (red when no colour is picked) in the latest quarter. */
	coloured: number;
}

/**
 * Where households of a colour cluster: the units with the largest share of them in the latest
 * quarter — villages for the county or a town, villager groups within a village. Red (连心户,
 * close care) unless the scope picks a colour.
 */
function clusters(db: QueryRunner, scope: Scope, limit = 12): Promise<Cluster[]> {
	// Households sit on household-cluster grids, whose parent is the villager group.
	const unit = scope.village === null ? 'h.village_id' : 'h.group_id';
	return db.query<Cluster>(
		`WITH hh AS (SELECT ${unit} AS unit_id, h.colour FROM ${HOUSEHOLDS} WHERE ${LATEST_IN_SCOPE})
		SELECT u.unit_id::VARCHAR AS "unitId", u.name_zh, u.name_en, count(*) AS households, count(*) FILTER (hh.colour = $3::VARCHAR) AS coloured
		FROM hh JOIN units u USING (unit_id)
		GROUP BY ALL ORDER BY count(*) FILTER (hh.colour = $3::VARCHAR) / count(*) DESC, "unitId" LIMIT ${Math.max(1, Math.min(50, Math.floor(limit)))}`,
		[...placeParams(scope), scope.colour ?? 'red']
	);
}

export interface LiaisonLine {
	line: string;
	/** Liaisons of the line (with a colour picked: those who look after at least one household of it). */
	liaisons: number;
	/** Households they look after (with a colour picked: of that colour, in the latest quarter). */
	households: number;
}

/** The three liaison lines in the scope's place: liaisons and the households they look after. */
function liaisonLines(db: QueryRunner, scope: Scope): Promise<LiaisonLine[]> {
	return scope.colour === null
		? db.query<LiaisonLine>(
				`SELECT line, count(*) AS liaisons, sum(households_linked)::BIGINT AS households FROM liaisons l WHERE ${IN_SCOPE('l')}
				GROUP BY ALL ORDER BY liaisons DESC, line`,
				placeParams(scope)
			)
		: db.query<LiaisonLine>(
				`SELECT line, count(DISTINCT liaison_id) AS liaisons, count(*) AS households
				FROM ${HOUSEHOLDS} WHERE ${LATEST_IN_SCOPE} AND h.colour = $3::VARCHAR GROUP BY ALL ORDER BY liaisons DESC, line`,
				[...placeParams(scope), scope.colour]
			);
}

export interface UnitNode {
	id: string;
	parent: string | null;
	level: string;
	name_zh: string;
	name_en: string;
	/** Households in the unit (with a colour picked: of that colour in the latest quarter). */
	households: number;
}

/**
 * The grid hierarchy to draw: county → towns → villages for the county; below a town or a village,
 * all of it (villages → village grids → villager groups → household clusters), the chosen unit
 * as the root. With a colour picked, each unit counts its households of that colour in the latest
 * quarter (summed up from the units households sit on).
 */
async function hierarchy(db: QueryRunner, scope: Scope): Promise<UnitNode[]> {
	const root = scope.village ?? scope.town;
	// The units under the root ($n), the root's parent cut off.
	const units = (n: number) =>
		`SELECT * REPLACE (CASE WHEN unit_id = $${n}::BIGINT THEN NULL ELSE parent_id END AS parent_id) FROM ` +
		(root === null
			? `units WHERE level IN ('county', 'town', 'village')`
			: `(WITH RECURSIVE sub AS (SELECT * FROM units WHERE unit_id = $${n}::BIGINT
					UNION ALL SELECT u.* FROM units u JOIN sub ON u.parent_id = sub.unit_id) SELECT * FROM sub)`);
	const NODE = `unit_id::VARCHAR AS id, parent_id::VARCHAR AS parent, level, name_zh, name_en`;
	if (scope.colour === null) return db.query<UnitNode>(`SELECT ${NODE}, households FROM (${units(1)}) ORDER BY unit_id`, [root]);
	// The county view stops at villages: count by village there, by household cluster below.
	const leaf = root === null ? 'h.village_id' : 'h.grid_id';
	const nodes = await db.query<UnitNode>(
		`WITH n AS (SELECT ${leaf} AS unit_id, count(*) AS households FROM ${HOUSEHOLDS} WHERE ${LATEST_IN_SCOPE} AND h.colour = $4::VARCHAR GROUP BY ALL)
		SELECT ${NODE}, coalesce(n.households, 0) AS households FROM (${units(3)}) LEFT JOIN n USING (unit_id) ORDER BY unit_id`,
		[...placeParams(scope), root, scope.colour]
	);
	return rollUp(nodes);
}

/** Each node's households as the sum over its subtree (nodes may come in any order). */
export function rollUp(nodes: readonly UnitNode[]): UnitNode[] {
	const children = new Map<string, UnitNode[]>();
	for (const n of nodes) {
		if (n.parent === null) continue;
		const list = children.get(n.parent);
		if (list) list.push(n);
		else children.set(n.parent, [n]);
	}
	const total = new Map<string, number>();
	const sum = (n: UnitNode): number => {
		let t = total.get(n.id);
		if (t === undefined) total.set(n.id, (t = n.households + (children.get(n.id) ?? []).reduce((a, c) => a + sum(c), 0)));
		return t;
	};
	return nodes.map((n) => ({ ...n, households: sum(n) }));
}

export interface GridData {
	scope: Scope;
	colours: ColourCount[];
	clusters: Cluster[];
	lines: LiaisonLine[];
	nodes: UnitNode[];
}

/** Everything the "321" page shows for a scope. */
export async function gridData(db: QueryRunner, scope: Scope): Promise<GridData> {
	await householdColours(db);
	const [colours, cl, lines, nodes] = await Promise.all([colourByQuarter(db, scope), clusters(db, scope), liaisonLines(db, scope), hierarchy(db, scope)]);
	return { scope, colours, clusters: cl, lines, nodes };
}

export type { Colour };

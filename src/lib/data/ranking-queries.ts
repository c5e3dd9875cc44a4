import { ALL, binDays, CLOSE_STEP } from '$sim/dataset/case-cubes';
import type { QueryRunner } from './query-runner';

/**
 * Towns ranked by days to close. "Days to close" is what the ledger pages use everywhere: the time
 * from a case's intake (received_at) to its closure (archived_at), for the closed cases received in
 * the period (by quarter of intake), read from the step-time histograms (case_days, step
 * CLOSE_STEP; logarithmic bins 4% wide). A town's median and 90th percentile are the first bin
 * whose cumulative count reaches half and nine tenths of its closed cases, at the bin's centre
 * (within ±2% of the exact order statistic). Open cases are not counted: their time is not known yet.
 */
export interface TownDays {
	townCode: string;
	/** Closed cases behind the figures. */
	cases: number;
	medianDays: number;
	p90Days: number;
	/** A distribution-free 95% interval of the median (order statistics n/2 ± 0.98√n). */
	medianLow: number;
	medianHigh: number;
}

/** Close-time histogram rows of every town under one ledger type (or all), by quarter of intake. */
export interface RankingSlice {
	ledger: string | null;
	town: string[];
	quarter: number[];
	bin: number[];
	n: number[];
}

/** The towns' close-time histograms under `ledger` (NULL: every ledger type), every quarter. */
export async function rankingSlice(db: QueryRunner, ledger: string | null): Promise<RankingSlice> {
	const rows = await db.query<{ town: string; quarter: number; bin: number; n: number }>(
		`SELECT town_code AS town, quarter, bin, cases AS n FROM case_days
		WHERE town_code <> '${ALL}' AND ledger = coalesce($1::VARCHAR, '${ALL}') AND step = ${CLOSE_STEP}
		ORDER BY town, quarter, bin`,
		[ledger]
	);
	return { ledger, town: rows.map((r) => r.town), quarter: rows.map((r) => r.quarter), bin: rows.map((r) => r.bin), n: rows.map((r) => r.n) };
}

/** Checks a prepared ranking slice's shape; throws on a malformed file (reported as damaged). */
export function decodeRankingSlice(json: unknown): RankingSlice {
	const r = json as RankingSlice;
	const ok = r && typeof r === 'object' && ['town', 'quarter', 'bin', 'n'].every((k) => Array.isArray(r[k as 'n']) && r[k as 'n'].length === r.town?.length);
	if (!ok) throw new Error('not a ranking slice');
	return r;
}

const round2 = (days: number) => Math.round(days * 100) / 100;

/** Days at the bins holding the k-th (1-based) case of a town's ordered bins, for each k. */
function binsAt(bins: readonly { bin: number; n: number }[], ranks: readonly number[]): number[] {
	return ranks.map((k) => {
		let cum = 0;
		for (const b of bins) if ((cum += b.n) >= k) return round2(binDays(b.bin));
		return round2(binDays(bins[bins.length - 1].bin));
	});
}

/** One town's figures from its close-time bins (ordered by bin). */
export function townDaysFromBins(townCode: string, bins: readonly { bin: number; n: number }[]): TownDays {
	const n = bins.reduce((s, b) => s + b.n, 0);
	const half = 0.98 * Math.sqrt(n);
	const [medianDays, p90Days, medianLow, medianHigh] = binsAt(bins, [
		Math.ceil(0.5 * n),
		Math.ceil(0.9 * n),
		Math.max(1, Math.floor(n / 2 - half)),
		Math.min(n, Math.ceil(n / 2 + 1 + half))
	]);
	return { townCode, cases: n, medianDays, p90Days, medianLow, medianHigh };
}

/** Every town's figures from histogram rows of one period (any order), in town-code order. */
export function townDaysFromRows(rows: readonly { town: string; bin: number; n: number }[]): TownDays[] {
	const byTown = new Map<string, Map<number, number>>();
	for (const r of rows) {
		let m = byTown.get(r.town);
		if (!m) byTown.set(r.town, (m = new Map()));
		m.set(r.bin, (m.get(r.bin) ?? 0) + r.n);
	}
	return [...byTown]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([town, m]) =>
			townDaysFromBins(
				town,
				[...m].sort(([a], [b]) => a - b).map(([bin, n]) => ({ bin, n }))
			)
		)
		.filter((t) => t.cases > 0);
}

/** The towns' figures for the quarters `from`–`to` ('YYYYQn', inclusive) of a ranking slice. */
export function townRanking(slice: RankingSlice, from: string, to: string): TownDays[] {
	// 'YYYYQn' → year × 4 + n − 1, the quarter index of case_days (as ledger-queries' quarterNumber).
	const quarterNumber = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1;
	const q0 = quarterNumber(from);
	const q1 = quarterNumber(to);
	const rows: { town: string; bin: number; n: number }[] = [];
	for (let i = 0; i < slice.town.length; i++) if (slice.quarter[i] >= q0 && slice.quarter[i] <= q1) rows.push({ town: slice.town[i], bin: slice.bin[i], n: slice.n[i] });
	return townDaysFromRows(rows);
}

/**
 * Towns "hardly differ" in days to close when either (a) the spread of their medians (slowest
 * minus fastest) is within SPREAD_TOLERANCE of the median of the medians, or (b) the 95% intervals
 * of the fastest and the slowest town's medians overlap (then no ordering of the towns is
 * supported by the cases). Towns with fewer than MIN_CASES closed cases are left out of the test
 * (their medians are too uncertain to rank), as they are marked in the table.
 */
export const SPREAD_TOLERANCE = 0.1;
export const MIN_CASES = 20;

export interface RankingVerdict {
	/** Whether the towns hardly differ, and why ('spread' | 'overlap'), or null when they do differ. */
	why: 'spread' | 'overlap' | null;
	fastest: TownDays | null;
	slowest: TownDays | null;
	/** Slowest − fastest median, days; and as a share of the median of the medians. */
	spreadDays: number;
	spreadShare: number;
}

export function rankingVerdict(towns: readonly TownDays[]): RankingVerdict {
	const ranked = towns.filter((t) => t.cases >= MIN_CASES).sort((a, b) => a.medianDays - b.medianDays || (a.townCode < b.townCode ? -1 : 1));
	if (ranked.length < 2) return { why: null, fastest: ranked[0] ?? null, slowest: ranked[0] ?? null, spreadDays: 0, spreadShare: 0 };
	const fastest = ranked[0];
	const slowest = ranked[ranked.length - 1];
	const medians = ranked.map((t) => t.medianDays);
	const mid = medians[Math.floor((medians.length - 1) / 2)];
	const spreadDays = slowest.medianDays - fastest.medianDays;
	const spreadShare = mid > 0 ? spreadDays / mid : 0;
	const why = spreadShare <= SPREAD_TOLERANCE ? 'spread' : fastest.medianHigh >= slowest.medianLow ? 'overlap' : null;
	return { why, fastest, slowest, spreadDays, spreadShare };
}

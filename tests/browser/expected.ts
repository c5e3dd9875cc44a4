import { headline, OVERVIEW_TABLES, type Headline } from '../../src/lib/data/overview-queries';
import { openNodeDb } from '../../src/lib/server/dataset';

/** The overview's headline for a town, computed by DuckDB in Node on the built site's files. */
export async function nodeHeadline(town: string | null): Promise<Headline> {
	const db = await openNodeDb('build/data', OVERVIEW_TABLES);
	try {
		return await headline(db, town);
	} finally {
		db.close();
	}
}

/** A number as the zh or en pages print it. */
export function fmt(n: number): string {
	return new Intl.NumberFormat('en-GB').format(n);
}

export function pct(x: number): string {
	return `${(x * 100).toFixed(1)}%`;
}

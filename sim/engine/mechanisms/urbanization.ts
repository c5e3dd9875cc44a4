import { poisson } from '../../random/distributions';
import { ELDERLY, MIGRANT, WORKING, type World } from '../world';

/**
 * Urbanization (SPEC §3.8): each year a share of working families lose their working-age members
 * to the cities (they become migrant-worker families), and a share of migrant-worker families
 * become left-behind elderly households. Drawn as a Poisson number of candidates a week, so the
 * cost does not grow with the number of households.
 */
export function outMigration(w: World): void {
	const rate = w.p.outMigration / 52;
	if (rate <= 0) return;
	const rng = w.rng.migration;
	const draws = poisson(rng, w.n * rate);
	for (let k = 0; k < draws; k++) {
		const h = Math.floor(rng.next() * w.n);
		if (w.type[h] === WORKING) {
			w.type[h] = MIGRANT;
			w.villageMigrated[w.county.households.village[h]]++;
		} else if (w.type[h] === MIGRANT && rng.next() < 0.5) {
			w.type[h] = ELDERLY;
		}
	}
}

import { poisson } from '../../random/distributions';
import { ELDERLY, MIGRANT, WORKING, type World } from '../world';
import { WEEKS_PER_YEAR } from './coproduction';

/**
 * Urbanization (SPEC §3.8): each year a share `outMigration` of working families lose their
 * working-age members to the cities (they become migrant-worker families), and migrant-worker
 * families drawn again become left-behind elderly households with probability
 * `leftBehindShare`. Drawn as a Poisson number of candidates a week, so the cost does not grow
 * with the number of households. (Liaisons migrate too: participation.ts.)
 */
export function outMigration(w: World): void {
	const rate = w.p.outMigration / WEEKS_PER_YEAR;
	if (rate <= 0) return;
	const rng = w.rng.migration;
	const draws = poisson(rng, w.n * rate);
	for (let k = 0; k < draws; k++) {
		const h = Math.floor(rng.next() * w.n);
		if (w.type[h] === WORKING) setType(w, h, MIGRANT);
		else if (w.type[h] === MIGRANT && rng.next() < w.p.leftBehindShare) setType(w, h, ELDERLY);
	}
}

function setType(w: World, h: number, type: number): void {
	w.typeCounts[w.type[h]]--;
	w.typeCounts[type]++;
	w.type[h] = type;
}

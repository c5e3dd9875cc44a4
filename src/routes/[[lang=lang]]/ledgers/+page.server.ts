import { prerenderedLedgers } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { ledgers, ranking } = await prerenderedLedgers();
	return { ledgers, ranking };
};

import { prerenderedLedgers } from '$lib/server/ledger-prerender';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ bulletin: (await prerenderedLedgers()).bulletin });

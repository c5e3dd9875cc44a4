import { prerenderedLedgers } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ ledgers: (await prerenderedLedgers()).ledgers });

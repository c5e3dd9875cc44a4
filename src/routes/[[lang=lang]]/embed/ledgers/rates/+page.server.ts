import { prerenderedLedgers } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

// The default view (the whole county, every quarter) is prerendered; the filters are answered in the browser.
export const load: PageServerLoad = async () => ({ ledgers: (await prerenderedLedgers()).ledgers });

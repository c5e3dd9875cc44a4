import { prerenderedOverview } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

// The towns of the whole county, prerendered (the table does not change with a town).
export const load: PageServerLoad = () => prerenderedOverview();

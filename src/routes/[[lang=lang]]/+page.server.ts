import { prerenderedOverview } from '$lib/server/overview-prerender';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => prerenderedOverview();

import { prerenderedOverview } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => prerenderedOverview();

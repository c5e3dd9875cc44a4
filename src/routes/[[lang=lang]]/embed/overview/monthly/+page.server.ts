import { prerenderedOverview } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

// The default state (the whole county) is prerendered; ?town= is answered in the browser.
export const load: PageServerLoad = () => prerenderedOverview();

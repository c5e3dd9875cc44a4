import { modelReports } from '$lib/server/model-reports';
import type { PageServerLoad } from './$types';

/** The model's stored reports, read when the page is prerendered (missing ones are shown as such). */
export const load: PageServerLoad = () => modelReports();

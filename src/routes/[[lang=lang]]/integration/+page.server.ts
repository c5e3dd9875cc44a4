import { prerenderedIntegration } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ integration: await prerenderedIntegration() });

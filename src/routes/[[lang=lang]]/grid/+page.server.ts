import { prerenderedGrid, villageList } from '$lib/server/prerendered';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ grid: await prerenderedGrid(), villages: await villageList() });

import { prerenderedLedgers } from '$lib/server/ledger-prerender';
import { villageList } from '$lib/server/villages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ ledgers: (await prerenderedLedgers()).ledgers, villages: await villageList() });

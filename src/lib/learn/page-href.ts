import { resolve } from '$app/paths';
import type { Lang } from '$lib/i18n/messages';

/**
 * The address of a page under /learn/ (its route id and parameters, as `page` gives them) in
 * another language: the language switch's link. Apart from hrefs.ts, whose sandbox links need
 * the scenario code: the header (on every page) needs only this.
 */
export function learnPageIn(lang: Lang, routeId: string, params: Record<string, string | undefined>): string {
	// Every /learn/ route takes the language and at most a lesson.
	const route = routeId as '/[[lang=lang]]/learn/[lesson]';
	const path = resolve(route, { ...params, lesson: params.lesson ?? '', lang: lang === 'en' ? 'en' : undefined });
	return path.endsWith('/') ? path : `${path}/`;
}

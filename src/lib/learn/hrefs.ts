import { resolve } from '$app/paths';
import type { Lang } from '$lib/i18n/messages';
import { scenarioToSearch, type Scenario } from '$lib/sim/scenario';
import { localHref } from '$lib/i18n/local-href';

const lang_ = (lang: Lang) => (lang === 'en' ? 'en' : undefined);
const slash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/** A lesson's page, or its printable handout, in a language. */
export function lessonHref(lang: Lang, lesson: string, options: { handout?: boolean; teacher?: boolean } = {}): string {
	const path = options.handout ? resolve('/[[lang=lang]]/learn/[lesson]/handout', { lang: lang_(lang), lesson }) : resolve('/[[lang=lang]]/learn/[lesson]', { lang: lang_(lang), lesson });
	return slash(path) + (options.teacher ? '?teacher=1' : '');
}

/** The sandbox with `scenario` as the user's own (the link format of the sandbox: scenario.ts). */
export function sandboxHref(lang: Lang, scenario: Scenario): string {
	return `${localHref('/[[lang=lang]]/simulate', lang)}?${scenarioToSearch(scenario)}`;
}

/** A term of the glossary. */
export function glossaryHref(lang: Lang, term?: string): string {
	return `${localHref('/[[lang=lang]]/learn/glossary', lang)}${term ? `#term-${term}` : ''}`;
}

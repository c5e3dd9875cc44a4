import { error } from '@sveltejs/kit';
import { LESSONS, lessonById } from '$lib/learn/lessons';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => LESSONS.flatMap((l) => [{ lesson: l.id }, { lang: 'en', lesson: l.id }]);

export const load: PageLoad = ({ params }) => {
	const lesson = lessonById(params.lesson);
	if (!lesson) error(404, `no lesson "${params.lesson}"`);
	return { lessonId: lesson.id };
};

import type { ParamMatcher } from '@sveltejs/kit';

/** The optional language segment: Chinese is the default (no segment), English lives under /en/. */
export const match: ParamMatcher = (param) => param === 'en';

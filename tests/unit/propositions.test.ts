import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../sim/engine/propositions';

const interval = (mean: number, low: number, high: number) => ({ mean, low, high, n: 20, shareAbove: 0.5 });

describe('a proposition’s verdict: where its 90% interval lies against the minimal meaningful effect (0.02 here)', () => {
	it.each([
		['agrees: at least the effect, interval above zero', interval(0.05, 0.03, 0.07), 'agrees'],
		['agrees: the interval reaches down to the effect exactly', interval(0.03, 0.02, 0.04), 'agrees'],
		['inconclusive: surely positive, but maybe below the effect', interval(0.025, 0.015, 0.035), 'inconclusive'],
		['does not: the same the other way', interval(-0.05, -0.07, -0.03), 'does not'],
		['too small: the whole interval within ±0.02', interval(0.005, -0.01, 0.019), 'too small to matter'],
		['too small even if surely positive', interval(0.01, 0.008, 0.012), 'too small to matter'],
		['inconclusive: positive but the interval reaches past the effect and zero', interval(0.03, -0.01, 0.07), 'inconclusive'],
		['inconclusive: below the effect but the interval reaches it', interval(0.015, 0.005, 0.025), 'inconclusive']
	] as const)('%s', (_, effect, verdict) => {
		expect(verdictOf(effect, 0.02)).toBe(verdict);
	});
});

import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/lib/i18n/i18n.svelte';
import { en as enMessages } from '../../src/lib/i18n/en';
import { zh as zhMessages } from '../../src/lib/i18n/zh';
import { parseScenarioJson, scenarioToJson, defaultScenario } from '../../src/lib/sim/scenario';
import { problemsText } from '../../src/lib/sim/scenario-messages';

const en = new I18n(() => 'en', () => enMessages);
const zh = new I18n(() => 'zh', () => zhMessages);
const problems = (file: unknown) => {
	const r = parseScenarioJson(typeof file === 'string' ? file : JSON.stringify(file));
	if (r.ok) throw new Error('expected a refusal');
	return r.problems;
};
const valid = () => JSON.parse(scenarioToJson(defaultScenario())) as Record<string, unknown>;

describe('problems with a scenario, in words', () => {
	it.each([
		[{ ...valid(), levers: { sinking: 2, coordination: 0, participation: 0 } }, '“levers.sinking” is 2; it should be a number from 0 to 1', '“levers.sinking”是 2，应为介于 0 和 1 之间的数'],
		[{ ...valid(), seed: 1.5 }, '“seed” is 1.5; it should be a whole number from 0 to 4294967295', '“seed”是 1.5，应为介于 0 和 4294967295 之间的整数'],
		[{ ...valid(), mode: 'up' }, '“mode” is "up"; it should be one of one-way, two-way, multi, custom', '“mode”是 "up"，应为以下之一：one-way, two-way, multi, custom'],
		[{ ...valid(), context: [] }, '“context” should be an object with named fields {…}, not […]', '“context”应为带字段名的对象 {…}，而不是 […]'],
		[{ ...valid(), Seed: 3 }, '“Seed” is not a field of a scenario (did you mean “seed”?)', '“Seed”不是方案的字段（是不是“seed”？）'],
		[{ ...valid(), version: '7' }, 'it was made with a newer version of the model (version 7) than this sandbox runs (version 3)', '它由更新版本的模型（版本 7）生成，本沙盘运行的是版本 3'],
		[{ ...valid(), version: 'beta' }, 'it was made with model version beta; this sandbox runs version 3', '它由模型版本 beta 生成，本沙盘运行的是版本 3'],
		['{', 'it is not valid JSON', '不是有效的 JSON'],
		[{ kind: 'other' }, 'it is not a scenario file of this sandbox', '这不是本沙盘的方案文件']
	])('%j', (file, english, chinese) => {
		expect(problemsText(en, problems(file))).toContain(english);
		expect(problemsText(zh, problems(file))).toContain(chinese);
	});

	it('list the first five problems and count the rest, by the plural rules', () => {
		const many = { kind: 'grassroots-governance-scenario', a: 1, b: 2, c: 3, d: 4 };
		// four unknown fields and seven missing ones (mode, base, structure, levers, context, seed, version)
		expect(problemsText(en, problems(many))).toMatch(/“d” is not a field of a scenario; “mode” is missing; and 6 more problems$/);
		expect(problemsText(en, problems({ ...many, e: 5, f: 6, g: 7 }).slice(0, 6))).toMatch(/; and 1 more problem$/);
		expect(problemsText(zh, problems(many))).toMatch(/；另有 6 个问题$/);
	});
});

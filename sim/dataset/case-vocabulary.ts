/**
 * Code lists of the ledger cases. Codes are stable English identifiers; the app translates them.
 * Shares are stated assumptions of the synthetic dataset (no published breakdown exists): the
 * model has no ledger types, categories or named departments, so these are drawn, not modelled.
 */
export const LEDGER_TYPES = ['suggestion', 'demand', 'complaint'] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];
/** 意见建议, 利益诉求, 投诉举报: demands are the largest ledger in practice. */
export const LEDGER_SHARES = [0.28, 0.47, 0.25];

export const CASE_LEVELS = ['county', 'town', 'village'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export const CATEGORIES = [
	'infrastructure',
	'land_housing',
	'social_security',
	'environment',
	'disputes',
	'income',
	'health_education',
	'other'
] as const;
/** Category weights per ledger type (rows follow LEDGER_TYPES). */
export const CATEGORY_WEIGHTS: Record<(typeof LEDGER_TYPES)[number], number[]> = {
	suggestion: [30, 8, 8, 14, 2, 22, 12, 4],
	demand: [22, 18, 24, 6, 8, 10, 9, 3],
	complaint: [10, 20, 10, 18, 28, 4, 6, 4]
};

export const CHANNELS = ['visit', 'phone', 'online', 'letter', 'liaison_grid', 'secretary_visit'] as const;

export const DEPARTMENTS = [
	'housing',
	'natural_resources',
	'agriculture',
	'human_resources',
	'civil_affairs',
	'environment',
	'public_security',
	'transport',
	'water',
	'education',
	'health',
	'market_regulation',
	'town_office',
	'village_committee'
] as const;
/**
 * Lead department weights of county- and town-level cases per category (rows follow CATEGORIES,
 * columns DEPARTMENTS without the village committee, which leads every village-level case).
 */
export const LEAD_DEPT_WEIGHTS: number[][] = [
	[3, 1, 1, 0, 0, 0, 0, 6, 4, 0, 0, 0, 3],
	[5, 6, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3],
	[0, 0, 0, 6, 6, 0, 0, 0, 0, 0, 2, 0, 2],
	[1, 1, 1, 0, 0, 8, 0, 0, 2, 0, 0, 0, 2],
	[0, 2, 1, 0, 1, 0, 5, 0, 0, 0, 0, 0, 6],
	[0, 0, 7, 3, 0, 0, 0, 0, 0, 0, 0, 2, 3],
	[0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 6, 0, 1],
	[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4]
];

export const SATISFACTION = ['satisfied', 'basic', 'dissatisfied'] as const;

/**
 * The nine steps of the closed loop, each a timestamp column, in order (SPEC §1): 分类建账,
 * 书记阅批, 受理告知, 快速交办, 严格督查 (ends when the handling is done), 结果反馈, 书记把关,
 * 回复征询, 销号归档. Intake (`received_at`) precedes them.
 */
export const STEPS = [
	'registered',
	'reviewed',
	'acknowledged',
	'assigned',
	'handled',
	'reported',
	'signed_off',
	'surveyed',
	'archived'
] as const;
export type Step = (typeof STEPS)[number];

/**
 * Median days of each administrative step and the spread (σ of the log) — assumptions from the
 * workflow's own rules (acknowledge within a day or two, assign quickly). Handling (严格督查),
 * and with it the time to close, is not among them: it comes from the model's history
 * (ledger-cases.ts places these steps within the weeks the model gives).
 */
export const STEP_DAYS: Record<Exclude<Step, 'handled'>, { median: number; sigma: number }> = {
	registered: { median: 0.2, sigma: 0.6 },
	reviewed: { median: 1.0, sigma: 0.5 },
	acknowledged: { median: 0.6, sigma: 0.5 },
	assigned: { median: 0.8, sigma: 0.6 },
	reported: { median: 1.0, sigma: 0.5 },
	signed_off: { median: 1.0, sigma: 0.5 },
	surveyed: { median: 2.5, sigma: 0.5 },
	archived: { median: 1.5, sigma: 0.5 }
};

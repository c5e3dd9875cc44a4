/**
 * Every parameter of the simulation model: meaning, unit, default, range and its source or the
 * assumption behind it. MODEL.md's parameter table is generated from this object
 * (`npm run sim:doc`) and a test checks the two agree.
 */
export interface ParameterDef {
	meaning: string;
	unit: string;
	default: number;
	range: readonly [number, number];
	source: string;
	/** The mechanism (submodule) that uses it. */
	mechanism: string;
}

export const PARAMETERS = {
	issueRate: {
		meaning: 'Issues a household raises per year at zero grievance (all three ledger types)',
		unit: '1/year',
		default: 0.5,
		range: [0.05, 3],
		source: 'Assumption; the published ledger volume (≈1,470 county+town cases a year, ≈8 per 1,000 residents) is the part that reaches county and town ledgers',
		mechanism: 'needs'
	},
	typeRateElderly: {
		meaning: 'Issue rate of left-behind elderly households relative to working families',
		unit: 'ratio',
		default: 1.2,
		range: [0.5, 3],
		source: 'Assumption: care, health and housing needs',
		mechanism: 'needs'
	},
	typeRateVulnerable: {
		meaning: 'Issue rate of vulnerable households relative to working families',
		unit: 'ratio',
		default: 1.8,
		range: [0.5, 4],
		source: 'Assumption: assistance and social-security needs',
		mechanism: 'needs'
	},
	typeRateMigrant: {
		meaning: 'Issue rate of migrant-worker families relative to working families',
		unit: 'ratio',
		default: 0.8,
		range: [0.3, 2],
		source: 'Assumption: fewer members at home',
		mechanism: 'needs'
	},
	grievanceRateGain: {
		meaning: 'Relative increase of the issue rate per unit of unresolved grievance',
		unit: '1/grievance',
		default: 0.5,
		range: [0, 3],
		source: 'Assumption: grievances breed further claims',
		mechanism: 'needs'
	},
	crossDeptShare: {
		meaning: 'Share of issues that need two or more departments',
		unit: 'share',
		default: 0.3,
		range: [0, 0.8],
		source: 'Assumption, consistent with the study’s emphasis on 条块分割 (department barriers)',
		mechanism: 'needs'
	},
	minorShare: {
		meaning: 'Share of issues that are minor disputes or requests a neighbour-level mediator can settle',
		unit: 'share',
		default: 0.35,
		range: [0, 0.8],
		source: 'Assumption after 小事不出村 (small matters stay in the village)',
		mechanism: 'needs'
	},
	selfReport: {
		meaning: 'Weekly probability that a household with full trust reports an open issue itself through offline channels (visits, letters)',
		unit: '1/week',
		default: 0.12,
		range: [0, 1],
		source: 'Assumption',
		mechanism: 'discovery'
	},
	successBoost: {
		meaning: 'Multiplier on the self-report probability after the household’s last report was resolved',
		unit: 'ratio',
		default: 1.6,
		range: [1, 4],
		source: 'Sjoberg, Mellon & Peixoto 2017 (a first report that was fixed makes a second markedly more likely)',
		mechanism: 'discovery'
	},
	onlineReport: {
		meaning: 'Weekly probability of reporting online or by hotline at full digital access (responsive channels only)',
		unit: '1/week',
		default: 0.1,
		range: [0, 1],
		source: 'Assumption',
		mechanism: 'discovery'
	},
	elderlyDigital: {
		meaning: 'Digital access of left-behind elderly households relative to others',
		unit: 'ratio',
		default: 0.2,
		range: [0, 1],
		source: 'Assumption after CNNIC reports of low internet use among rural elderly (digital divide)',
		mechanism: 'discovery'
	},
	proactiveDiscovery: {
		meaning: 'Weekly probability that an active liaison covering ≤ 32 households notices an open issue of one of them',
		unit: '1/week',
		default: 0.3,
		range: [0, 1],
		source: 'Assumption; 32 households per liaison is the published ratio (63,949 / 2,024)',
		mechanism: 'discovery'
	},
	targetedVisits: {
		meaning: 'Multiplier on proactive discovery for yellow (half) and red (full) households under targeted service',
		unit: 'ratio',
		default: 2,
		range: [1, 5],
		source: 'Study: red and yellow households are visited more often',
		mechanism: 'colour'
	},
	festerWeeks: {
		meaning: 'Weeks an undiscovered issue lasts before the household gives up on it',
		unit: 'weeks',
		default: 26,
		range: [4, 104],
		source: 'Assumption',
		mechanism: 'discovery'
	},
	festerGrievance: {
		meaning: 'Grievance added per week an issue stays undiscovered',
		unit: 'grievance/week',
		default: 0.02,
		range: [0, 0.2],
		source: 'Assumption',
		mechanism: 'discovery'
	},
	abandonGrievance: {
		meaning: 'Grievance added when an issue is abandoned unresolved',
		unit: 'grievance',
		default: 0.5,
		range: [0, 2],
		source: 'Assumption',
		mechanism: 'discovery'
	},
	cadreHours: {
		meaning: 'Cadre hours a week available for cases county-wide at budget 1 (all levels)',
		unit: 'hours/week',
		default: 9000,
		range: [500, 20000],
		source: 'Assumption: a fraction of the time of about 2,000 county, town and stationed cadres',
		mechanism: 'capacity'
	},
	caseHours: {
		meaning: 'Cadre hours to handle one single-department issue at the level where it arises',
		unit: 'hours',
		default: 5,
		range: [1, 40],
		source: 'Assumption',
		mechanism: 'capacity'
	},
	travelHoursTown: {
		meaning: 'Extra hours (travel, learning the local facts) when a town cadre handles a village issue',
		unit: 'hours',
		default: 2,
		range: [0, 10],
		source: 'Assumption; mountain county of 1,525 km²',
		mechanism: 'capacity'
	},
	travelHoursCounty: {
		meaning: 'Extra hours when a county department handles a village issue',
		unit: 'hours',
		default: 5,
		range: [0, 20],
		source: 'Assumption',
		mechanism: 'capacity'
	},
	villageShareMax: {
		meaning: 'Share of case capacity at village level under full resource sinking (moved from town and county)',
		unit: 'share',
		default: 0.5,
		range: [0, 0.9],
		source: 'Study: 592 town cadres stationed full-time in 164 villages',
		mechanism: 'capacity'
	},
	handoffDelayWeeks: {
		meaning: 'Mean wait at each hand-off between departments or levels without coordination',
		unit: 'weeks',
		default: 2,
		range: [0, 12],
		source: 'Assumption (条块梗阻)',
		mechanism: 'barriers'
	},
	handoffFailure: {
		meaning: 'Probability a hand-off fails (bounced back, re-queued) without coordination',
		unit: 'probability',
		default: 0.3,
		range: [0, 0.9],
		source: 'Assumption (条块梗阻)',
		mechanism: 'barriers'
	},
	coordinationEffect: {
		meaning: 'Share of hand-off delay and failure removed at full coordination',
		unit: 'share',
		default: 0.8,
		range: [0, 1],
		source: 'Study: co-located offices, secretary review and closed-loop supervision',
		mechanism: 'barriers'
	},
	solveBase: {
		meaning: 'Probability a handled issue is actually solved',
		unit: 'probability',
		default: 0.9,
		range: [0.3, 1],
		source: 'Assumption; the study reports 97.6% closure, closure is not resolution',
		mechanism: 'feedback'
	},
	expectedWeeks: {
		meaning: 'Time to close a household expects',
		unit: 'weeks',
		default: 3,
		range: [0.5, 12],
		source: 'Assumption; ledger rules set 10–20 day limits',
		mechanism: 'feedback'
	},
	trustLearning: {
		meaning: 'Weight of one experience in a household’s trust (with a feedback channel)',
		unit: 'share',
		default: 0.25,
		range: [0, 1],
		source: 'Van Ryzin 2004 (expectancy–disconfirmation); rate assumed',
		mechanism: 'feedback'
	},
	noFeedbackLearning: {
		meaning: 'Weight of one experience in trust when no reply or survey closes the loop, relative to trustLearning',
		unit: 'ratio',
		default: 0.3,
		range: [0, 1],
		source: 'Assumption: without a reply households learn the outcome only partly',
		mechanism: 'feedback'
	},
	initialTrust: {
		meaning: 'Mean trust in local government at the start',
		unit: 'share',
		default: 0.5,
		range: [0, 1],
		source: 'Assumption',
		mechanism: 'feedback'
	},
	liaisonActivity: {
		meaning: 'Share of liaisons active at full participation and full trust',
		unit: 'share',
		default: 0.9,
		range: [0, 1],
		source: 'Assumption; co-production (Ostrom 1996)',
		mechanism: 'participation'
	},
	localResolution: {
		meaning: 'Probability an active liaison settles a minor issue locally, with no cadre time',
		unit: 'probability',
		default: 0.6,
		range: [0, 1],
		source: 'Study: central household heads mediate disputes; rate assumed',
		mechanism: 'participation'
	},
	grievanceDecay: {
		meaning: 'Share of grievance that fades each week',
		unit: '1/week',
		default: 0.01,
		range: [0, 0.2],
		source: 'Assumption',
		mechanism: 'order'
	},
	escalationRate: {
		meaning: 'Weekly escalation hazard per unit of grievance × (1 − legitimacy)',
		unit: '1/week',
		default: 0.004,
		range: [0, 0.05],
		source: 'Epstein 2002 (grievance × (1 − legitimacy)); rate assumed',
		mechanism: 'order'
	},
	formalismBase: {
		meaning: 'Share of case capacity lost to reporting and paperwork under full top-down pressure and no coordination',
		unit: 'share',
		default: 0.35,
		range: [0, 0.8],
		source: 'Study: 伪创新 and 内卷 (formalism, involution); size assumed',
		mechanism: 'formalism'
	},
	outMigration: {
		meaning: 'Share of working families a year whose working-age members leave (context)',
		unit: '1/year',
		default: 0.03,
		range: [0, 0.2],
		source: 'Registered 182,000 vs about 150,000 resident (end 2024): a sizeable, continuing outflow; rate assumed',
		mechanism: 'urbanization'
	},
	budget: {
		meaning: 'Total cadre budget relative to today (context); scales cadreHours',
		unit: 'ratio',
		default: 1,
		range: [0.25, 3],
		source: 'Context lever',
		mechanism: 'capacity'
	},
	digitalAccess: {
		meaning: 'Share of households with usable online channels (context)',
		unit: 'share',
		default: 0.6,
		range: [0, 1],
		source: 'Assumption near rural internet penetration in China (CNNIC, early 2020s)',
		mechanism: 'discovery'
	},
	hourCost: {
		meaning: 'Cost of one cadre hour',
		unit: 'yuan',
		default: 60,
		range: [10, 300],
		source: 'Assumption',
		mechanism: 'capacity'
	}
} as const satisfies Record<string, ParameterDef>;

export type ParameterName = keyof typeof PARAMETERS;
export type Parameters = Record<ParameterName, number>;

export const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

export function defaultParameters(): Parameters {
	return Object.fromEntries(PARAMETER_NAMES.map((k) => [k, PARAMETERS[k].default])) as Parameters;
}

/** Checks every value is a finite number within its range; returns messages for those that are not. */
export function parameterProblems(p: Partial<Record<string, unknown>>): string[] {
	const problems: string[] = [];
	for (const [k, v] of Object.entries(p)) {
		if (!(k in PARAMETERS)) {
			problems.push(`unknown parameter "${k}"`);
			continue;
		}
		const [lo, hi] = PARAMETERS[k as ParameterName].range;
		if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
			problems.push(`${k} must be a number in [${lo}, ${hi}], got ${String(v)}`);
		}
	}
	return problems;
}

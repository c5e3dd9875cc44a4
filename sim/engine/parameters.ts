/**
 * Every number that shapes an outcome of the model: meaning, unit, default, range and its source
 * or the assumption behind it. MODEL.md's parameter table is generated from this object
 * (`npm run sim:doc`) and a test checks the two agree. What a governance mode *is* (its
 * structure) lives in modes.ts; its values are documented there the same way.
 */
export interface ParameterDef {
	meaning: string;
	unit: string;
	default: number;
	range: readonly [number, number];
	source: string;
	/** The mechanism (submodule) that uses it. */
	mechanism: string;
	/** Whole numbers only. */
	integer?: boolean;
}

const assumption = 'Assumption';
/** The source of the values `npm run sim:calibrate --write` sets (sim/engine/calibration.ts). */
export const CALIBRATED_SOURCE =
	'Calibrated to the published record (8,812 county and town cases received Aug 2016 – Dec 2021, 97.56% closed, satisfaction ≥ 98.5%) by npm run sim:calibrate: sim/reports/calibration.json';
const calibrated = CALIBRATED_SOURCE;

export const PARAMETERS = {
	// Needs
	issueRate: {
		meaning: 'Issues a household raises per year at zero grievance (all three ledger types)',
		unit: '1/year',
		default: 0.0287,
		range: [0.005, 3],
		source: calibrated,
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
	threeDeptShare: {
		meaning: 'Share of cross-department issues that need three departments (the others need two)',
		unit: 'share',
		default: 0.33,
		range: [0, 1],
		source: assumption,
		mechanism: 'needs'
	},
	minorShare: {
		meaning: 'Share of single-department issues that are minor disputes or requests a mediator can settle',
		unit: 'share',
		default: 0.35,
		range: [0, 0.8],
		source: 'Assumption after 小事不出村 (small matters stay in the village)',
		mechanism: 'needs'
	},
	// Discovery
	selfReport: {
		meaning: 'Weekly probability that a household with full trust reports an open issue itself through offline channels (visits, letters)',
		unit: '1/week',
		default: 0.12,
		range: [0, 1],
		source: assumption,
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
		meaning: 'Weekly probability of reporting online or by hotline at full digital access and full trust (responsive channels only)',
		unit: '1/week',
		default: 0.1,
		range: [0, 1],
		source: assumption,
		mechanism: 'discovery'
	},
	onlineTrustWeight: {
		meaning: 'How much online reporting depends on trust: the probability is scaled by 1 − w × (1 − trust)',
		unit: 'share',
		default: 0.5,
		range: [0, 1],
		source: 'Assumption: reporting online costs less than a visit, so it depends less on trust than self-report (which scales with trust fully)',
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
	digitalAccess: {
		meaning: 'Share of households with usable online channels (context)',
		unit: 'share',
		default: 0.6,
		range: [0, 1],
		source: 'Assumption near rural internet penetration in China (CNNIC, early 2020s)',
		mechanism: 'discovery'
	},
	festerWeeks: {
		meaning: 'Weeks an undiscovered issue lasts before the household gives up on it',
		unit: 'weeks',
		default: 26,
		range: [4, 104],
		source: assumption,
		mechanism: 'discovery',
		integer: true
	},
	festerGrievance: {
		meaning: 'Grievance added per week an issue stays undiscovered',
		unit: 'grievance/week',
		default: 0.02,
		range: [0, 0.2],
		source: assumption,
		mechanism: 'discovery'
	},
	abandonGrievance: {
		meaning: 'Grievance added when an issue is abandoned unresolved',
		unit: 'grievance',
		default: 0.5,
		range: [0, 2],
		source: assumption,
		mechanism: 'discovery'
	},
	// Self-governance and participation
	committeeMediation: {
		meaning: 'Probability that the village committee’s mediators settle a minor issue a household brings to them in person (every mode: villagers’ self-governance)',
		unit: 'probability',
		default: 0.3,
		range: [0, 1],
		source: 'Assumption; village mediation committees exist in every village under the Organic Law of Villagers’ Committees and the People’s Mediation Law (2010)',
		mechanism: 'participation'
	},
	liaisonActivity: {
		meaning: 'Probability that a filled liaison post is active at a review, at full participation and full village trust',
		unit: 'probability',
		default: 0.9,
		range: [0, 1],
		source: 'Assumption; co-production (Ostrom 1996)',
		mechanism: 'participation'
	},
	liaisonTrustWeight: {
		meaning: 'How much liaison activity depends on village trust: the probability is scaled by 1 − w × (1 − trust)',
		unit: 'share',
		default: 0.7,
		range: [0, 1],
		source: 'Assumption: volunteers stay active where villagers trust the village and town',
		mechanism: 'participation'
	},
	liaisonVisits: {
		meaning: 'Households an active liaison visits a week among those linked to them',
		unit: 'households/week',
		default: 8,
		range: [0, 40],
		source: 'Assumption: about monthly visits to the published 32 households per liaison (63,949 / 2,024)',
		mechanism: 'participation'
	},
	visitDiscovery: {
		meaning: 'Probability that a visit finds an open issue the household has',
		unit: 'probability',
		default: 0.6,
		range: [0, 1],
		source: assumption,
		mechanism: 'participation'
	},
	targetedVisitsRed: {
		meaning: 'Multiplier on a red (连心户) household’s chance to be visited under targeted service',
		unit: 'ratio',
		default: 2,
		range: [1, 5],
		source: 'Study: red and yellow households are visited more often; size assumed',
		mechanism: 'participation'
	},
	targetedVisitsYellow: {
		meaning: 'Multiplier on a yellow (关心户) household’s chance to be visited under targeted service',
		unit: 'ratio',
		default: 1.5,
		range: [1, 5],
		source: 'Study: red and yellow households are visited more often; size assumed',
		mechanism: 'participation'
	},
	localResolution: {
		meaning: 'Probability an active liaison settles a minor issue they found on the spot, with no cadre time',
		unit: 'probability',
		default: 0.6,
		range: [0, 1],
		source: 'Study: central household heads mediate disputes; rate assumed',
		mechanism: 'participation'
	},
	consultRate: {
		meaning: 'Consultations (院落会, villager councils) an active liaison convenes a week for the households linked to them',
		unit: '1/week',
		default: 0.25,
		range: [0, 2],
		source: 'Assumption: about monthly',
		mechanism: 'participation'
	},
	consultAttendance: {
		meaning: 'Probability that a household with full trust and members at home attends a consultation it is invited to',
		unit: 'probability',
		default: 0.5,
		range: [0, 1],
		source: 'Assumption; attendance is scaled by the household’s trust',
		mechanism: 'participation'
	},
	migrantPresence: {
		meaning: 'Attendance of migrant-worker families relative to others (working-age members away)',
		unit: 'ratio',
		default: 0.4,
		range: [0, 1],
		source: assumption,
		mechanism: 'participation'
	},
	consultTrustGain: {
		meaning: 'Share of the distance to full trust a household’s trust moves when it attends a consultation',
		unit: 'share',
		default: 0.05,
		range: [0, 0.5],
		source: 'Tyler 2006 (procedural fairness builds legitimacy); size assumed',
		mechanism: 'participation'
	},
	liaisonMigration: {
		meaning: 'Out-migration of liaisons relative to the rate of working families (a liaison who leaves leaves the post vacant)',
		unit: 'ratio',
		default: 1,
		range: [0, 3],
		source: assumption,
		mechanism: 'participation'
	},
	liaisonRecruitment: {
		meaning: 'Weekly probability that a vacant liaison post is filled, at full participation in a village where every household has working-age members at home',
		unit: '1/week',
		default: 0.05,
		range: [0, 1],
		source: 'Assumption: a vacancy lasts about five months when the county recruits actively',
		mechanism: 'participation'
	},
	visitHours: {
		meaning: 'Liaison hours per household visit',
		unit: 'hours',
		default: 0.5,
		range: [0, 4],
		source: assumption,
		mechanism: 'cost'
	},
	consultHours: {
		meaning: 'Liaison hours to prepare and hold one consultation',
		unit: 'hours',
		default: 2,
		range: [0, 10],
		source: assumption,
		mechanism: 'cost'
	},
	mediationHours: {
		meaning: 'Liaison or mediator hours to settle one minor issue locally',
		unit: 'hours',
		default: 2,
		range: [0, 10],
		source: assumption,
		mechanism: 'cost'
	},
	// Handling capacity
	cadreHours: {
		meaning: 'Cadre hours a week available for cases county-wide at budget 1 (all levels, before paperwork and coordination)',
		unit: 'hours/week',
		default: 1560,
		range: [50, 20000],
		source: calibrated,
		mechanism: 'capacity'
	},
	budget: {
		meaning: 'Total cadre budget relative to today (context); scales cadreHours',
		unit: 'ratio',
		default: 1,
		range: [0.25, 3],
		source: 'Context lever',
		mechanism: 'capacity'
	},
	caseHours: {
		meaning: 'Cadre hours to handle one single-department issue (per department needed)',
		unit: 'hours',
		default: 5,
		range: [1, 40],
		source: assumption,
		mechanism: 'capacity'
	},
	caseHoursPerWeek: {
		meaning: 'Cadre hours one case can receive in a week: one responsible cadre works on it between other duties',
		unit: 'hours/week',
		default: 8,
		range: [1, 40],
		source: 'Assumption; the ledger rules name one responsible person per case (责任人)',
		mechanism: 'capacity'
	},
	villageWorkFactor: {
		meaning: 'Work of an issue handled by stationed cadres in the village, relative to a town or county cadre (local knowledge)',
		unit: 'ratio',
		default: 0.8,
		range: [0.3, 1.5],
		source: assumption,
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
		meaning: 'Extra hours (learning the local facts, arranging the visit) when a county department handles a village issue, besides the road',
		unit: 'hours',
		default: 4,
		range: [0, 20],
		source: assumption,
		mechanism: 'capacity'
	},
	roadSpeed: {
		meaning: 'Average speed on the roads from the county seat to a town (the round trip of a county cadre handling a village issue is added to its hours)',
		unit: 'km/hour',
		default: 30,
		range: [5, 80],
		source: 'Assumption for winding mountain roads of the Qinba mountains (Shiquan: 1,525 km², most of it mountain)',
		mechanism: 'capacity'
	},
	roadWinding: {
		meaning: 'Road distance over straight-line distance between the county seat and a town seat (town seats from docs/shiquan-towns.csv)',
		unit: 'ratio',
		default: 1.5,
		range: [1, 3],
		source: 'Assumption: detour factors of mountain roads are commonly 1.3–1.8',
		mechanism: 'capacity'
	},
	villageShareMax: {
		meaning: 'Share of case hours moved to village level (stationed cadres) at full resource sinking, from town and county',
		unit: 'share',
		default: 0.5,
		range: [0, 0.9],
		source: 'Study: 592 town cadres stationed full-time in 164 villages; share assumed',
		mechanism: 'capacity'
	},
	townShare: {
		meaning: 'Share of the case hours not at village level that sits with towns (the rest with county departments)',
		unit: 'share',
		default: 0.65,
		range: [0.1, 0.9],
		source: assumption,
		mechanism: 'capacity'
	},
	surveyHours: {
		meaning: 'Cadre hours for the reply and satisfaction survey of a case (modes with a feedback channel), added to its work',
		unit: 'hours',
		default: 0.5,
		range: [0, 4],
		source: assumption,
		mechanism: 'capacity'
	},
	coordinationHoursShare: {
		meaning: 'Share of the week’s cadre hours spent on joint meetings, secretary review and supervision at full coordination',
		unit: 'share',
		default: 0.05,
		range: [0, 0.3],
		source: assumption,
		mechanism: 'capacity'
	},
	escalationHours: {
		meaning: 'Town cadre hours to receive and settle one escalation (dispute, petition), taken before case work',
		unit: 'hours',
		default: 8,
		range: [0, 40],
		source: assumption,
		mechanism: 'order'
	},
	// Department barriers
	handoffDelayWeeks: {
		meaning: 'Mean wait at each hand-off between departments or levels without coordination',
		unit: 'weeks',
		default: 2,
		range: [0, 12],
		source: 'Assumption (条块梗阻)',
		mechanism: 'barriers'
	},
	protractedShare: {
		meaning: 'Share of received issues that need a decision from outside the county’s handling (funds in a later budget, a higher approval, a court) before they can close',
		unit: 'share',
		default: 0.12,
		range: [0, 0.3],
		source: calibrated,
		mechanism: 'barriers'
	},
	protractedWeeks: {
		meaning: 'Mean wait of a protracted issue for that decision (the last hand-off; coordination does not shorten it; a household told of it at acknowledgement, where there is a reply channel, expects it)',
		unit: 'weeks',
		default: 52,
		range: [4, 260],
		source: 'Assumption: a budget year. Only the product with protractedShare is seen in the record (cases still open), so this one is not calibrated',
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
		source: 'Study: co-located offices, secretary review and closed-loop supervision; size assumed',
		mechanism: 'barriers'
	},
	// Feedback
	solveBase: {
		meaning: 'Probability a handled issue is actually solved',
		unit: 'probability',
		default: 0.999,
		range: [0.3, 1],
		source: calibrated,
		mechanism: 'feedback'
	},
	failureSolvePenalty: {
		meaning: 'Factor on the chance of a real fix for each failed hand-off the issue went through',
		unit: 'ratio',
		default: 0.965,
		range: [0.3, 1],
		source: calibrated,
		mechanism: 'feedback'
	},
	expectedWeeks: {
		meaning: 'Time to close a household expects',
		unit: 'weeks',
		default: 7.45,
		range: [0.5, 12],
		source: calibrated,
		mechanism: 'feedback'
	},
	latenessPenalty: {
		meaning: 'Loss of a solved issue’s experience per expected time of lateness (experience = 1 − penalty × lateness / expected)',
		unit: 'share',
		default: 0.5,
		range: [0, 2],
		source: 'Van Ryzin 2004 (expectancy–disconfirmation); size assumed',
		mechanism: 'feedback'
	},
	unsolvedExperience: {
		meaning: 'Experience (0–1) of an issue closed without being solved',
		unit: 'share',
		default: 0.1,
		range: [0, 0.5],
		source: assumption,
		mechanism: 'feedback'
	},
	satisfiedThreshold: {
		meaning: 'Experience at or above which a household answers the survey satisfied (满意 or 基本满意)',
		unit: 'share',
		default: 0.5,
		range: [0.1, 0.9],
		source: assumption,
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
	solvedGrievanceRelief: {
		meaning: 'Share of a household’s grievance that remains after one of its issues is solved',
		unit: 'share',
		default: 0.5,
		range: [0, 1],
		source: assumption,
		mechanism: 'feedback'
	},
	unsolvedGrievance: {
		meaning: 'Grievance added when an issue is closed without being solved',
		unit: 'grievance',
		default: 0.3,
		range: [0, 2],
		source: assumption,
		mechanism: 'feedback'
	},
	initialTrust: {
		meaning: 'Mean trust in local government at the start',
		unit: 'share',
		default: 0.5,
		range: [0, 1],
		source: assumption,
		mechanism: 'feedback'
	},
	initialTrustSpread: {
		meaning: 'Half-width of the uniform spread of households’ initial trust around its mean',
		unit: 'share',
		default: 0.2,
		range: [0, 0.5],
		source: assumption,
		mechanism: 'feedback'
	},
	// Order
	grievanceDecay: {
		meaning: 'Share of grievance that fades each week',
		unit: '1/week',
		default: 0.01,
		range: [0, 0.2],
		source: assumption,
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
	orderHalfPoint: {
		meaning: 'Escalations a year per 1,000 households at which the order index is one half (index = 1 / (1 + rate / half point))',
		unit: 'escalations/1,000 households/year',
		default: 5,
		range: [0.5, 50],
		source: 'Assumption: a scale for reading, not a mechanism; it changes no behaviour in the run',
		mechanism: 'order'
	},
	// Household colour
	redGrievance: {
		meaning: 'Grievance at or above which a household is red (连心户); also red with two or more open issues',
		unit: 'grievance',
		default: 1,
		range: [0.1, 5],
		source: 'Assumption after the study’s colour rules (red: serious unresolved problems)',
		mechanism: 'colour'
	},
	yellowGrievance: {
		meaning: 'Grievance at or above which a household is yellow (关心户); also yellow with one open issue or when vulnerable',
		unit: 'grievance',
		default: 0.3,
		range: [0.05, 5],
		source: 'Assumption after the study’s colour rules (yellow: needs attention)',
		mechanism: 'colour'
	},
	reviewWeeks: {
		meaning: 'Weeks between household reviews (colours, trust averages, liaison activity, consultations, escalation hazards)',
		unit: 'weeks',
		default: 4,
		range: [1, 13],
		source: 'Assumption: the grid’s monthly visits',
		mechanism: 'schedule',
		integer: true
	},
	// Formalism
	formalismBase: {
		meaning: 'Share of the week’s cadre hours lost to reporting and paperwork under full top-down pressure and no coordination',
		unit: 'share',
		default: 0.35,
		range: [0, 0.8],
		source: 'Study: 伪创新 and 内卷 (formalism, involution); size assumed',
		mechanism: 'formalism'
	},
	coordinationPaperworkCut: {
		meaning: 'Share of paperwork removed at full coordination (one joint report instead of one per department)',
		unit: 'share',
		default: 1,
		range: [0, 1],
		source: assumption,
		mechanism: 'formalism'
	},
	// Urbanization
	outMigration: {
		meaning: 'Share of working families a year whose working-age members leave (context)',
		unit: '1/year',
		default: 0.03,
		range: [0, 0.2],
		source: 'Registered 182,000 vs about 150,000 resident (end 2024): a sizeable, continuing outflow; rate assumed',
		mechanism: 'urbanization'
	},
	leftBehindShare: {
		meaning: 'Probability that a migrant-worker family drawn for out-migration becomes a left-behind elderly household',
		unit: 'probability',
		default: 0.5,
		range: [0, 1],
		source: assumption,
		mechanism: 'urbanization'
	},
	// Prices
	hourCost: {
		meaning: 'Cost of one cadre hour (pay and social insurance)',
		unit: 'yuan',
		default: 60,
		range: [10, 300],
		source: 'Assumption of the order of public-administration pay in China (about 100,000 yuan a year over about 1,700 working hours)',
		mechanism: 'cost'
	},
	stationedBonus: {
		meaning: 'Bonus of stationed cadres over their peers, on all their hours (stationed, whether the village keeps them busy or they help at the town)',
		unit: 'share',
		default: 0.4,
		range: [0.3, 0.5],
		source: 'Study: stationed cadres’ performance bonus is 30% to 50% over peers (midpoint)',
		mechanism: 'cost'
	},
	liaisonAllowance: {
		meaning: 'Allowance of an active liaison',
		unit: 'yuan/year',
		default: 1200,
		range: [0, 20000],
		source: 'Assumption: about 100 yuan a month, the order of village grid-worker subsidies',
		mechanism: 'cost'
	},
	volunteerHourValue: {
		meaning: 'Value of one hour of a liaison’s or mediator’s time (what it could earn otherwise)',
		unit: 'yuan',
		default: 15,
		range: [0, 100],
		source: 'Assumption of the order of rural casual wages',
		mechanism: 'cost'
	},
	platformCost: {
		meaning: 'Running cost of the hotline and online platform (modes with responsive channels)',
		unit: 'yuan/year',
		default: 300000,
		range: [0, 5000000],
		source: assumption,
		mechanism: 'cost'
	},
	officeCost: {
		meaning: 'Running cost of one town’s co-located office and supervision system at full coordination (in proportion to the coordination lever)',
		unit: 'yuan/year',
		default: 200000,
		range: [0, 2000000],
		source: assumption,
		mechanism: 'cost'
	}
} as const satisfies Record<string, ParameterDef>;

export type ParameterName = keyof typeof PARAMETERS;
export type Parameters = Record<ParameterName, number>;

export const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

export function isParameterName(name: string): name is ParameterName {
	return Object.hasOwn(PARAMETERS, name);
}

export function defaultParameters(): Parameters {
	return Object.fromEntries(PARAMETER_NAMES.map((k) => [k, PARAMETERS[k].default])) as Parameters;
}

/** Checks every value is a finite number within its range; returns messages for those that are not. */
export function parameterProblems(p: Partial<Record<string, unknown>>): string[] {
	const problems: string[] = [];
	for (const [k, v] of Object.entries(p)) {
		if (!isParameterName(k)) {
			problems.push(`unknown parameter "${k}"`);
			continue;
		}
		const def: ParameterDef = PARAMETERS[k];
		const [lo, hi] = def.range;
		if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (def.integer && !Number.isInteger(v))) {
			problems.push(`${k} must be ${def.integer ? 'an integer' : 'a number'} in [${lo}, ${hi}], got ${String(v)}`);
		}
	}
	return problems;
}

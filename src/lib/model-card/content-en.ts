import type { ModelCardContent } from './content';

/** The English words of the model card (/model/). Shape: content.ts; one to one with content-zh.ts. */
export const en: ModelCardContent = {
	title: 'Model card: the county governance model',
	lead: 'What the model behind the sandbox is and is not, how its three levers work and what each outcome measures; then its description by the ODD protocol, every parameter with its source, the calibration report and the test of the study’s propositions.',
	contents: 'On this page',
	sections: {
		plain: 'In plain words',
		odd: 'ODD description',
		parameters: 'Parameters',
		presets: 'The three presets',
		calibration: 'Calibration',
		propositions: 'Propositions: what the model says'
	},
	plain: {
		whatTitle: 'What it is',
		what: [
			'An agent-based model: a county built in the computer with the structure of Shiquan — 11 towns, 164 villages, about 64,000 households (63,949) and 2,024 liaison posts. Each household has a type, some trust in local government, and perhaps a grievance. Every week some households run into a problem that needs solving: some report it themselves, some are found by a liaison on a visit, some are never found. Village, town and county cadres handle what reaches them with limited hours, and an issue that needs several departments is handed from one to the next. Handled quickly and well, trust grows and grievance fades; otherwise grievance can turn into disputes and petitions. The model moves in weekly steps; a run lasts five years.',
			'None of the outcomes the sandbox shows — order, vitality, days to close, satisfaction, cost — is a formula written into the model: they grow out of what households and cadres do.'
		],
		whatNotTitle: 'What it is not',
		whatNot: [
			'It is not a forecast. Its numbers are not estimates for Shiquan or any real county: the county is synthetic, built to published totals, and most behavioural parameters are stated assumptions (the parameter table below gives the source or assumption of each).',
			'It is a thinking tool: it lays out mechanisms and assumptions and shows what follows from them, so that you can question the assumptions, change them and see how the results move. The difference between two scenarios says more than either scenario’s numbers.'
		],
		notCalibrated: 'The model has not yet been calibrated to the county’s published record (see [Calibration](#calibration)).',
		calibrated: 'Some parameters are calibrated to the county’s published record; that shows the model can reproduce a few totals, not that its mechanisms are right (see [Calibration](#calibration)).',
		leversTitle: 'How the three levers work',
		leversIntro: 'Multi-dimensional governance has three dimensions, each a lever from 0 to 1 in the sandbox: 0 is not pursued, 1 pursued fully. A lever acts only where its part of the structure exists.',
		levers: {
			sinking: {
				title: 'Resource sinking (integrated governance, 集成式治理)',
				body: 'Town–village integration (镇村工作一体化): part of the town and county cadres’ hours moves to cadres stationed in the villages, who handle cases on the spot. The hours are moved, not added. Stationed cadres know the place, so a case takes them less work and no travel, but they are paid a 30–50% bonus. Each case goes to the level where it is expected to be done soonest. Where the county has hours to spare, sinking changes little: stationed cadres spend the hours their village leaves idle at their town. Sinking too far leaves the county departments short-handed, and issues that need three departments, which only the county handles, queue up. It acts only where the structure has stationed cadres handling cases in villages.'
			},
			coordination: {
				title: 'Coordination (coordinated governance, 协同化治理)',
				body: 'Co-located offices, the secretary’s review and closed-loop supervision. An issue that needs several departments is handed between departments or levels; each hand-off waits and may bounce back for re-work — the department barriers (条块梗阻). More coordination means shorter waits and fewer failures (80% fewer at full coordination) and less paperwork, one joint report instead of one per department; it costs cadre hours for joint meetings, review and supervision (about 5% at full coordination) and the offices’ running costs. It acts on every hand-off, in any structure.'
			},
			participation: {
				title: 'Participation (participatory governance, 参与式治理)',
				body: 'The “321” model: how much the county draws on liaisons and villagers — training, allowances, filling vacant posts. More participation means more liaisons active. An active liaison visits the 32 or so households linked to the post and finds problems nobody reported; settles small disputes on the spot, with no cadre time; and convenes consultations such as courtyard meetings (院落会), where households that attend come to trust the government more. Liaisons stay active where villages trust the government, and posts are harder to fill where working-age people have left. Everything this lever does passes through active liaisons: without liaison posts in the structure it does nothing.'
			}
		},
		modesTitle: 'Why the modes differ',
		modesIntro: 'The three presets differ first in their structure — which channels, links and rules exist — and only then in how far the levers are pushed.',
		modes: {
			'one-way':
				'Tasks are assigned down the hierarchy, one more hand-off for every issue; no reply or satisfaction survey, so households can only report in person and do not learn what came of it; top-down inspections, reports and rankings are at their strongest, and cadres lose about a third of their time to paperwork. All three levers at 0.',
			'two-way':
				'A hotline and online channels, so households need not report in person; a reply and a satisfaction survey after closure, so households learn the outcome and their trust follows it; the level that receives an issue handles it, with no assignment down the hierarchy; less pressure (0.6). Still no village handling and no liaisons; all three levers at 0.',
			multi: 'Two-way’s structure plus stationed cadres handling cases in villages (镇村工作一体化), the “321” grids and liaisons, and more visits to red and yellow households; pressure down to 0.3 (closed-loop supervision instead of ranking); each lever at 0.8, pursued strongly but not fully.'
		},
		custom: 'A custom scenario starts from a preset and may change any part of the structure or any lever; the sandbox says what changed.',
		structureTitle: 'The parts of the structure',
		structureIntro: 'Which presets have each part is given with it; every value of the presets and where it comes from is in the [table of presets](#presets).',
		inPresets: 'In the presets: ',
		valuesInPresets: 'Value in the presets: ',
		outcomesTitle: 'What each outcome measures',
		outcomesIntro: 'Every outcome the sandbox compares counts what happens in the model in the five years after mid-2022; the county’s history before that is replayed, not counted.',
		outcomes: {
			order: {
				title: 'Order',
				body: 'How rarely unresolved grievances turn into disputes, petitions and conflict. The more grievance a household has and the less it trusts the government, the likelier it escalates. Index = 1 / (1 + escalations a year per 1,000 households ÷ 5): 1 with none, ½ at 5 a year per 1,000 households. It counts the escalations that happen in the run.'
			},
			vitality: {
				title: 'Vitality',
				body: 'The share of households that took part in governance in a year — reported an issue themselves, had a dispute settled by mediation, or attended a consultation — averaged over the years. It counts what households do, never a lever’s value: without liaisons households still report and village committees still mediate.'
			},
			voice: {
				title: 'Voice',
				body: 'The issues households reported themselves, per issue raised. It falls when liaisons find issues first.'
			},
			consulted: {
				title: 'Consulted',
				body: 'The share of households that attended a consultation in a year. Only active liaisons convene them, so it rises with the participation lever, liaisons’ activity and households’ trust.'
			},
			closure: {
				title: 'Closure rate',
				body: 'Issues closed over issues received, since the start; issues still open at the end count in the denominator only. Closed is not solved: some issues are closed without the problem being fixed.'
			},
			days: {
				title: 'Days to close',
				body: 'Days from an issue reaching government (received) to its closure, the median; the 90th percentile and cross-department issues are reported too. Longer queues and more hand-offs make it longer.'
			},
			satisfaction: {
				title: 'Satisfaction',
				body: 'The share of closed issues whose household was satisfied (满意 or 基本满意). An issue not solved, or closed later than expected (about 3 weeks), lowers it. Where there is no survey, the share is the households’ unspoken satisfaction.'
			},
			trust: {
				title: 'Trust',
				body: 'Households’ mean trust in local government (0–1). Each experience pulls trust a little toward how good it was; with a reply and a survey households learn the outcome and it pulls more; attending a consultation raises trust too.'
			},
			cost: {
				title: 'Cost',
				body: 'Every week is priced: all cadre hours of the budget, busy or idle; the stationed cadres’ bonus; liaisons’ allowances; liaisons’ and mediators’ time (at rural casual wages); the hotline and online platform; the co-located offices. The sandbox shows the county’s cost a year, a year per household, and per issue solved. Prices change the bill, never the behaviour.'
			},
			efficiency: {
				title: 'Efficiency',
				body: 'Issues closed per 100 cadre hours, counting every hour of the budget, idle ones included. Paperwork, re-work after failed hand-offs and travel all take hours and lower it.'
			},
			equity: {
				title: 'Equity gap',
				body: 'The highest minus the lowest satisfaction across household types (working families, migrant-worker families, left-behind elderly, vulnerable households). The smaller the gap, the fairer.'
			},
			colour: {
				title: 'Household colour',
				body: 'The grid marks each household from what it knows: red (连心户) with two or more open issues or a large grievance; yellow (关心户) with one open issue, some grievance, or when vulnerable; green (放心户) otherwise. With targeted service, red and yellow households are visited more often.'
			}
		}
	},
	odd: {
		intro: 'A condensed description by the ODD protocol (Overview, Design concepts, Details; Grimm et al. 2006, 2020). The full description is `sim/MODEL.md` in the code repository; its parameter and preset tables are generated from the code, and a unit test keeps the document and the code in agreement. Parameter names link to their rows in the [parameter table](#parameters).',
		parts: {
			purpose: {
				title: 'Purpose and patterns',
				blocks: [
					{
						p: 'To compare one-way, two-way and multi-dimensional grassroots governance, and the three levers of the last — resource sinking (integrated governance), coordination (coordinated governance) and participation (participatory governance) — on order, vitality, closure, days to close, satisfaction, cost and equity, in a county with the structure of Shiquan.'
					},
					{
						p: 'The patterns the model is examined against are the study’s six propositions (see [Propositions](#propositions)): multi-dimensional beats two-way beats one-way; more resources under one-way bring limited gains; sinking without coordination leaves cross-department cases stuck; participation’s effect grows over time through trust; out-migration hurts less where participation is strong; online channels without offline outreach widen the gap for left-behind elderly. None of them is built in, and no parameter was tuned to make one hold.'
					}
				]
			},
			entities: {
				title: 'Entities, state variables and scales',
				blocks: [
					{
						dl: [
							['Households', '63,949 in the full county. Fixed: town, village, grid and liaison post. Changing: type (working family, migrant-worker family, left-behind elderly, vulnerable; changes with out-migration), trust (0–1), grievance (≥ 0), whether the last issue was solved, open issues, colour (green, yellow, red).'],
							['Issues', 'Household, ledger type, departments needed (1–3), minor or not, level handling it (village, town, county), channel that found it, week raised and week it reached government, hand-offs left, failed hand-offs, hours of work and travel left, state (latent, queued, in hand-off).'],
							['Liaison posts', '2,024 (published), only where the structure has liaisons: village, households linked to the post (32 on average), filled or vacant, active or not.'],
							['Villages', '164: mean trust and the share of households with working-age members at home, at the last review.'],
							['Handling queues', 'One per village (its stationed cadres), one per town (11), one for the county; each has a fixed number of cadre hours a week and counts the hours of work waiting in it.'],
							['Scales', 'One step is one week; the default run is 260 weeks (five years). Space is only the county → town → village → grid hierarchy; distance enters as travel hours.']
						]
					}
				]
			},
			process: {
				title: 'Process overview and scheduling',
				blocks: [
					{ p: 'Each week, in this order:' },
					{
						ol: [
							'Urbanization: some working families lose their working-age members; some migrant-worker families become left-behind elderly.',
							'Needs: households whose next issue falls this week raise it (a latent issue) and draw the time to their next one.',
							'Discovery and intake: a latent issue may reach government by self-report, online channels or a liaison’s visit; a minor one found may be settled on the spot by mediation; the others are received and queued at the level that will handle them. Issues nobody finds add grievance and are given up after a while.',
							'Escalations: the escalations drawn for this period happen; each first takes town cadre hours.',
							'Handling: each queue spends its week’s hours on its issues in arrival order; an issue whose work is done starts its next hand-off or is closed.',
							'Hand-offs: those due this week succeed (next hand-off or closure) or fail (back to the queue for re-work).',
							'Outputs: the observers record the week.',
							'Review, every `reviewWeeks` weeks: grievance fades; the next period’s escalations are drawn; colours are reassigned; village trust and presence are averaged; co-production is counted; liaison posts fall vacant, are filled, become active or not; active liaisons plan their visits and hold consultations.'
						]
					},
					{ p: 'Households and issues are handled in a fixed order (households by number, issues in the order they were raised or queued), the same in every scenario.' }
				]
			},
			design: {
				title: 'Design concepts',
				blocks: [
					{
						dl: [
							[
								'Basic principles',
								'Co-production of public services (Ostrom 1996); expectancy–disconfirmation of satisfaction (Van Ryzin 2004); a report that was fixed makes the next more likely (Sjoberg, Mellon & Peixoto 2017); procedural fairness builds legitimacy (Tyler 2006); grievance and legitimacy drive unrest (Epstein 2002); Little’s law for queues (backlog = arrivals × time in system); the study’s account of department barriers (条块分割) and formalism (伪创新, 内卷).'
							],
							['Emergence', 'Closure, days to close, satisfaction, trust, colour shares, escalations, co-production and cost are not formulas of the levers; they result from queues, hand-offs, households’ learning and what liaisons and households do.'],
							['Adaptation and learning', 'Households report according to their trust and whether their last issue was solved; trust moves toward each experience, and up when they attend a consultation; liaisons stay active where villages trust the government.'],
							['Sensing', 'Households learn the outcome of an issue fully with a reply and survey, or when it is settled in front of them; partly otherwise.'],
							['Interaction', 'Households interact with government through issues, with their liaison through visits, mediation and consultations, and with the village committee’s mediators.'],
							[
								'Stochasticity',
								'Issue times and attributes, discovery, mediation, hand-off waits and failures, solving, out-migration, liaisons’ activity and turnover, consultations and escalations are random. Each draw is keyed by what it is for: in a replicate, two scenarios draw the same number for the same event (common random numbers), which makes paired comparisons precise.'
							],
							['Collectives', 'Villages (trust, presence, stationed cadres) and towns (hours, outputs).'],
							['Observation', 'Weekly series and run summaries (see [What each outcome measures](#outcomes)).']
						]
					}
				]
			},
			init: {
				title: 'Initialization',
				blocks: [
					{
						p: 'Households, grids and liaison posts come from the county structure (seed 20160801); every one of the 2,024 posts is filled at the start. Trust starts uniform within `initialTrust` ± `initialTrustSpread`; grievance at 0; no open issues; nobody has taken part in co-production yet. Each household’s first issue time and first escalation threshold are drawn. From this start the model replays the county’s history — a year of one-way governance from August 2015, then the ledgers (August 2016), town–village integration (2019, county-wide March 2020) and the “321” model (August 2021) on their published dates — to June 2022; every sandbox run begins from the state that history leaves (trust, grievance, open issues and queues, liaison posts, household types), so there is no first-year transient. Six parameters are calibrated so that this history reproduces the published record (see Calibration).'
					}
				]
			},
			submodels: {
				title: 'Submodels',
				blocks: [
					{
						dl: [
							['Needs', 'A household raises issues as a Poisson process of weekly rate `issueRate`/52 × type rate × (1 + `grievanceRateGain` × grievance), at most one a week. An issue needs two or more departments with probability `crossDeptShare` (three with `threeDeptShare` of those); a single-department issue is minor with probability `minorShare`.'],
							[
								'Discovery, mediation and intake',
								'A latent issue may be found each week through three channels: self-report (`selfReport` × trust, × `successBoost` if the last issue was solved); online (with responsive channels only; `onlineReport` × `digitalAccess`, × `elderlyDigital` for left-behind elderly); a liaison’s visit (active posts only; `liaisonVisits` households a week, each visit finding the issue with probability `visitDiscovery`). A minor issue a liaison finds is settled on the spot with probability `localResolution`; one brought in person is settled by the village committee’s mediators with probability `committeeMediation` — villagers’ self-governance exists in every mode; what the modes change is how much the system draws on liaisons. A settled issue is solved at once, with no cadre time. An issue nobody finds adds `festerGrievance` a week and is given up after `festerWeeks`.'
							],
							[
								'Handling capacity and routing',
								'The week’s hours are `cadreHours` × `budget`. Paperwork (formalism) and coordination’s share, `coordinationHoursShare` × coordination, come off first; with village handling, sinking moves sinking × `villageShareMax` of the hours to stationed cadres; `townShare` of the rest goes to towns and the remainder to the county. A single-department issue may go to its village’s stationed cadres or its town, a two-department one to its town or the county, a three-department one only to the county; each goes where the expected delay is shortest. An issue needs `caseHours` × departments (× `villageWorkFactor` in the village), plus the survey (`surveyHours`) and travel, and receives at most `caseHoursPerWeek` a week (one responsible cadre). Village queues go first; the hours they leave idle go to their town the same week.'
							],
							['Department barriers', 'An issue has departments − 1 hand-offs, one more under top-down assignment. Each waits `handoffDelayWeeks` × b weeks on average and fails, back to the queue for re-work, with probability `handoffFailure` × b, where b = 1 − `coordinationEffect` × coordination.'],
							[
								'Feedback and trust',
								'A handled issue is solved with probability `solveBase` (× `failureSolvePenalty` per failed hand-off). Experience: `unsolvedExperience` if unsolved; if solved, reduced (`latenessPenalty`) by how far it ran past the expected time (`expectedWeeks`). At `satisfiedThreshold` or above the household is satisfied. Trust moves toward the experience with weight `trustLearning`, × `noFeedbackLearning` without a reply and survey, unless the household saw the outcome itself.'
							],
							[
								'Participation',
								'At each review a filled post may fall vacant as its liaison migrates (`liaisonMigration`); a vacant one is filled at participation × `liaisonRecruitment` × the village’s presence; a filled one is active with probability participation × `liaisonActivity` × (1 − `liaisonTrustWeight` × (1 − village trust)). Active liaisons visit their households and convene `consultRate` consultations a week on average; a household attends with probability `consultAttendance` × trust (× `migrantPresence` for migrant-worker families), and each time its trust moves `consultTrustGain` of the way to 1.'
							],
							['Order', 'Grievance fades by `grievanceDecay` a week. A household’s escalation hazard is `escalationRate` × grievance × (1 − trust); an escalation happens when the accumulated hazard passes a random threshold. Order index = 1 / (1 + E / `orderHalfPoint`), E being escalations a year per 1,000 households; `orderHalfPoint` only sets the scale and changes no behaviour.'],
							['Urbanization', 'Each year `outMigration` of working families lose their working-age members; a migrant-worker family becomes left-behind elderly with probability `leftBehindShare`.'],
							['Formalism', 'Share of hours lost to paperwork = `formalismBase` × top-down pressure × (1 − `coordinationPaperworkCut` × coordination).'],
							['Household colour', 'From what the grid knows (red at grievance `redGrievance`, yellow at `yellowGrievance`; see [Household colour](#outcome-colour)); under targeted service a red household’s chance of a visit is `targetedVisitsRed` times, a yellow one’s `targetedVisitsYellow` times, the others’.'],
							['Cost', 'All cadre hours × `hourCost`; the stationed cadres’ `stationedBonus` on all their hours; `liaisonAllowance` a year per active liaison; liaisons’ and mediators’ hours × `volunteerHourValue`; `platformCost` a year with responsive channels; coordination × `officeCost` a year per town for the co-located offices.']
						]
					},
					{
						p: 'Limitations: weekly resolution; reviews every 4 weeks; liaisons are posts, not people with households of their own; no spatial spill-overs between villages; the history’s mapping of each system onto the model’s structure and levers is an assumption; all rates are assumptions except where the table cites a source or the calibration.'
					}
				]
			}
		}
	},
	parameters: {
		intro: 'Every number that shapes an outcome is a parameter; the table gives its meaning, unit, default, range and its source or the assumption behind it. It is generated from the code (`sim/engine/parameters.ts`) when the site is built, so it follows the code. Any parameter can be set from the command line: `npm run sim -- --param NAME=VALUE`.',
		caption: 'The model’s parameters ({n})',
		name: 'Parameter',
		group: 'Mechanism',
		meaning: 'Meaning',
		unit: 'Unit',
		default: 'Default',
		range: 'Range',
		source: 'Source or assumption',
		whole: '(whole)',
		calibrated: 'calibrated',
		groups: 'Jump to a mechanism: '
	},
	presets: {
		intro: 'What a mode is, is its structure; the levers are how strongly the multi-dimensional dimensions are pursued within it. The values of the three presets and where they come from, generated from the code (`sim/engine/modes.ts`):',
		caption: 'Structure and levers of the three presets',
		row: 'Setting',
		source: 'Source or assumption',
		structure: 'structure',
		lever: 'lever',
		yes: 'yes',
		no: 'no'
	},
	calibration: {
		intro: 'Calibration sets a few parameters that cannot be observed directly so that the model reproduces some of the county’s published totals (cases received, the closure rate, satisfaction). A calibrated model reproduces those numbers; that does not show its mechanisms are right, and several sets of values may fit as well.',
		missing: 'Not yet calibrated: there is no calibration report (`sim/reports/calibration.json`) yet. Once `npm run sim:calibrate` has written it and the site is built again, the results appear here. Until then every default in the parameter table is an uncalibrated assumption.',
		otherVersion: (version, current) => `Note: this report was made with model version ${version}; the site runs version ${current}, so its numbers may have changed.`,
		summary: (r) =>
			`Method: ${r.method}. ${r.households} households a run, ${r.replicates} replicates a point; ${r.points} points sampled, ${r.accepted} accepted (every fitted target within ${r.tolerance} × its tolerance), seed ${r.seed}. The chosen values were checked with ${r.checkReplicates} replicates. Model version ${r.version}.`,
		methods: { 'abc-smc': 'approximate Bayesian computation by sequential Monte Carlo (ABC-SMC): a first generation drawn from the prior as a Latin hypercube, then generations of perturbed points kept under shrinking thresholds — each the median distance of the generation before — until every target is within its tolerance' },
		freeCaption: 'Calibrated parameters',
		freeIntro: 'The calibration sets these; the accepted range runs from the 5th to the 95th percentile of the accepted points — the wider it is, the less the published figures pin the parameter down.',
		parameter: 'Parameter',
		prior: 'Prior range',
		chosen: 'Chosen',
		accepted: 'Accepted range',
		why: 'Why it is calibrated',
		defaultDiffers: (value) => `The parameter table’s default (${value}) differs from the report’s chosen value: the report may be out of date.`,
		targetsCaption: 'Targets: published figures and the model',
		targetsIntro: 'The model value is the mean over replicates at the chosen values, with the range of 90% of replicates. “At least” marks a published lower bound.',
		target: 'Target',
		published: 'Published',
		model: 'Model (mean)',
		interval: '90% range',
		tolerance: 'Tolerance',
		fit: 'Fit',
		within: 'within tolerance',
		outside: 'outside tolerance',
		atLeast: (value) => `at least ${value}`,
		withinCount: (k, n) => `${k} of ${n} ${n === 1 ? 'target is' : 'targets are'} within tolerance.`,
		targets: {
			received: 'Cases received, county and town ledgers, Aug 2016 – Dec 2021',
			closed: 'Of them closed by the end of 2021',
			closure: 'Closure rate',
			satisfaction: 'Satisfaction'
		},
		notes: {
			volume: 'sets how many issues households raise, and so how many reach the county and town ledgers: the published number of cases received',
			capacity: 'sets whether cadre hours suffice: queues, waits and the cases still open at the end (the published closure rate)',
			solving: 'sets how many handled issues are really fixed: households whose issue was not fixed are not satisfied (the published satisfaction)',
			expectations: 'sets how long households expect a case to take: a later close disappoints (the published satisfaction)',
			protracted: 'sets how many cases wait long for an outside decision — funds, an approval — and so are still open at the end (the published closure rate)'
		},
		tradeOffsTitle: 'Trade-offs',
		tradeOffsIntro: 'Pairs of parameters strongly correlated among the accepted points (|r| ≥ 0.5): one higher and the other lower fits the targets as well, and the published figures cannot tell them apart.',
		tradeOffsNone: 'No pair of parameters is strongly correlated among the accepted points.',
		notIdentifiedTitle: 'Parameters not identified',
		notIdentifiedIntro: 'These shape outcomes, but the targets cannot pin them down: their values remain assumptions, and how much the results depend on them is worth trying in the sandbox.',
		notIdentifiedNone: 'The report lists no parameters that the targets cannot identify.'
	},
	propositions: {
		intro: 'The study makes six propositions. `npm run sim:validate` tests each with paired replicates: a minimal meaningful effect is stated before running, and the verdict depends on where the effect and its 90% interval fall. No parameter was tuned to make a proposition hold; those that fail are reported as they are. Rows marked “also” are secondary readings: another measure of the same contrast, or a test of the path the proposition names.',
		missing: 'There is no propositions report (`sim/reports/propositions.json`) yet. Once `npm run sim:validate -- --out sim/reports/propositions.json` has written it (about 5 minutes at full scale) and the site is built again, the results appear here.',
		otherVersion: (version, current) => `Note: this report was made with model version ${version}; the site runs version ${current}, so its verdicts may have changed.`,
		settings: (r) => `${r.households} households, ${r.replicates} paired replicates per scenario of ${r.weeks} weeks each, seed ${r.seed}, model version ${r.version}.`,
		caption: 'The study’s propositions tested',
		id: 'Id',
		claim: 'Proposition',
		comparison: 'Comparison (B − A)',
		measure: 'Measure',
		mme: 'Minimal effect',
		effect: 'Effect',
		interval: '90% interval',
		above: 'Runs with B > A',
		verdict: 'Verdict',
		also: 'also',
		agreeCount: (k, n) => `${k} of ${n} main ${n === 1 ? 'comparison agrees' : 'comparisons agree'} with the study.`,
		verdicts: { agrees: 'agrees', 'does not': 'does not', 'too small to matter': 'too small to matter', inconclusive: 'inconclusive' },
		verdictsExplained:
			'Agrees: the whole interval is at least the minimal effect in the predicted direction. Does not: the same, the other way. Too small to matter: the whole interval lies within ± the minimal effect. Inconclusive: none of these (the interval straddles the minimal effect).',
		noise: 'The intervals are narrow because paired replicates share their random numbers: they measure the model’s own noise, not uncertainty about the real world.',
		claims: {
			P1: 'Multi-dimensional beats two-way, and two-way beats one-way',
			P1a: 'Two-way beats one-way on order',
			P1b: 'Multi-dimensional beats two-way on order',
			P1c: 'Two-way beats one-way on vitality',
			P1d: 'Multi-dimensional beats two-way on vitality',
			P2: 'More resources under one-way bring limited gains',
			P3: 'Sinking without coordination leaves cross-department cases stuck',
			P4: 'Participation’s effect grows over time through trust',
			P5: 'Out-migration hurts less where participation is strong',
			P6: 'Online channels without offline outreach widen the gap for left-behind elderly'
		},
		comparisons: {},
		measures: {}
	}
};

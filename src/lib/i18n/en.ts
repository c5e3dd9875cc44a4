import type { Messages } from './messages';

/** English messages: every key of the Chinese catalogue, checked by the type. */
export const en: Messages = {
	'app.title': 'Grassroots Governance Sandbox',
	'app.subtitle': "Shiquan County's governance innovations · dashboard and simulation",
	'nav.overview': 'Overview',
	'nav.methods': 'Data & methods',
	'nav.main': 'Main navigation',
	'lang.switch': '中文',
	'lang.switchLabel': 'Switch to Chinese',
	'skip.content': 'Skip to content',
	'synthetic.notice':
		'The data on this site are synthetic: generated from a seed and calibrated to published totals, not real case records of Shiquan County.',
	'synthetic.link': 'About the data and methods',
	'footer.text': 'Grassroots Governance Sandbox · an open tool for teaching and research. Synthetic data: see “Data & methods”.',

	'overview.title': "Overview: Shiquan County's three governance systems",
	'overview.lead':
		"Key figures of the party secretaries' “three ledgers”, town–village work integration and the “321” grassroots model. Each card shows the dataset's value computed by SQL on the left, and the published figure with its period and source on the right.",
	'filter.town': 'Town',
	'filter.allCounty': 'Whole county',
	'filter.clear': 'Clear filter',
	'filter.unknownTown': 'The town code “{code}” in the address is not recognised; showing the whole county.',
	'filter.showing': 'Showing: {scope}',

	'engine.prerendered': 'First figures were computed by DuckDB when the site was built.',
	'engine.starting': 'Starting the DuckDB query engine in your browser…',
	'engine.ready': 'Interactive figures are computed by DuckDB-WASM in your browser.',
	'engine.computedIn': 'Computed by DuckDB-WASM in your browser in {ms} ms.',
	'engine.retry': 'Retry',

	'error.title': 'Data could not be loaded',
	'error.file-missing':
		'The data file {file} could not be fetched (HTTP {status}). The precomputed figures on this page still hold, but interactive queries are unavailable.',
	'error.file-corrupt': 'The data file {file} is damaged or not in the expected format. Details: {detail}',
	'error.network': 'A network error stopped the download of {file}; check your connection and retry. Details: {detail}',
	'error.engine': 'The query engine could not start in this browser (it may be too old or short of memory). Details: {detail}',
	'error.query': 'A query failed. Details: {detail}',

	'card.dataset': 'This dataset',
	'card.published': 'Published',
	'card.source': 'Source',
	'card.period': 'Period',
	'card.asOf': 'As of',
	'card.countyOnly': 'Published figures are county totals',
	'card.matches': 'matches the published figure',
	'card.differs': 'differs from the published figure',
	'card.ledgerCases': '“Three ledgers” cases received (county and town levels)',
	'card.ledgerClosed': 'Cases closed',
	'card.closureRate': 'closure rate {rate}',
	'card.satisfaction': 'Satisfaction',
	'card.satisfactionDetail': '(satisfied + basically satisfied) ÷ {n} surveyed',
	'card.grids': 'Three-level grids',
	'card.liaisons': 'Three-line liaison personnel',
	'card.households': 'Households linked',
	'card.tasks': 'Integration key tasks quantified to villages',
	'card.stationedCadres': 'Town cadres stationed in villages',
	'card.followingLeaders': 'Town leaders following up in villages',
	'card.villages': 'Villages and communities',
	'card.atLeast': '≥ {value}',

	'source.study': 'Field study of grassroots governance innovation in Shiquan County (data to mid-2022)',
	'source.nbs': 'National Bureau of Statistics division codes (2023)',
	'source.synthetic': 'Synthetic dataset (seed {seed}), calibrated to published totals',

	'chart.table': 'Table',
	'chart.chart': 'Chart',
	'chart.showTable': 'Show as table',
	'chart.showChart': 'Show as chart',
	'chart.download': 'Download CSV',
	'chart.source': 'Source: {source}',
	'chart.units': 'Units: {units}',
	'chart.keyboardHint': 'Use the left and right arrow keys to step through the months.',

	'monthly.title': 'Cases received per month, by ledger',
	'monthly.units': 'cases per month (county and town levels)',
	'monthly.month': 'Month',
	'monthly.total': 'Total',
	'ledger.suggestion': 'Suggestions',
	'ledger.demand': 'Interest demands',
	'ledger.complaint': 'Complaints and reports',

	'milestone.ledgers-launch': '“Three ledgers” launched',
	'milestone.ledgers-three-levels': 'County, town and village levels',
	'milestone.integration-county-wide': 'Town–village integration county-wide',
	'milestone.model-321-county-wide': '“321” model county-wide',

	'towns.title': 'Cases, closure and satisfaction by town',
	'towns.units': 'cases (county and town levels, Aug 2016 – Dec 2021)',
	'towns.town': 'Town',
	'towns.cases': 'Received',
	'towns.closed': 'Closed',
	'towns.closure': 'Closure rate',
	'towns.satisfaction': 'Satisfaction',
	'towns.selectHint': 'Choose a town to filter this page.',
	'towns.select': 'Filter by {town}',

	'methods.title': 'Data and methods',
	'methods.lead':
		'No case-level data of Shiquan County are public. The default dataset of this site is synthetic, generated from a fixed seed: its totals equal the published figures exactly, and its distributions are stated assumptions. This page describes the generator, every assumption and the sources of the published figures.',
	'methods.why.title': 'Why synthetic data',
	'methods.why.body':
		'The study publishes totals only (8,812 cases received, 8,597 closed, satisfaction of at least 98.5%). To let the dashboard break figures down by town, month and step, we generate individual records that add up to those totals. No synthetic record is a real case, and the breakdowns by town or month are not measurements.',
	'methods.published.title': 'Published figures and sources',
	'methods.published.figure': 'Figure',
	'methods.published.value': 'Published',
	'methods.published.dataset': 'This dataset',
	'methods.published.period': 'Period / as of',
	'methods.generator.title': 'How the data are generated',
	'methods.generator.structure':
		'County structure: 11 towns (real names and division codes) → 164 villages and communities → three grid levels (164 village grids, 1,000 villager groups, 1,729 household clusters: 2,893 in all) → 63,949 households and 182,000 people. Villages per town and each town’s share of households are assumptions (the sources give only Zhongchi’s 12 villages); village sizes are log-normal.',
	'methods.generator.cases':
		'Cases: 8,812 county- and town-level cases from Aug 2016 to Dec 2021, spread over months as the system spread: the county first in Aug 2016, towns joining through 2017, all three levels from Jan 2018, then about 5% growth a year, fewer around the Spring Festival and in Feb 2020 (epidemic controls), more in the flood season. Village ledgers add about 5,300 cases outside the published total. Each case passes nine steps with log-normal durations; more co-handling departments and escalations slow it down.',
	'methods.generator.closure':
		'Closure and satisfaction: exactly 215 cases stay open (8,812 − 8,597), more often cross-department and recent ones. Survey results follow expectancy–disconfirmation: unsolved or late cases are more often “dissatisfied” or “basically satisfied”; about 1.3% of surveyed cases are dissatisfied, so satisfaction is about 98.7%, consistent with “at least 98.5%”.',
	'methods.generator.other':
		'Other tables: 2,024 three-line liaisons apportioned to villages by households, one liaison for every household; 592 stationed cadres (at least two per village) and 164 following leaders; 3,506 integration tasks, from 2019 in the pilot towns and from Mar 2020 elsewhere; quarterly green/yellow/red household status from the third quarter of 2021.',
	'methods.generator.determinism':
		'The same seed always gives byte-identical files. Run npm run data to regenerate; add --cases N for a scaled dataset for performance work.',
	'methods.format.title': 'File format',
	'methods.format.body':
		'The data are published as CSV files served by the site itself. The core DuckDB-WASM engine reads CSV with no extension (reading Parquet would download an extension from the internet, which some users cannot reach), and CSV opens in any spreadsheet. Files are read with fixed column types, so a malformed file fails with a clear error.',
	'methods.files.title': 'Download the data files',
	'methods.files.table': 'Table',
	'methods.files.rows': 'Rows',
	'methods.files.size': 'Size',
	'methods.assumptions.title': 'Assumptions per town',
	'methods.assumptions.villages': 'Villages and communities',
	'methods.assumptions.share': 'Share of households',
	'methods.assumptions.seat': 'Town seat (schematic position)',
	'methods.limits.title': 'Limitations',
	'methods.limits.body':
		'Synthetic data illustrate methods and the interface; they cannot be used to judge any real town or department. Town-seat positions are geocoded approximations that may be off by a few kilometres and are shown only schematically.',

	'figure.areaKm2': 'Area',
	'figure.towns': 'Towns',
	'figure.villages': 'Villages and communities',
	'figure.population': 'Registered population',
	'figure.ledgerCases': '“Three ledgers” cases (county and town levels)',
	'figure.ledgerClosed': 'of which closed',
	'figure.satisfaction': 'Satisfaction',
	'figure.tasks': 'Key tasks quantified to villages',
	'figure.stationedCadres': 'Stationed town cadres',
	'figure.followingLeaders': 'Following town leaders',
	'figure.grids': 'Three-level grids',
	'figure.liaisons': 'Three-line liaison personnel',
	'figure.households': 'Households linked'
};

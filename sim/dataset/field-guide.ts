/**
 * What every table and column of the dataset means, in both languages, with its unit: the one
 * source of the data package's schema descriptions (data/datapackage.json, written by
 * scripts/data-package.ts) and of the column guide on the methods page. A unit test checks that
 * every column of every table in schema.ts is described here and nothing else is.
 */
import type { TableName } from './schema';

export interface Words {
	zh: string;
	en: string;
}

export interface FieldGuide {
	description: Words;
	/** The unit of a measured value (absent for identifiers, codes and names). */
	unit?: Words;
}

export interface TableGuide {
	title: Words;
	description: Words;
	fields: Record<string, FieldGuide>;
}

const w = (zh: string, en: string): Words => ({ zh, en });
const f = (zh: string, en: string, unit?: Words): FieldGuide => (unit ? { description: w(zh, en), unit } : { description: w(zh, en) });

const HOUSEHOLDS = w('户', 'households');
const PEOPLE = w('人', 'people');
const CASES = w('件', 'cases');

const TOWN = f('镇的统计用区划代码（9 位）', "the town's statistical division code (9 digits)");
const VILLAGE = f('村（社区）的统计用区划代码（12 位）', "the village's (community's) statistical division code (12 digits)");
const GRID = f('网格编号（村代码后加三位）', "the grid's id (the village code and three digits)");
const LEDGER = f('台账类型：suggestion 建议、demand 诉求、complaint 投诉', 'ledger type: suggestion, demand or complaint');
const MONTH = f('受理月份，按 年×12 + 月 − 1 编号（2016 年 8 月 = 24199）', 'month of intake, numbered year×12 + month − 1 (Aug 2016 = 24199)');
const ROLLUP = '；“*” 表示全部汇总';
const ROLLUP_EN = "; '*' is the roll-up over all";

export const FIELD_GUIDE: Record<TableName, TableGuide> = {
	units: {
		title: w('行政单位与网格', 'Units and grids'),
		description: w('县、镇、村（社区）和三级网格，每行一个单位，含户数与人口。', 'The county, its towns, villages (communities) and three grid levels: one row per unit, with households and population.'),
		fields: {
			unit_id: f('单位编号：县、镇、村用统计用区划代码，网格在村代码后加三位', 'unit id: the statistical division code for the county, towns and villages; grids add three digits to their village'),
			level: f('层级：county 县、town 镇、village 村、grid1/grid2/grid3 一、二、三级网格', 'level: county, town, village, grid1/grid2/grid3 (grid levels one to three)'),
			parent_id: f('上一级单位的编号（县为空）', "the id of the unit above (empty for the county)"),
			town_code: f('所属镇的代码（县为空）', 'code of the town it belongs to (empty for the county)'),
			kind: f('村的类别：village 村、community 社区（其他层级为空）', 'kind of village: village or community (empty at other levels)'),
			name_zh: f('中文名称', 'name in Chinese'),
			name_en: f('英文（拼音）名称', 'name in English (pinyin)'),
			households: f('户数', 'number of households', HOUSEHOLDS),
			population: f('人口', 'population', PEOPLE)
		}
	},
	households: {
		title: w('农户', 'Households'),
		description: w('每行一户（合成）：所在镇、村、网格、联户人、人口与类型。', 'One row per (synthetic) household: its town, village, grid, liaison, size and type.'),
		fields: {
			household_id: f('户编号', 'household id'),
			town_code: TOWN,
			village_id: VILLAGE,
			grid_id: f('所在三级网格的编号', 'id of its third-level grid'),
			liaison_id: f('联系该户的联户人编号（liaisons 表）', 'id of the liaison linked to it (liaisons table)'),
			size: f('家庭人口', 'people in the household', PEOPLE),
			type: f('户类型：working 务工务农、migrant 外出务工、elderly 老年、vulnerable 困难', 'type: working, migrant, elderly or vulnerable')
		}
	},
	household_status: {
		title: w('农户分类（红黄绿）', 'Household colours (red, yellow, green)'),
		description: w('每户每季度的“321”分类：红、黄、绿。', 'Each household\'s "321" colour in each quarter: red, yellow or green.'),
		fields: {
			household_id: f('户编号（households 表）', 'household id (households table)'),
			quarter: f('季度，如 2021Q3', 'quarter, e.g. 2021Q3'),
			colour: f('分类：red 红（连心户）、yellow 黄（关心户）、green 绿（放心户）', 'colour: red (households to keep close), yellow (to look after), green (at ease)')
		}
	},
	liaisons: {
		title: w('联户人', 'Liaisons'),
		description: w('“321”模式中的联户人：所属线、所在网格与联系的户数。', 'The liaisons of the "321" model: their line, grid and the households each is linked to.'),
		fields: {
			liaison_id: f('联户人编号', 'liaison id'),
			line: f('所属线：party 党员、deputy 人大代表、household_head 中心户长', 'line: party (party members), deputy (people\'s congress deputies) or household_head (heads of households)'),
			town_code: TOWN,
			village_id: VILLAGE,
			grid_id: GRID,
			households_linked: f('联系的户数', 'households linked', HOUSEHOLDS)
		}
	},
	cases: {
		title: w('台账案件', 'Ledger cases'),
		description: w('书记民情“三本账”中的每件案件（合成），含闭环九个步骤各自的时间。', "Every case of the secretaries' three ledgers (synthetic), with the time of each of the loop's nine steps."),
		fields: {
			case_id: f('案件编号', 'case id'),
			ledger: LEDGER,
			level: f('办理层级：county 县、town 镇、village 村', 'level it was handled at: county, town or village'),
			town_code: TOWN,
			village_id: VILLAGE,
			grid_id: GRID,
			household_id: f('提出案件的户（households 表；可为空）', 'household that raised it (households table; may be empty)'),
			category: f('事项类别（如 disputes 矛盾纠纷、infrastructure 基础设施）', 'category of the matter (e.g. disputes, infrastructure)'),
			channel: f('受理渠道：visit 来访、phone 电话、online 网络、letter 来信、liaison_grid 联户网格、secretary_visit 书记走访', 'channel: visit, phone, online, letter, liaison_grid or secretary_visit'),
			received_at: f('受理时间（当地时间）', 'received (local time)'),
			registered_at: f('分类建账时间', 'registered in the ledger'),
			reviewed_at: f('书记阅批时间', "read and instructed by the secretary"),
			acknowledged_at: f('受理告知时间', 'receipt acknowledged to the person'),
			assigned_at: f('快速交办时间', 'assigned to a department'),
			handled_at: f('办理完成时间（严格督查结束）', 'handling done (end of supervision)'),
			reported_at: f('结果反馈时间', 'result reported back'),
			signed_off_at: f('书记把关时间', 'signed off by the secretary'),
			surveyed_at: f('回复征询时间', 'person asked whether satisfied'),
			archived_at: f('销号归档时间，即结案（未结为空）', 'closed and archived; empty while open'),
			due_at: f('办理期限', 'due date for the handling'),
			lead_dept: f('牵头部门', 'lead department'),
			co_depts: f('协办部门数', 'number of co-operating departments', w('个', 'departments')),
			handoffs: f('转办次数', 'number of hand-offs between offices', w('次', 'hand-offs')),
			escalated: f('是否上交上一级办理', 'whether it was escalated to the level above'),
			solved: f('是否解决', 'whether the matter was solved'),
			satisfaction: f('满意度回访结果：satisfied 满意、basic 基本满意、dissatisfied 不满意（未回访为空）', 'satisfaction: satisfied, basic (basically satisfied) or dissatisfied; empty if not surveyed'),
			revisited: f('是否回访', 'whether the person was visited again'),
			repeat_of: f('重复提出时，前一件案件的编号', 'for a repeated case, the id of the earlier case')
		}
	},
	tasks: {
		title: w('镇村一体化任务', 'Town–village integration tasks'),
		description: w('镇村工作一体化中镇向村交办的任务：类别、期限与完成情况。', 'Tasks a town assigned to its villages under town–village integration: category, due date and completion.'),
		fields: {
			task_id: f('任务编号', 'task id'),
			town_code: TOWN,
			village_id: VILLAGE,
			category: f('任务类别：income 增收、collective_economy 集体经济、governance 治理、infrastructure 基础设施、public_service 公共服务', 'category: income, collective_economy, governance, infrastructure or public_service'),
			assigned_on: f('交办日期', 'date assigned'),
			due_on: f('期限', 'due date'),
			completed_on: f('完成日期（未完成为空）', 'date completed (empty if not done)'),
			status: f('状态：done 完成、in_progress 办理中、overdue 逾期', 'status: done, in_progress or overdue')
		}
	},
	cadres: {
		title: w('驻村干部', 'Cadres in villages'),
		description: w('镇村一体化中下沉到村的干部：角色与到岗日期。', 'Cadres sent to villages under town–village integration: role and start date.'),
		fields: {
			cadre_id: f('干部编号', 'cadre id'),
			role: f('角色（如 following_leader 包联领导、stationed 驻村干部）', 'role (e.g. following_leader, the leader in charge; stationed, the cadre stationed there)'),
			town_code: TOWN,
			village_id: VILLAGE,
			start_on: f('到岗日期', 'start date')
		}
	},
	case_counts: {
		title: w('案件计数（预汇总）', 'Case counts (pre-aggregated)'),
		description: w('由 cases 表用 SQL 汇总：按镇、台账类型、受理月份和一个分组维度计数，页面的查询读它。', 'Derived from the cases by SQL: counts by town, ledger type, month of intake and one breakdown dimension; the pages query it.'),
		fields: {
			town_code: f(`镇的代码${ROLLUP}镇`, `town code${ROLLUP_EN} towns`),
			ledger: f(`台账类型${ROLLUP}类型`, `ledger type${ROLLUP_EN} types`),
			month: MONTH,
			dim: f('分组维度：all 不分组、level 层级、channel 渠道、category 类别、stall 未结案件所停的步骤', 'breakdown: all (none), level, channel, category, stall (the step an open case waits at)'),
			key: f('该维度的取值（all 时为空）', "the dimension's value (empty for all)"),
			cases: f('受理案件数', 'cases received', CASES),
			closed: f('已结案件数', 'cases closed', CASES),
			closed_locally: f('在镇、村两级结案的案件数', 'cases closed at town or village level', CASES),
			escalated: f('上交上一级的案件数', 'cases escalated', CASES),
			surveyed: f('已回访满意度的案件数', 'cases surveyed for satisfaction', CASES),
			satisfied: f('满意或基本满意的案件数', 'cases satisfied or basically satisfied', CASES),
			handled: f('已办理完成的案件数', 'cases handled', CASES),
			on_time: f('在期限内办理完成的案件数', 'cases handled by their due date', CASES),
			repeats: f('90 天内重复提出的案件数', 'cases repeating one from the previous 90 days', CASES)
		}
	},
	case_days: {
		title: w('各步骤用时（直方图）', 'Time per step (histogram)'),
		description: w('由 cases 表汇总：每个步骤（及受理到结案）用时的对数直方图，按镇、台账类型和受理季度。', 'Derived from the cases: a logarithmic histogram of the time each step took (and intake to closure), by town, ledger type and quarter of intake.'),
		fields: {
			town_code: f(`镇的代码${ROLLUP}镇`, `town code${ROLLUP_EN} towns`),
			ledger: f(`台账类型${ROLLUP}类型`, `ledger type${ROLLUP_EN} types`),
			quarter: f('受理季度，按 年×4 + 季 − 1 编号', 'quarter of intake, numbered year×4 + quarter − 1'),
			step: f('步骤：0–8 为闭环九步（分类建账……销号归档），9 为受理到结案', 'step: 0–8 the loop\'s nine steps (registered … archived), 9 intake to closure'),
			bin: f('用时分箱：round(25 × ln(1 + 分钟))，每箱宽约 4%', 'time bin: round(25 × ln(1 + minutes)), each about 4% wide'),
			cases: f('落在该箱的案件数', 'cases in the bin', CASES)
		}
	},
	case_villages: {
		title: w('各村案件（预汇总）', 'Cases by village (pre-aggregated)'),
		description: w('由 cases 表汇总：按村、台账类型和受理月份计数。', 'Derived from the cases: counts by village, ledger type and month of intake.'),
		fields: {
			village_id: VILLAGE,
			town_code: TOWN,
			ledger: f(`台账类型${ROLLUP}类型`, `ledger type${ROLLUP_EN} types`),
			month: MONTH,
			cases: f('受理案件数', 'cases received', CASES),
			closed: f('已结案件数', 'cases closed', CASES),
			escalated: f('上交上一级的案件数', 'cases escalated', CASES)
		}
	}
};

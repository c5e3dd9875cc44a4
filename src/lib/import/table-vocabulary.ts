/**
 * The dataset's other tables a file may be mapped to besides the cases: a county's town–village
 * tasks (镇村一体化任务) and its households (the "321" grid's 户, with their grid, liaison, size,
 * type and colour). Their fields, the header names that suggest them in Chinese and English, the
 * spellings of their code values, and the kind of a file suggested from its headers.
 */
import { HOUSEHOLD_TYPES } from '$sim/county/household-types';
import { LIAISON_LINES } from '$sim/county/build-county';
import { COLOURS } from '$sim/dataset/household-colours';
import { TASK_CATEGORIES, TASK_STATUSES } from '$sim/dataset/integration';
import { en } from '$lib/i18n/en';
import { zh } from '$lib/i18n/zh';
import { HEADER_NAMES, norm } from './vocabulary';

/** What a file holds: cases (the case schema: mapping.ts), or rows of another table. */
export const TABLE_KINDS = ['tasks', 'households'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export const FILE_KINDS = ['cases', ...TABLE_KINDS] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface KindSpec {
	/** Every field a column may map to. */
	fields: readonly string[];
	/** The row's id (renumbered when not unique whole numbers). */
	id: string;
	/** A row without it is dropped (missing-required). */
	required: string;
	/** Date fields (read like the cases' dates). */
	dates: readonly string[];
	/** Code fields and the codes each takes. */
	codes: Record<string, readonly string[]>;
	/** Whole-number fields. */
	numbers: readonly string[];
}

export const KIND_SPECS: Record<TableKind, KindSpec> = {
	tasks: {
		fields: ['task_id', 'town', 'village', 'category', 'assigned_on', 'due_on', 'completed_on', 'status'],
		id: 'task_id',
		required: 'assigned_on',
		dates: ['assigned_on', 'due_on', 'completed_on'],
		// Categories the county's list lacks are kept as 'other' (under unknown-value: fix).
		codes: { category: [...TASK_CATEGORIES, 'other'], status: TASK_STATUSES },
		numbers: []
	},
	households: {
		fields: ['household_id', 'town', 'village', 'grid_id', 'liaison_id', 'line', 'size', 'type', 'colour', 'quarter'],
		id: 'household_id',
		required: 'household_id',
		dates: [],
		codes: { type: HOUSEHOLD_TYPES, colour: COLOURS, line: LIAISON_LINES },
		numbers: ['size']
	}
};

/** Header names per field of each kind (normalised when compared; the field's own name always matches). */
export const TABLE_HEADER_NAMES: Record<TableKind, Record<string, readonly string[]>> = {
	tasks: {
		task_id: ['任务编号', '任务号', '任务序号', '编号', '序号', 'task id', 'id'],
		town: HEADER_NAMES.town,
		village: HEADER_NAMES.village,
		category: ['任务类别', '任务类型', '任务分类', '类别', '类型', '分类', 'category', 'type', 'task type'],
		assigned_on: ['交办时间', '交办日期', '下达时间', '下达日期', '派发时间', '分派日期', '布置时间', 'assigned', 'assigned date', 'start date'],
		due_on: ['完成时限', '办理时限', '截止时间', '截止日期', '期限', '时限', '要求完成时间', 'due', 'due date', 'deadline'],
		completed_on: ['完成时间', '完成日期', '办结时间', '办结日期', '实际完成时间', 'completed', 'completion date', 'done date'],
		status: ['状态', '完成情况', '办理状态', '任务状态', '进展', 'status']
	},
	households: {
		household_id: ['户编号', '户号', '家庭编号', '农户编号', '编号', 'household id', 'household', 'id'],
		town: HEADER_NAMES.town,
		village: HEADER_NAMES.village,
		grid_id: ['网格编号', '网格', '所属网格', '网格号', 'grid', 'grid id'],
		liaison_id: ['联户长编号', '联户人编号', '联系人编号', '联户长', '联户人', '联户干部', '联系人', 'liaison', 'liaison id'],
		line: ['联户类别', '联户线', '联系线', '联户类型', '联系方式', 'liaison line', 'line'],
		size: ['家庭人口', '户人口', '人口', '人数', '家庭人数', '人口数', 'size', 'members', 'household size', 'persons'],
		type: ['户类型', '户别', '家庭类型', '农户类型', '户类别', 'household type', 'type'],
		colour: ['三色', '户色', '颜色', '标色', '三色管理', '评定颜色', '颜色等级', 'colour', 'color'],
		quarter: ['季度', '评定季度', '所属季度', 'quarter']
	}
};

const labels = (key: string) => [(zh as Record<string, string>)[key], (en as Record<string, string>)[key]].filter(Boolean);

/** Spellings of the code values beyond the codes themselves and their labels in the catalogues. */
const SPELLINGS: Record<TableKind, Record<string, Record<string, readonly string[]>>> = {
	tasks: {
		category: {
			income: ['增收', '群众增收', '产业发展', '产业', '促进增收', ...labels('task.income')],
			collective_economy: ['集体经济', '村集体经济', '壮大集体经济', ...labels('task.collective_economy')],
			governance: ['治理', '基层治理', '乡村治理', '社会治理', ...labels('task.governance')],
			infrastructure: ['基础建设', '基础设施建设', ...labels('task.infrastructure')],
			public_service: ['民生服务', '便民服务', ...labels('task.public_service')],
			other: ['其他', '其它', 'other']
		},
		status: {
			done: ['已完成', '完成', '已办结', '办结', '已销号', 'done', 'completed', 'complete', 'finished', 'closed'],
			in_progress: ['进行中', '办理中', '推进中', '未完成', '在办', '正在办理', 'in progress', 'open', 'ongoing', 'pending'],
			overdue: ['超期', '逾期', '已超期', '超时', '逾期未完成', 'overdue', 'late']
		}
	},
	households: {
		type: {
			working: ['务工', '在家务工', '一般户', '普通户', '劳动力户', 'working'],
			migrant: ['外出', '外出务工', '外出户', '流动', '流动人口', 'migrant'],
			elderly: ['老年', '老人', '空巢', '留守老人', '老年户', 'elderly'],
			vulnerable: ['困难', '困难户', '脱贫户', '监测户', '低保户', '特困户', '脱贫', 'vulnerable']
		},
		colour: {
			green: ['绿', '绿色', '放心户', '绿色户', ...labels('colour.green')],
			yellow: ['黄', '黄色', '关心户', '黄色户', ...labels('colour.yellow')],
			red: ['红', '红色', '连心户', '红色户', ...labels('colour.red')]
		},
		line: {
			party: ['党员', '党员联户', '党员联系群众', ...labels('line.party')],
			deputy: ['代表', '人大代表', '人大代表联系选民', ...labels('line.deputy')],
			household_head: ['户长', '中心户长', '联户长', '中心户长联系邻里', ...labels('line.household_head')]
		}
	}
};

/** Normalised spelling → code, for a code field of a kind. */
export function knownTableValues(kind: TableKind, field: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const code of KIND_SPECS[kind].codes[field] ?? []) {
		for (const n of [code, code.replaceAll('_', ' '), ...(SPELLINGS[kind][field]?.[code] ?? [])]) out.set(norm(n), code);
	}
	return out;
}

/** Whether a header names a field (exactly, normalised; or a Chinese name of 2+ characters inside it). */
export function headerMatches(header: string, field: string, names: readonly string[], exact: boolean): boolean {
	const h = norm(header);
	const all = [field, ...names].map(norm);
	return exact ? all.includes(h) : all.some((n) => /[\u4e00-\u9fff]/.test(n) && n.length >= 2 && h.includes(n));
}

/** Words in a header that say what a file is about beyond its field names. */
const KIND_WORDS: Record<FileKind, readonly string[]> = {
	cases: ['诉求', '受理', '工单', '来电', '投诉', '满意度', 'request', 'complaint', 'service'],
	tasks: ['任务', '交办', '下达', '完成时限', '截止', 'task', 'due', 'deadline'],
	households: ['户', '网格', '人口', '联户', '三色', 'household', 'grid', 'liaison', 'colour', 'color']
};

/**
 * The kind a file's headers suggest: per kind, how many headers name one of its fields (exactly)
 * plus how many hold one of its words; the most wins, cases on a tie (the importer's first kind).
 */
export function suggestKind(headers: readonly string[]): FileKind {
	const score = (kind: FileKind) => {
		const names: Record<string, readonly string[]> = kind === 'cases' ? HEADER_NAMES : TABLE_HEADER_NAMES[kind];
		const fields = headers.filter((h) => Object.entries(names).some(([f, n]) => headerMatches(h, f, n, true))).length;
		const words = headers.filter((h) => KIND_WORDS[kind].some((w) => norm(h).includes(norm(w)))).length;
		return fields + words;
	};
	let best: FileKind = 'cases';
	for (const kind of TABLE_KINDS) if (score(kind) > score(best)) best = kind;
	return best;
}

/**
 * What the importer recognises in other people's files: header names of the case schema's fields
 * in Chinese and English, and the spellings of status and code values. Matching is on a
 * normalised form (lower case, no blanks, underscores, hyphens or brackets), see `norm`.
 */
import { CASE_LEVELS, CATEGORIES, CHANNELS, DEPARTMENTS, LEDGER_TYPES, SATISFACTION, STEPS } from '$sim/dataset/case-vocabulary';
import { en } from '$lib/i18n/en';
import { zh } from '$lib/i18n/zh';

/** Lower case without blanks, underscores, hyphens, dots, slashes or brackets of either width. */
export const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.·/\\()（）[\]【】:：]+/g, '');

/** The fields a file's columns map to: the cases table's columns, plus what the importer derives them from. */
export const DATE_FIELDS = ['received_at', ...STEPS.map((s) => `${s}_at` as const), 'due_at', 'updated_at'] as const;
export const CODE_FIELDS = ['ledger', 'level', 'category', 'channel', 'lead_dept', 'satisfaction'] as const;
export const NUMBER_FIELDS = ['co_depts', 'handoffs', 'household_id', 'grid_id'] as const;
export const FLAG_FIELDS = ['escalated', 'solved', 'revisited'] as const;
export const MAPPED_FIELDS = ['case_id', 'status', 'town', 'village', ...DATE_FIELDS, ...CODE_FIELDS, ...NUMBER_FIELDS, ...FLAG_FIELDS, 'repeat_of'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
export type DateField = (typeof DATE_FIELDS)[number];
export type CodeField = (typeof CODE_FIELDS)[number];

/** Normalised statuses. */
export const STATUSES = ['open', 'closed', 'cancelled', 'other'] as const;
export type Status = (typeof STATUSES)[number];

/** The codes each code field takes (the dataset's vocabularies). */
export const CODES: Record<CodeField | 'status', readonly string[]> = {
	status: STATUSES,
	ledger: LEDGER_TYPES,
	level: CASE_LEVELS,
	category: CATEGORIES,
	channel: CHANNELS,
	lead_dept: DEPARTMENTS,
	satisfaction: SATISFACTION
};

/** Header names per field (normalised when compared). The field's own name always matches. */
export const HEADER_NAMES: Record<MappedField, readonly string[]> = {
	case_id: ['编号', '案件编号', '工单编号', '工单号', '诉求编号', '受理编号', '流水号', 'id', 'service_request_id', 'request_id', 'case number', 'ticket id', 'sr number', 'unique key'],
	status: ['状态', '办理状态', '工单状态', '案件状态', '处理状态', 'status', 'state', 'request status'],
	town: ['镇', '乡镇', '所属镇', '所属乡镇', '镇街', '街道', '乡镇街道', '镇办', 'town', 'town_code', 'township', 'district', 'ward', 'borough', 'council district', 'zone'],
	village: ['村', '村社区', '村(社区)', '所属村', '社区', '村居', 'village', 'village_id', 'community', 'neighborhood', 'neighbourhood'],
	received_at: ['受理时间', '接收时间', '来电时间', '反映时间', '提交时间', '创建时间', '来访时间', '收件时间', '诉求时间', 'requested_datetime', 'received', 'created', 'created_date', 'created at', 'open date', 'opened', 'date received'],
	registered_at: ['建账时间', '登记时间', '分类建账时间'],
	reviewed_at: ['阅批时间', '书记阅批时间', '批示时间'],
	acknowledged_at: ['告知时间', '受理告知时间'],
	assigned_at: ['交办时间', '派单时间', '分派时间', '转办时间', 'assigned', 'assigned date'],
	handled_at: ['办理完成时间', '处理完成时间', '办理时间', '处理时间', 'handled', 'resolved date', 'resolution date'],
	reported_at: ['反馈时间', '结果反馈时间', '回复时间'],
	signed_off_at: ['把关时间', '审核时间', '书记把关时间'],
	surveyed_at: ['回访时间', '征询时间', '回复征询时间', 'surveyed'],
	archived_at: ['办结时间', '结案时间', '关闭时间', '销号时间', '归档时间', '完成时间', 'closed_at', 'closed', 'closed date', 'close date', 'closed_datetime', 'completed', 'completion date'],
	due_at: ['办理时限', '期限', '截止时间', '应办结时间', '办结时限', 'expected_datetime', 'due', 'due date', 'target date'],
	updated_at: ['更新时间', '最后更新时间', 'updated_datetime', 'updated', 'last updated'],
	ledger: ['台账类型', '账本', '台账', '三本账', '诉求类型', 'ledger', 'ledger type'],
	level: ['层级', '办理层级', '级别', '处理层级', 'level'],
	category: ['类别', '分类', '问题类别', '诉求类别', '事项类别', '问题分类', '诉求分类', 'category', 'service_name', 'complaint type', 'request type', 'type'],
	channel: ['渠道', '来源', '反映渠道', '受理渠道', '诉求渠道', 'channel', 'source', 'method received', 'origin'],
	lead_dept: ['责任单位', '承办单位', '主办单位', '办理单位', '责任部门', '承办部门', '部门', 'agency_responsible', 'agency', 'department', 'responsible agency'],
	co_depts: ['协办单位数', '协办部门数', 'co_depts'],
	handoffs: ['转办次数', '流转次数', 'handoffs'],
	household_id: ['户编号', '户号', 'household_id', 'household'],
	grid_id: ['网格编号', '网格', 'grid_id', 'grid'],
	escalated: ['是否上报', '上报', '是否升级', 'escalated'],
	solved: ['是否解决', '解决情况', '是否办结解决', 'solved'],
	satisfaction: ['满意度', '评价', '满意情况', '群众评价', '回访评价', 'satisfaction', 'rating'],
	revisited: ['是否回访', 'revisited'],
	repeat_of: ['重复件', '原编号', '重复编号', 'repeat_of', 'duplicate of', 'parent id']
};

/** Spellings of the statuses (normalised when compared). */
const STATUS_NAMES: Record<Status, readonly string[]> = {
	closed: ['已办结', '办结', '已完成', '完成', '已解决', '已关闭', '关闭', '结案', '已结案', '已销号', '销号', '已归档', '归档', 'closed', 'close', 'completed', 'complete', 'resolved', 'done', 'finished'],
	open: ['办理中', '处理中', '待处理', '未办结', '受理', '已受理', '待受理', '进行中', '在办', '已交办', '已派单', '待办', 'open', 'opened', 'new', 'in progress', 'pending', 'acknowledged', 'assigned', 'received', 'submitted', 'active'],
	cancelled: ['已撤销', '撤销', '撤回', '已撤回', '取消', '已取消', '作废', '已作废', '无效', 'cancelled', 'canceled', 'cancel', 'withdrawn', 'void', 'voided', 'invalid'],
	other: ['other', '其他']
};

const label = (prefix: string, code: string) => [(zh as Record<string, string>)[`${prefix}.${code}`], (en as Record<string, string>)[`${prefix}.${code}`]].filter(Boolean);

/** Spellings of the code values beyond the codes themselves and their labels in the catalogues. */
const EXTRA: Partial<Record<CodeField, Record<string, readonly string[]>>> = {
	ledger: { suggestion: ['意见', '建议', '意见建议'], demand: ['诉求', '利益诉求', '求助'], complaint: ['投诉', '举报', '投诉举报'] },
	level: { county: ['县', '县级'], town: ['镇', '镇级', '乡镇'], village: ['村', '村级', '社区'] },
	satisfaction: { satisfied: ['满意', '非常满意', '5', '4', 'very satisfied'], basic: ['基本满意', '一般', '3', 'neutral'], dissatisfied: ['不满意', '很不满意', '2', '1', 'unsatisfied'] },
	lead_dept: {
		housing: ['住建局', '住房和城乡建设局'],
		natural_resources: ['自然资源局'],
		agriculture: ['农业农村局'],
		human_resources: ['人社局', '人力资源和社会保障局'],
		civil_affairs: ['民政局'],
		environment: ['生态环境局', '环保局'],
		public_security: ['公安局', '派出所'],
		transport: ['交通运输局', '交通局'],
		water: ['水利局'],
		education: ['教育局', '教体局'],
		health: ['卫健局', '卫生健康局'],
		market_regulation: ['市场监管局'],
		town_office: ['镇政府', '镇人民政府', '街道办'],
		village_committee: ['村委会', '村民委员会', '社区居委会']
	}
};

const LABEL_PREFIX: Partial<Record<CodeField, string>> = { ledger: 'ledger', level: 'level', category: 'category', channel: 'channel' };

/** Normalised spelling → code, for a code field or the status. */
export function knownValues(field: CodeField | 'status'): Map<string, string> {
	const out = new Map<string, string>();
	if (field === 'status') {
		for (const [code, names] of Object.entries(STATUS_NAMES)) for (const n of names) out.set(norm(n), code);
		return out;
	}
	for (const code of CODES[field]) {
		const prefix = LABEL_PREFIX[field];
		for (const n of [code, code.replaceAll('_', ' '), ...(prefix ? label(prefix, code) : []), ...(EXTRA[field]?.[code] ?? [])]) out.set(norm(n), code);
	}
	return out;
}

/** Words of a true or false flag. */
export const TRUE_WORDS = ['true', 't', '1', 'yes', 'y', '是', '已', '有'];
export const FALSE_WORDS = ['false', 'f', '0', 'no', 'n', '否', '未', '无'];

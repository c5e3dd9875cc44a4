/**
 * Chinese text of the parameter table (sim/engine/parameters.ts is English): meaning and source
 * of each parameter, keyed by its name, with `of` the fingerprint (fingerprint.ts) of the English
 * meaning and source it translates; the Chinese names of units and mechanism groups; the sources
 * of the preset values (sim/engine/modes.ts). A unit test fails when a parameter has no Chinese,
 * or its English changed since it was translated (it prints the new fingerprint and the text).
 */
export interface Translation {
	meaning: string;
	source: string;
	/** fingerprint(`${meaning}\n${source}`) of the English this translates. */
	of: string;
}

const A = '假设';
/** The source of the calibrated values (parameters.ts CALIBRATED_SOURCE). */
const CAL = '按公开记录校准（2016 年 8 月至 2021 年 12 月县、镇两级受理 8,812 件，办结率 97.56%，满意率 ≥ 98.5%），由 npm run sim:calibrate 完成：sim/reports/calibration.json';

export const PARAMETER_ZH: Record<string, Translation> = {
	issueRate: {
		meaning: '怨气为零时一户每年出现的事项数（三类账本合计）',
		source: CAL,
		of: '51cd6f47'
	},
	typeRateElderly: { meaning: '留守老人户的事项发生率，相对于在家务农务工家庭', source: '假设：照料、医疗和住房需求', of: '8e0a10eb' },
	typeRateVulnerable: { meaning: '困难户的事项发生率，相对于在家务农务工家庭', source: '假设：救助和社会保障需求', of: 'd072d458' },
	typeRateMigrant: { meaning: '外出务工家庭的事项发生率，相对于在家务农务工家庭', source: '假设：在家的人少', of: '3f46f9c1' },
	grievanceRateGain: { meaning: '每单位未化解的怨气使事项发生率增加的比例', source: '假设：怨气会引出更多诉求', of: '03d68892' },
	crossDeptShare: { meaning: '需要两个及以上部门办理的事项占比', source: '假设，与研究对条块分割的强调一致', of: '6e466326' },
	threeDeptShare: { meaning: '跨部门事项中需要三个部门的占比（其余需要两个）', source: A, of: '10b42d3a' },
	minorShare: { meaning: '单部门事项中属于调解员即可化解的小纠纷、小诉求的占比', source: '假设，依据“小事不出村”', of: '90214ebf' },
	selfReport: { meaning: '信任为满分的户每周通过线下渠道（来访、来信）自己反映一件未解决事项的概率', source: A, of: '2d0c58ca' },
	successBoost: {
		meaning: '上一次反映的事得到解决后，自己反映概率所乘的倍数',
		source: 'Sjoberg、Mellon 和 Peixoto 2017（第一次反映的问题得到解决，再次反映的可能明显提高）',
		of: '52917502'
	},
	onlineReport: { meaning: '数字接入和信任都为满分时，每周通过网络或热线反映的概率（仅限有热线和网络渠道的模式）', source: A, of: '38ea0b3c' },
	onlineTrustWeight: {
		meaning: '网上反映在多大程度上取决于信任：概率乘以 1 − w × (1 − 信任)',
		source: '假设：网上反映比登门省事，所以不像自己登门反映（完全随信任变化）那样依赖信任',
		of: '645a30ce'
	},
	elderlyDigital: { meaning: '留守老人户的数字接入程度，相对于其他户', source: '假设，依据中国互联网络信息中心（CNNIC）关于农村老年人上网率低的报告（数字鸿沟）', of: '3d0eeb9e' },
	digitalAccess: { meaning: '能使用网上渠道的户的比例（外部条件）', source: '假设，接近中国农村互联网普及率（CNNIC，2020 年代初）', of: 'a94d0e9d' },
	festerWeeks: { meaning: '一件事项无人发现多少周后，当事户就不再指望', source: A, of: '88f05a37' },
	festerGrievance: { meaning: '事项每无人发现一周所增加的怨气', source: A, of: 'f3f6f766' },
	abandonGrievance: { meaning: '事项未解决就被放弃时增加的怨气', source: A, of: 'c80a6243' },
	committeeMediation: {
		meaning: '群众当面找村委会调解员时，调解员化解一件小事的概率（各种模式都有：村民自治）',
		source: '假设；依据《村民委员会组织法》和《人民调解法》（2010），每个村都有人民调解委员会',
		of: 'ea895860'
	},
	liaisonActivity: { meaning: '参与和村平均信任都为满分时，一个在岗的联络员岗位在评估时处于活跃状态的概率', source: '假设；共同生产（Ostrom 1996）', of: 'b4a845ac' },
	liaisonTrustWeight: {
		meaning: '联络员的活跃程度在多大程度上取决于村里的信任：概率乘以 1 − w × (1 − 信任)',
		source: '假设：村民信任村、镇的地方，志愿者才会一直干下去',
		of: '6dee8515'
	},
	liaisonVisits: { meaning: '一名活跃联络员每周走访其所联系的户的户数', source: '假设：按公开数字每名联络员联系 32 户（63,949 / 2,024），约每月走访一次', of: '97dd4f96' },
	visitDiscovery: { meaning: '一次走访发现该户未解决事项的概率', source: A, of: '4811b442' },
	targetedVisitsRed: { meaning: '重点走访时，红色户（连心户）被走访机会所乘的倍数', source: '研究：红色、黄色户走访更勤；倍数为假设', of: '6a6f9500' },
	targetedVisitsYellow: { meaning: '重点走访时，黄色户（关心户）被走访机会所乘的倍数', source: '研究：红色、黄色户走访更勤；倍数为假设', of: '50481386' },
	localResolution: { meaning: '活跃联络员当场化解自己发现的小事的概率，不占干部工时', source: '研究：中心户长调解纠纷；比例为假设', of: '339aede7' },
	consultRate: { meaning: '一名活跃联络员每周为所联系的户召集协商（院落会、村民议事会）的次数', source: '假设：约每月一次', of: 'b27f7382' },
	consultAttendance: { meaning: '信任为满分且家中有人的户，受邀后参加协商的概率', source: '假设；参加的概率与该户的信任成正比', of: '87a7245e' },
	migrantPresence: { meaning: '外出务工家庭（劳动力不在家）参加协商的程度，相对于其他户', source: A, of: 'c8b19db0' },
	consultTrustGain: { meaning: '一户参加一次协商后，其信任向满分靠近的距离比例', source: 'Tyler 2006（程序公正带来合法性）；幅度为假设', of: '48f54257' },
	liaisonMigration: { meaning: '联络员外出的速率，相对于在家务农务工家庭（联络员外出后岗位空缺）', source: A, of: '98fea2a5' },
	liaisonRecruitment: {
		meaning: '参与为满分、各户都有劳动力在家的村里，空缺的联络员岗位每周被补上的概率',
		source: '假设：县里积极招募时，一个空缺约持续五个月',
		of: '69bcf01a'
	},
	visitHours: { meaning: '联络员每次入户走访所用的小时数', source: A, of: 'f767ade3' },
	consultHours: { meaning: '联络员筹备和召开一次协商所用的小时数', source: A, of: '266df309' },
	mediationHours: { meaning: '联络员或调解员就地化解一件小事所用的小时数', source: A, of: 'a27f43c0' },
	cadreHours: {
		meaning: '预算为 1 时，全县每周可用于办理事项的干部工时（各级合计，未扣除文牍和协同）',
		source: CAL,
		of: 'a6277739'
	},
	budget: { meaning: '干部预算总量，相对于现在（外部条件）；按比例放大 cadreHours', source: '外部条件杠杆', of: '10425058' },
	caseHours: { meaning: '办理一件单部门事项所需的干部工时（按所需部门计）', source: A, of: '6fed8e02' },
	caseHoursPerWeek: { meaning: '一件事项每周最多能得到的干部工时：由一名责任干部在其他工作之余办理', source: '假设；账本制度规定每件事项有一名责任人', of: '5548c3b2' },
	villageWorkFactor: { meaning: '驻村干部在村办理一件事项的工作量，相对于镇、县干部（熟悉情况）', source: A, of: 'a33de3ce' },
	travelHoursTown: { meaning: '镇干部办理村里的事项时额外需要的工时（路程、了解情况）', source: '假设；山区县，面积 1,525 平方千米', of: '554ec246' },
	villageShareMax: { meaning: '资源全部下沉时，从镇、县移到村级（驻村干部）的办理工时比例', source: '研究：592 名镇干部全职驻在 164 个村；比例为假设', of: '6a198056' },
	townShare: { meaning: '不在村级的办理工时中归镇的比例（其余归县级部门）', source: A, of: '099213c8' },
	surveyHours: { meaning: '每件事项回复和满意度回访所需的干部工时（有回复回访的模式），计入办理工作量', source: A, of: 'f48aeeeb' },
	coordinationHoursShare: { meaning: '全力协同时，每周干部工时中用于联席会议、书记阅批和督办的比例', source: A, of: 'c13a9457' },
	escalationHours: { meaning: '镇干部接待和处理一次矛盾升级（纠纷、上访）所需的工时，先于办理事项扣除', source: A, of: '50b4a4d7' },
	handoffDelayWeeks: { meaning: '没有协同时，部门或层级之间每次转办的平均等待时间', source: '假设（条块梗阻）', of: '0d45bf14' },
	handoffFailure: { meaning: '没有协同时，一次转办失败（被退回、重新排队）的概率', source: '假设（条块梗阻）', of: 'b05bf3bf' },
	coordinationEffect: { meaning: '全力协同时，转办延误和失败减少的比例', source: '研究：集中办公、书记阅批和闭环督办；幅度为假设', of: 'e1e395cb' },
	solveBase: { meaning: '办理完毕的事项真正解决的概率', source: CAL, of: '0a452888' },
	failureSolvePenalty: { meaning: '事项每经历一次失败的转办，真正解决的机会所乘的系数', source: CAL, of: 'acb77718' },
	expectedWeeks: { meaning: '群众期望的办结时间', source: CAL, of: '1b93e185' },
	protractedShare: { meaning: '受理的事项中，需要县里办理之外的决定（下一年度预算的资金、上级审批、法院）才能办结的占比', source: CAL, of: '88f24e3b' },
	protractedWeeks: {
		meaning: '久拖事项等待那个决定的平均时间（最后一次转交；协同不能缩短它；有回复渠道时，农户在受理告知时已被告知，会预期这段等待）',
		source: '假设：一个预算年度。公开记录只能看出它与 protractedShare 的乘积（期末仍未办结的事项），所以不校准它',
		of: '35a51557'
	},
	travelHoursCounty: { meaning: '县级部门办理村里的事项时，除路程外额外需要的工时（了解情况、安排走访）', source: A, of: 'a17ebcde' },
	roadSpeed: { meaning: '县城到各镇道路的平均车速（县干部办理村里事项的往返路程计入其工时）', source: '假设：秦巴山区的盘山公路（石泉县面积 1,525 平方千米，大部分是山地）', of: '66e50c59' },
	roadWinding: { meaning: '县城与镇政府驻地之间的道路距离与直线距离之比（镇政府驻地见 docs/shiquan-towns.csv）', source: '假设：山区道路的绕行系数通常为 1.3–1.8', of: '1b0c9358' },
	latenessPenalty: {
		meaning: '已解决的事项每超出一个期望时间，经历评价减少多少（经历 = 1 − 减分 × 超出时间 ÷ 期望时间）',
		source: 'Van Ryzin 2004（期望—失验理论）；幅度为假设',
		of: '07ec502f'
	},
	unsolvedExperience: { meaning: '办结但未解决的事项的经历评价（0–1）', source: A, of: '89763772' },
	satisfiedThreshold: { meaning: '经历评价达到或超过这一值时，当事户在回访中回答满意（满意或基本满意）', source: A, of: '30b81e04' },
	trustLearning: { meaning: '一次经历在一户信任中的权重（有回复回访时）', source: 'Van Ryzin 2004（期望—失验理论）；速率为假设', of: '962e0aea' },
	noFeedbackLearning: { meaning: '没有回复、回访闭环时，一次经历在信任中的权重，相对于 trustLearning', source: '假设：没有回复，群众只能部分了解结果', of: '52f09d87' },
	solvedGrievanceRelief: { meaning: '一户的事项解决后，其怨气保留下来的比例', source: A, of: '44e5743c' },
	unsolvedGrievance: { meaning: '事项办结但未解决时增加的怨气', source: A, of: '9baf1c98' },
	initialTrust: { meaning: '开始时群众对基层政府的平均信任', source: A, of: '85d133f6' },
	initialTrustSpread: { meaning: '各户初始信任围绕平均值均匀分布的半宽', source: A, of: '41aeb3ab' },
	grievanceDecay: { meaning: '怨气每周消退的比例', source: A, of: '05061ff3' },
	escalationRate: { meaning: '每单位“怨气 × (1 − 合法性)”的每周矛盾升级风险', source: 'Epstein 2002（怨气 × (1 − 合法性)）；速率为假设', of: 'fb776eb5' },
	orderHalfPoint: {
		meaning: '秩序指数为一半时的每千户每年升级次数（指数 = 1 / (1 + 升级率 ÷ 半值点)）',
		source: '假设：只是读数的刻度，不是机制；不改变运行中的任何行为',
		of: '22841dae'
	},
	redGrievance: { meaning: '怨气达到或超过此值的户为红色（连心户）；有两件及以上未办结事项也为红色', source: '假设，依据研究中的定色规则（红色：有严重的未解决问题）', of: '34addc79' },
	yellowGrievance: { meaning: '怨气达到或超过此值的户为黄色（关心户）；有一件未办结事项或属困难户也为黄色', source: '假设，依据研究中的定色规则（黄色：需要关注）', of: 'd6d9175d' },
	reviewWeeks: { meaning: '两次入户评估（定色、平均信任、联络员是否活跃、协商、升级风险）之间的周数', source: '假设：网格每月走访', of: '03feb449' },
	formalismBase: { meaning: '自上而下压力最大且没有协同时，每周干部工时中耗在报表和文牍上的比例', source: '研究：伪创新与内卷（形式主义）；幅度为假设', of: '1f29e32b' },
	coordinationPaperworkCut: { meaning: '全力协同时减少的文牍比例（各部门合报一份，而不是各报一份）', source: A, of: 'f32eb373' },
	outMigration: { meaning: '每年劳动力外出的在家务农务工家庭比例（外部条件）', source: '户籍人口 18.2 万，常住约 15 万（2024 年底）：外流可观且仍在持续；速率为假设', of: 'f0d96a15' },
	leftBehindShare: { meaning: '抽中外出的外出务工家庭变成留守老人户的概率', source: A, of: 'b1821ba1' },
	hourCost: { meaning: '一个干部工时的成本（工资和社会保险）', source: '假设，与中国公共管理部门的工资水平相当（每年约 10 万元，约 1,700 个工作小时）', of: '86d05fe6' },
	stationedBonus: {
		meaning: '驻村干部比同级干部多拿的补贴，按其全部工时计（只要驻村，不论在村里忙还是回镇上帮忙）',
		source: '研究：驻村干部的绩效奖励比同级高 30% 至 50%（取中值）',
		of: '36caabb8'
	},
	liaisonAllowance: { meaning: '一名活跃联络员的补贴', source: '假设：约每月 100 元，与村级网格员补贴相当', of: 'a2c3343f' },
	volunteerHourValue: { meaning: '联络员或调解员一小时时间的价值（用在别处可挣的收入）', source: '假设，与农村零工工价相当', of: '361210c2' },
	platformCost: { meaning: '热线和网上平台的运行费用（有热线和网络渠道的模式）', source: A, of: '91edc585' },
	officeCost: { meaning: '全力协同时，一个镇集中办公和督办系统的运行费用（按协同杠杆的比例计）', source: A, of: '30555909' }
};

/** Units as parameters.ts writes them, in Chinese. */
export const UNIT_ZH: Record<string, string> = {
	'1/year': '每年',
	'1/week': '每周',
	'1/grievance': '每单位怨气',
	ratio: '倍数',
	share: '比例',
	probability: '概率',
	weeks: '周',
	grievance: '怨气',
	'grievance/week': '怨气/周',
	'households/week': '户/周',
	hours: '小时',
	'hours/week': '小时/周',
	'escalations/1,000 households/year': '次/千户/年',
	yuan: '元',
	'yuan/year': '元/年',
	'km/hour': '千米/小时'
};

/** The mechanism (group) of each parameter, as shown in each language. */
export const GROUP_TEXT: Record<string, { zh: string; en: string }> = {
	needs: { zh: '需求', en: 'Needs' },
	discovery: { zh: '发现与受理', en: 'Discovery and intake' },
	participation: { zh: '参与', en: 'Participation' },
	cost: { zh: '成本', en: 'Cost' },
	capacity: { zh: '办理能力', en: 'Handling capacity' },
	order: { zh: '秩序', en: 'Order' },
	barriers: { zh: '部门壁垒', en: 'Department barriers' },
	feedback: { zh: '回访与信任', en: 'Feedback and trust' },
	colour: { zh: '户的颜色', en: 'Household colour' },
	schedule: { zh: '节奏', en: 'Schedule' },
	formalism: { zh: '形式主义', en: 'Formalism' },
	urbanization: { zh: '城镇化', en: 'Urbanization' }
};

/** The sources of the preset values (PRESET_SOURCES in modes.ts), in Chinese; `of` as above, of the English source. */
export const PRESET_SOURCE_ZH: Record<string, { text: string; of: string }> = {
	feedback: { text: '研究：双向互动在闭环中加入回复和满意度征询（回复征询）', of: 'aa125654' },
	responsiveChannels: { text: '研究：双向互动开通群众反映问题的渠道（热线、网络）', of: 'b161786a' },
	topDownAssignment: { text: '研究：单向度治理沿层级自上而下交办任务', of: 'cce5713d' },
	villageHandling: { text: '研究：集成式治理把镇干部派驻到村（镇村工作一体化）', of: 'ec9a959b' },
	liaisons: { text: '研究：“321”基层治理模式的三线联系人员和三级网格', of: 'ada56565' },
	targetedService: { text: '研究：农户按绿、黄、红分类管理，红、黄户走访更勤', of: '46a14886' },
	topDownPressure: { text: '假设，只表示次序：单向度靠指标和检查推动（1），双向互动以反馈缓解（0.6），多维互动以闭环督办代替排名（0.3）', of: 'e42b2b47' },
	sinking: { text: '假设：多维互动的县积极但不彻底地推行每个维度（0.8）；其他预设没有驻村办理', of: '2fc5d31d' },
	coordination: { text: '假设：多维互动预设中为 0.8（集中办公、书记阅批、督办）；其他预设为 0', of: 'c3ceac48' },
	participation: { text: '假设：多维互动预设中为 0.8；其他预设没有联络员岗位', of: 'f5aa3813' }
};

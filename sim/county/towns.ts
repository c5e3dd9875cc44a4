/**
 * The 11 towns of Shiquan County with their national statistical division codes (NBS 2023 list)
 * and approximate town-seat positions (WGS84, geocoded, may be off by a few km: schematic use only).
 *
 * `villages` and `householdShare` are NOT published per town. They are stated assumptions of the
 * synthetic dataset: the county seat (Chengguan) is the largest; Zhongchi's 12 villages/communities
 * is the one published town count; the rest split the remaining villages roughly by town size.
 * `communities` is how many of a town's villages are urban communities (社区), also assumed.
 */
export interface Town {
	code: string;
	nameZh: string;
	namePinyin: string;
	seatLat: number;
	seatLon: number;
	villages: number;
	communities: number;
	householdShare: number;
}

export const TOWNS: readonly Town[] = [
	{ code: '610922100', nameZh: '城关镇', namePinyin: 'Chengguan', seatLat: 33.04, seatLon: 108.245, villages: 24, communities: 6, householdShare: 0.22 },
	{ code: '610922101', nameZh: '饶峰镇', namePinyin: 'Raofeng', seatLat: 33.17, seatLon: 108.16, villages: 14, communities: 1, householdShare: 0.08 },
	{ code: '610922102', nameZh: '两河镇', namePinyin: 'Lianghe', seatLat: 33.273, seatLon: 108.083, villages: 16, communities: 1, householdShare: 0.09 },
	{ code: '610922103', nameZh: '迎丰镇', namePinyin: 'Yingfeng', seatLat: 33.101, seatLon: 108.405, villages: 15, communities: 1, householdShare: 0.08 },
	{ code: '610922104', nameZh: '池河镇', namePinyin: 'Chihe', seatLat: 32.957, seatLon: 108.33, villages: 18, communities: 2, householdShare: 0.1 },
	{ code: '610922105', nameZh: '后柳镇', namePinyin: 'Houliu', seatLat: 32.924, seatLon: 108.221, villages: 15, communities: 1, householdShare: 0.09 },
	{ code: '610922106', nameZh: '喜河镇', namePinyin: 'Xihe', seatLat: 32.852, seatLon: 108.22, villages: 13, communities: 1, householdShare: 0.07 },
	{ code: '610922107', nameZh: '熨斗镇', namePinyin: 'Yundou', seatLat: 32.797, seatLon: 108.155, villages: 13, communities: 1, householdShare: 0.07 },
	{ code: '610922108', nameZh: '云雾山镇', namePinyin: 'Yunwushan', seatLat: 33.099, seatLon: 108.276, villages: 12, communities: 1, householdShare: 0.06 },
	{ code: '610922109', nameZh: '中池镇', namePinyin: 'Zhongchi', seatLat: 33.004, seatLon: 108.388, villages: 12, communities: 1, householdShare: 0.06 },
	{ code: '610922110', nameZh: '曾溪镇', namePinyin: 'Zengxi', seatLat: 33.0, seatLon: 108.148, villages: 12, communities: 1, householdShare: 0.08 }
];

export const COUNTY = { code: '610922', nameZh: '石泉县', nameEn: 'Shiquan County' } as const;

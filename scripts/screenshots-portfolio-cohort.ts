// The cohort scripts/screenshots-portfolio.ts photographs: six trainees of
// two towns, the cards they hold in the two scenarios, and 王小华's scores,
// notes and next-time items over three attempts (rising, so the portfolio's
// trends have something to show).

export const COURSE = '提升社区带头人组织动员能力';
export const COHORT = '江川路街道2026春季班';

/** The cohort; 王小华 is the one photographed, the chair in both sessions. */
export const PEOPLE = [
  { name: '王小华', community: '光明居民区', town: '江川路街道', position: '书记' },
  { name: '李明', community: '光明居民区', town: '江川路街道', position: '楼组长' },
  { name: '欧阳文清', community: '红旗村', town: '马桥镇', position: '两委委员' },
  { name: '张丽', community: '东风居民区', town: '江川路街道', position: '居委会主任' },
  { name: '刘建国', community: '红旗村', town: '马桥镇', position: '团购团长' },
  { name: '周敏', community: '幸福村', town: '马桥镇', position: '志愿者' },
] as const;
export type Name = (typeof PEOPLE)[number]['name'];

/** Who holds which card in each scenario. */
export const ELEVATOR_CARDS: Record<Name, string> = {
  王小华: 'secretary',
  李明: 'owner_101',
  欧阳文清: 'owner_202',
  张丽: 'building_lead',
  刘建国: 'owner_602',
  周敏: 'owners_3_5',
};
export const PARKING_CARDS: Record<Name, string> = {
  王小华: 'secretary',
  李明: 'committee_director',
  欧阳文清: 'parking_manager',
  张丽: 'retiree',
  刘建国: 'residents',
  周敏: 'residents',
};

/**
 * 王小华's scores per attempt, by the two experts, on 1–5: rising over the
 * three attempts, resolving problems last. The others get a middling spread.
 */
export const WANG_SCORES: Record<string, [number, number]>[] = [
  { mass_work: [2, 3], emergency: [2, 2], coordination: [3, 3], resolution: [2, 1] },
  { mass_work: [3, 4], emergency: [3, 2], coordination: [3, 4], resolution: [2, 2] },
  { mass_work: [4, 5], emergency: [4, 3], coordination: [4, 4], resolution: [3, 3] },
];
export const WANG_NOTES = [
  '开场直接讲方案，低层住户的情绪没有先接住。',
  '先复述了101室的诉求，再请施工方回应，节奏好多了。',
  '把停车位分配规则写上了大屏，居民的质疑少了一半。',
];
export const WANG_PLANS = [
  '开场先请每位业主说一句最担心的事，再讲方案。',
  '表决前把费用分摊表再念一遍，确认每户都听清楚了。',
  '会后三天内把承诺的事项张贴到楼道公告栏。',
];

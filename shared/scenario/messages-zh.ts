// 情景文件问题的中文说明。键名、角色 id、文件里的值原样保留（作者在文件里要找的就是它们），
// 其余用中文说。
import { type Catalogue, type Found, foundParam, param } from './messages.ts';

export function foundZh(found: Found): string {
  switch (found.found) {
    case 'nothing':
      return '什么也没有';
    case 'null':
      return '空值（null）';
    case 'list':
      return `一个含 ${found.length} 项的列表`;
    case 'map':
      return found.keys.length === 0 ? '一个空的映射 {}' : `一个含 ${found.keys.join(', ')} 的映射`;
    case 'string':
      return `“${found.text}”`;
    case 'other':
      return found.type === 'number'
        ? `数字 ${found.text}`
        : found.type === 'boolean'
          ? `布尔值 ${found.text}`
          : found.text;
  }
}

const REF_ZH: Record<string, string> = {
  speaker: '发言人',
  answerer: '答问人',
  candidate: '候选人',
  voter: '投票人',
  recipient: '接收人',
};

const LIST_ZH: Record<string, string> = {
  roles: '角色',
  agenda: '议程项',
  injects: '突发事件',
  handouts: '材料',
  competencies: '评分维度',
};

/** The schema's own "expected …" sentences (primitives.ts, schema.ts, schema-electorate.ts), in Chinese. */
export const EXPECTATIONS_ZH: Record<string, string> = {
  'expected an id (a lowercase slug such as "owner_a")': '应为一个 id（小写字母开头的短名，如 "owner_a"）',
  'expected an id: a lowercase letter, then up to 47 of a-z 0-9 _ -':
    '应为一个 id：一个小写字母开头，其后最多 47 个 a-z 0-9 _ -',
  'expected a Text with zh or en (or both)': '应为含 zh 或 en（或两者都有）的文字',
  'expected a Text: a string, or a map { zh: "…", en: "…" }': '应为文字：一个字符串，或 { zh: "…", en: "…" }',
  'expected a Duration: seconds as a number, or a string such as "90s", "2m", "1m30s", "1h"':
    '应为时长：秒数，或 "90s"、"2m"、"1m30s"、"1h" 这样的字符串',
  'expected a Fraction in (0, 1]: "2/3", "3/4", ">1/2" (more than half) or a number such as 0.75':
    '应为 (0, 1] 之间的比例："2/3"、"3/4"、">1/2"（过半）或 0.75 这样的数',
  'expected a Filter: all, a list of role ids, or { attribute: owner, equals: true }':
    '应为投票人范围：all、角色 id 列表，或 { attribute: owner, equals: true }',
  'expected seats: a whole number ≥ 1, or { min: ≥ 0, max: ≥ 1 }':
    '应为席位数：≥ 1 的整数，或 { min: ≥ 0, max: ≥ 1 }',
  'expected each of yes, no, abstain at most once': 'yes、no、abstain 每项最多出现一次',
  'expected a scale: [low, high] whole numbers, or psmu': '应为评分量表：[最低, 最高] 两个整数，或 psmu',
  'expected schema: 1 (the format version)': '应为 schema: 1（格式版本）',
  'expected at least 2 roles': '至少需要 2 个角色',
  'expected at least 1 agenda item': '至少需要 1 个议程项',
  'expected a flat number such as "101" (quote it if it starts with 0)':
    '应为房号，如 "101"（以 0 开头时请加引号）',
  'expected an owner: a name, or a list of names for co-owners of the flat':
    '应为业主：一个姓名，或共有人的姓名列表',
  'expected at least one flat': '至少需要一户',
};

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '字符串',
  boolean: '布尔值（true/false）',
  object: '映射',
  array: '列表',
  int: '整数',
};

/** What a zod issue expected, in Chinese (the English comes from zod's own message). */
export function expectationZh(issue: {
  code: string;
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  origin?: unknown;
  values?: readonly unknown[];
}): string {
  const known = EXPECTATIONS_ZH[issue.message];
  if (known) return known;
  if (issue.message.startsWith('expected an item kind: one of '))
    return `应为议程项类型之一：${issue.message.slice('expected an item kind: one of '.length)}`;
  const size = issue.origin === 'array' ? '项数' : issue.origin === 'string' ? '长度' : '';
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_ZH[String(issue.expected)] ?? String(issue.expected)}`;
    case 'too_small':
      return `应为${size}${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`;
    case 'too_big':
      return `应为${size}${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为以下之一：${(issue.values ?? []).map((v) => JSON.stringify(v)).join('、')}`;
    case 'not_multiple_of':
      return '应为整数';
    default:
      return issue.message;
  }
}

export const MESSAGES_ZH: Catalogue = {
  idMismatch: (p) => `id 应与文件名 “${p.expected}” 相同，实为 “${p.found}”`,
  unknownRef: (p) => `${REF_ZH[String(p.ref)] ?? p.ref}：应为一个角色 id（${p.ids} 之一），实为 “${p.found}”`,
  unknownRule: (p) => `应为一个表决规则 id（${p.ids} 之一），实为 “${p.found}”`,
  maxChoicesOverSeats: (p) => `max_choices 不能超过 seats（${p.seats}），实为 ${p.found}`,
  injectTrigger: (p) => `at、manual: true、spare: true 三者必须恰好写一个，实为 ${p.ways} 个`,
  unknownItem: (p) => `应为一个议程项 id（${p.ids} 之一），实为 “${p.found}”`,
  unknownCompetency: (p) => `应为一个评分维度 id（${p.ids} 之一），实为 “${p.found}”`,
  missingTitle: (p) => `新的评分维度 “${p.id}” 需要 title`,
  scaleOrder: (p) => `应为 [最低, 最高] 且最低 < 最高，实为 [${p.low}, ${p.high}]`,
  duplicateId: (p) =>
    `${LIST_ZH[String(p.list)] ?? p.list} id 应唯一，“${p.found}” 重复出现（第一次在 ${p.at}[${p.first}]）`,
  twoChairs: (p) =>
    `最多只能有一位主持人，又发现一位：“${p.found}”（roles[${p.first}] “${p.firstId}” 已是主持人）`,
  seatsOrder: (p) => `seats.min 不能大于 seats.max，实为 min ${p.min} > max ${p.max}`,
  npcRequired: () => 'npc 角色由专家扮演，不由学员持有，不能设为 required',
  builtinRuleId: (p) => `“${p.id}” 是内置规则，请给自定义规则另起一个 id`,
  missingThreshold: () => '需要通过门槛：area、headcount 或两者',
  npcVoter: (p) => `“${p.id}” 是 npc 角色；npc 角色不投票`,
  noVoters: () => '至少要有一个学员角色有投票资格，实际一个也没有',
  missingAttribute: (p) =>
    `规则 “${p.rule}” 要求每个有投票资格的角色都有 attributes.${p.attribute}，缺少的角色：${p.missing}`,
  duplicateFlat: (p) =>
    `${p.flat} 室出现了两次（第一次在 electorate.flats[${p.first}]）；每户只写一条，共有人写在一起：owner: [姓名, 姓名]`,
  flatOwnerMissing: (p) => `${p.flat} 室缺少必填键 “owner”（开发商仍持有的房屋写 developer: true）`,
  totalOwnersOver: (p) => `列出的房屋属于 ${p.listed} 位业主，超过了 total.owners ${p.total}`,
  totalAreaOver: (p) => `列出的房屋面积合计 ${p.listed}，超过了 total.area_m2 ${p.total}`,
  totalAreaMismatch: (p) =>
    `${p.owners} 位业主已全部列出，其房屋面积合计 ${p.listed}，与 total.area_m2 的 ${p.total} 不符`,
  totalAreaNoneLeft: (p) => `列出的房屋已占满全部 ${p.total}，未列出的 ${p.left} 位业主没有面积可分`,
  flatsWithoutElectorate: (p) =>
    `${p.key} 指向业主名册中的房屋，但情景没有声明名册（请添加 electorate: 及其房屋）`,
  unknownFlat: (p) => `${p.flat} 室不在业主名册中（名册中的房屋：${p.flats}）`,
  unknownProxyFlat: (p) => `代理的 ${p.flat} 室不在业主名册中（名册中的房屋：${p.flats}）`,
  ownerTwice: (p) =>
    `${p.flat} 室的业主（${p.owner}，${p.ownerFlats} 室）已在 ${p.earlier} 投票；一位业主只投一票`,
  writtenNeedsQuorum: () =>
    '书面表决票计入业主名册，因此该表决需要一条有法定人数要求的规则（owners_ordinary、owners_special 或自定义规则）',
  writtenNeedsElectorate: () => '书面表决票计入业主名册：请在 electorate: 下声明名册',
  weightedElectorate: (p) =>
    `规则 “${p.rule}” 按 ${p.weight} 加权，但业主名册表决按一户一人计（第二百七十八条）；请去掉 weight`,
  noOwner: (p) =>
    `该表决计入业主名册，但以下有投票资格的角色不代表任何业主：${p.ids}（请给它们写 stands_for 或 proxy_for，或从 eligible 中去掉）`,
  unknownWrittenFlat: (p) => `${p.flat} 室的书面表决票，但该房屋不在业主名册中（名册中的房屋：${p.flats}）`,
  writtenTwice: (p) =>
    `${p.flat} 室业主的第二张书面表决票（第一张在 written_ballots.flats[${p.first}]）；一位业主只投一票`,
  writtenChoice: (p) => `应为本次表决的选项之一（${p.options}），实为 “${p.found}”`,
  tallyAllListed: () => '业主名册中的每位业主都已按户列出：请把他们的票写在 written_ballots.flats 下',
  tallyOver: (p) =>
    `汇总票数为 ${p.owners} 位业主、${p.area}，超过了未按户列出的 ${p.unlisted} 位业主、${p.unlistedArea}`,
  roomAsElectorate: (p) =>
    `“${param(p, 'title', 'zh')}” 使用 ${p.rule}，但情景没有声明业主名册：法定人数只计会场里的角色卡，缺席业主永远不会使它不通过（请添加 electorate:）`,
  electionWrittenNominated: () =>
    '书面选票只能写名单上的候选人，但本次选举在会上提名候选人：请列出 candidates',
  notACandidate: (p) => `“${p.id}” 不是本次选举的候选人（候选人：${p.candidates}）`,
  electionChoiceTwice: () => '一张选票上同一位候选人只能写一次',
  electionTooManyChoices: (p) => `一张选票最多写 ${p.max} 名候选人（max_choices），这张写了 ${p.count} 名`,
  electionBlankOver: () => '空白票比选票总数还多',
  candidateNamedOver: (p) =>
    `${p.id} 得 ${p.owners} 票（${p.area}），超过了写有候选人的 ${p.naming} 张选票（${p.namingArea}）`,
  candidateNamesOver: (p) =>
    `各候选人得票数之和，超过了 ${p.naming} 张每张最多写 ${p.max} 人的选票所能容纳的人次`,
  missingKey: (p) => `缺少必填键 “${p.key}”`,
  unknownKey: (p) => `未知的键 “${p.key}”${p.hint ? `（是不是 “${p.hint}”？）` : ''}；可用的键：${p.allowed}`,
  expected: (p) => `${param(p, 'expected', 'zh')}，实为${foundZh(foundParam(p))}`,
  yamlSyntax: (p) => `YAML 语法错误：${p.detail}`,
  unreadable: (p) => `无法读取文件：${p.reason}`,
};

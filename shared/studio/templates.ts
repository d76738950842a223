// A new scenario's first text, one template per meeting kind, with that
// kind's procedure already on the agenda (docs/scenario-format.md, "Meeting
// kinds"). Plain YAML with comments, both languages, valid as it stands: the
// instructor replaces the placeholders and adds roles.
import { MEETING_KINDS, type MeetingKind } from '../scenario/schema.ts';

const HEAD = (
  id: string,
  kind: MeetingKind,
  zh: string,
  en: string,
  minutes: number,
) => `# yaml-language-server: $schema=./scenario.schema.json
# A new ${en.toLowerCase()}: replace the texts in both languages, add roles, adjust the agenda.
schema: 1
id: ${id}
title: { zh: 新的${zh}, en: New ${en.toLowerCase()} }
summary:
  zh: 一段话：这个情景练的是什么。
  en: One paragraph on what this scenario rehearses.
meeting: ${kind}
duration: ${minutes}m
background:
  zh: 所有人会前都会读到的公开背景。
  en: The public background everyone reads before the meeting.
`;

const CHAIR = (zh: string, en: string) => `roles:
  - id: chair
    name: { zh: ${zh}, en: ${en} }
    chair: true
    public: { zh: 主持会议。, en: Chairs the meeting. }
    brief: { zh: 你的私密简报：你知道什么，想要什么。, en: "Your private brief: what you know, what you want." }
`;

const ROLE = (id: string, zh: string, en: string, extra = '') => `  - id: ${id}
    name: { zh: ${zh}, en: ${en} }${extra}
    public: { zh: 所有人都能看到的介绍。, en: What everyone sees about this card. }
    brief: { zh: 私密简报。, en: Private brief. }
`;

const BODY: Record<MeetingKind, (id: string) => string> = {
  // A hearing listens: the proposal, questions to those who answer for it, opinions from a queue, an opinion voted.
  hearing: (id) =>
    HEAD(id, 'hearing', '听证会', 'Hearing', 60) +
    CHAIR('听证主持人', 'Hearing chair') +
    ROLE('applicant', '申请方', 'Applicant') +
    ROLE('resident', '居民', 'Resident', '\n    seats: { min: 1, max: 8 }') +
    `agenda:
  - { id: open, title: { zh: 开场与规则, en: Opening and rules }, kind: statement, speakers: [chair], per_speaker: 3m }
  - { id: proposal, title: { zh: 方案介绍, en: The proposal }, kind: statement, speakers: [applicant], per_speaker: 8m }
  - { id: questions, title: { zh: 现场问答, en: Questions }, kind: qa, answerers: [applicant], per_speaker: 2m, duration: 15m }
  - { id: opinions, title: { zh: 居民发言, en: Residents' opinions }, kind: speakers, order: queue, per_speaker: 2m, duration: 15m }
  - id: opinion
    title: { zh: 听证意见表决, en: Vote on the hearing opinion }
    kind: vote
    motion: { zh: 同意形成本次听证意见。, en: Adopt the hearing opinion. }
  - { id: follow_up, title: { zh: 后续事项, en: Follow-ups }, kind: actions }
`,
  // A round table goes round the table, then opens the floor, then writes down what was agreed.
  round_table: (id) =>
    HEAD(id, 'round_table', '圆桌会', 'Round table', 45) +
    CHAIR('召集人', 'Convener') +
    ROLE('resident', '居民', 'Resident', '\n    seats: { min: 1, max: 6 }') +
    ROLE('property', '物业', 'Property manager') +
    `agenda:
  - { id: open, title: { zh: 开场, en: Opening }, kind: statement, speakers: [chair], per_speaker: 2m }
  - { id: round, title: { zh: 轮流发言, en: Round of views }, kind: speakers, order: queue, rounds: 1, per_speaker: 2m }
  - { id: discuss, title: { zh: 自由讨论, en: Discussion }, kind: open_floor, per_speaker: 90s, balance: true, duration: 15m }
  - { id: agree, title: { zh: 形成共识, en: What we agree }, kind: actions }
`,
  // A mobilization explains, answers, asks for hands and names who does what.
  mobilization: (id) =>
    HEAD(id, 'mobilization', '动员会', 'Mobilization', 45) +
    CHAIR('动员人', 'Organizer') +
    ROLE('volunteer', '志愿者', 'Volunteer', '\n    seats: { min: 1, max: 8 }') +
    `agenda:
  - { id: why, title: { zh: 为什么要做, en: Why this matters }, kind: statement, speakers: [chair], per_speaker: 5m }
  - { id: questions, title: { zh: 答疑, en: Questions }, kind: qa, answerers: [chair], per_speaker: 2m, duration: 10m }
  - id: signup
    title: { zh: 报名认领, en: Sign-up }
    kind: signup
    asks:
      - { zh: 楼道值守, en: Stairwell watch }
  - { id: tasks, title: { zh: 分工落实, en: Who does what }, kind: actions }
`,
  // A coordination hears each party in turn, discusses, decides by vote, records the actions.
  coordination: (id) =>
    HEAD(id, 'coordination', '协调会', 'Coordination meeting', 60) +
    CHAIR('协调人', 'Coordinator') +
    ROLE('party_a', '甲方', 'Party A') +
    ROLE('party_b', '乙方', 'Party B') +
    `agenda:
  - { id: open, title: { zh: 开场, en: Opening }, kind: statement, speakers: [chair], per_speaker: 3m }
  - { id: positions, title: { zh: 各方陈述, en: Each party's position }, kind: speakers, order: [party_a, party_b], per_speaker: 4m }
  - { id: discuss, title: { zh: 协商, en: Negotiation }, kind: open_floor, per_speaker: 2m, duration: 15m }
  - id: decide
    title: { zh: 表决, en: Decision }
    kind: vote
    motion: { zh: 同意本协调方案。, en: Agree to this plan. }
    eligible: [party_a, party_b]
  - { id: actions, title: { zh: 落实事项, en: Actions }, kind: actions }
`,
  // An assembly reports, debates from a list, votes by the owners' rules and records the decisions.
  assembly: (id) =>
    HEAD(id, 'assembly', '业主大会', "Owners' assembly", 90) +
    CHAIR('业委会主任', "Owners' committee chair") +
    ROLE(
      'owner',
      '业主',
      'Owner',
      '\n    seats: { min: 2, max: 10 }\n    attributes: { owner: true, area_m2: 90 }',
    ) +
    `agenda:
  - { id: report, title: { zh: 工作报告, en: Report }, kind: statement, speakers: [chair], per_speaker: 8m }
  - { id: debate, title: { zh: 议题讨论, en: Debate }, kind: speakers, order: queue, per_speaker: 2m, duration: 20m }
  - id: resolution
    title: { zh: 决议表决, en: Vote on the resolution }
    kind: vote
    motion: { zh: 同意本决议。, en: Adopt the resolution. }
    eligible: { attribute: owner, equals: true }
    # owners_ordinary or owners_special count areas and heads (art. 278); add an electorate: for the absent owners.
    rule: simple_majority
  - { id: decisions, title: { zh: 决定事项, en: Decisions }, kind: actions }
`,
};

export const TEMPLATE_KINDS: readonly MeetingKind[] = MEETING_KINDS;

/** The template for `kind`, with `id` as its id. */
export function templateSource(kind: MeetingKind, id: string): string {
  return BODY[kind](id);
}

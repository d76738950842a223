// Minutes of a scripted rehearsal of the shipped lift scenario, driven through
// a real MeetingSession on a controlled clock. Every figure expected below is
// worked out by hand from the script and the scenario file.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../server/scenarios/library.ts';
import type { Actor, Command } from '../../../shared/meeting/commands.ts';
import { minutesFromContext, minutesFromEvents } from '../../../shared/meeting/minutes.ts';
import { type DomainEvent, MeetingSession } from '../../../shared/meeting/session.ts';
import type { Item, Scenario } from '../../../shared/scenario/index.ts';

function loadLift(): Scenario {
  const entry = loadScenarioFile(
    resolve(import.meta.dirname, '../../../scenarios/elevator-coordination.yaml'),
  );
  if (entry.status !== 'valid') throw new Error(JSON.stringify(entry.issues));
  return entry.scenario;
}

/** 2025-03-15 09:30 in Shanghai (01:30 UTC), a Saturday. */
const T0 = Date.UTC(2025, 2, 15, 1, 30);
const F: Actor = { kind: 'facilitator' };
const OBSERVER: Actor = { kind: 'observer', id: 'obs' };
const P = (id: string): Actor => ({ kind: 'participant', id });

/** A session, its log, and `at(seconds after T0, actor, command)` that must be accepted. */
function driver(scenario: Scenario) {
  const session = MeetingSession.create(scenario);
  const log: DomainEvent[] = [];
  const at = (sec: number, actor: Actor, command: Command) => {
    const result = session.dispatch(actor, command, T0 + sec * 1000);
    log.push(...result.events);
    if (!result.ok) throw new Error(`${command.type} at ${sec}s: ${result.error.message}`);
  };
  const seat = (people: readonly (readonly [string, string, string | null])[]) =>
    people.forEach(([id, name, roleId], i) => {
      at(-600 + i, F, { type: 'participant.join', participantId: id, name });
      if (roleId) at(-500 + i, P(id), { type: 'card.take', roleId });
    });
  return { session, log, at, seat };
}

// The cards and the flats they vote for (scenario file): 101, 102, 202, 501, 602 (by
// proxy) and the "floors 3–5" crowd card for 301, 302, 401, 402, 502. The secretary is not an owner.
const PEOPLE = [
  ['chair', '林晓', 'secretary'],
  ['o101', '陈默', 'owner_101'],
  ['o102', '赵敏', 'owner_102'],
  ['o202', '刘洋', 'owner_202'],
  ['lead', '黄磊', 'building_lead'],
  ['o602', '周杰', 'owner_602'],
  ['a', '孙丽', 'owners_3_5'],
  ['b', '吴刚', 'owners_3_5'],
  ['c', '郑爽', 'owners_3_5'],
  ['d', '钱坤', 'owners_3_5'],
  ['x', '小明', null],
] as const;

function scriptedMeeting() {
  const scenario = loadLift();
  const { session, log, at, seat } = driver(scenario);
  const chair = P('chair');
  seat(PEOPLE);
  at(0, F, { type: 'meeting.start' }); // 09:30
  at(60, F, { type: 'meeting.begin' }); // item 1, opening: 240 s box, 180 s per speaker
  at(60, chair, { type: 'floor.give' });
  at(90, chair, { type: 'statement.post', text: '今天按801号文件\n按楼幢表决。' });
  at(245, chair, { type: 'floor.yield' }); // spoke 185 s: 3:05, 5 s over 180
  at(380, chair, { type: 'item.next' }); // item 1 took 320 s, 80 s past its 240 s box
  at(390, chair, { type: 'floor.give' }); // item 2: the contractor, an NPC card
  at(400, OBSERVER, { type: 'npc.say', roleId: 'contractor', text: '报价686,000元，不含燃气管线。' });
  at(690, F, { type: 'floor.yield' }); // 300 s: 5:00
  at(700, chair, { type: 'item.next' }); // item 3, open floor, 120 s per speaker; inject due at 700 + 180
  at(705, P('o202'), { type: 'hand.raise' });
  at(706, P('o101'), { type: 'hand.raise' });
  at(710, chair, { type: 'floor.give' });
  at(720, P('o202'), { type: 'statement.post', text: '二楼半层停靠，等于没装。' });
  at(800, P('o101'), { type: 'point_of_order' });
  at(835, P('o202'), { type: 'floor.yield' }); // 125 s: 2:05, 5 s over 120
  at(840, chair, { type: 'floor.give' }); // the point of order goes first
  at(870, P('o101'), { type: 'floor.yield' }); // 30 s, no time limit on a point of order
  at(950, F, { type: 'inject.respond', injectId: 'neighbour_precedent' }); // fired at 880: 70 s later
  at(1000, chair, { type: 'item.next' }); // item 4; lawyer_call due at 1000 + 300
  at(1010, P('o101'), { type: 'hand.raise' });
  at(1015, chair, { type: 'floor.give' });
  at(1020, P('o101'), { type: 'statement.post', text: '井道离我家厨房窗只有0.8米。' });
  at(1075, P('o101'), { type: 'floor.yield' }); // 60 s
  at(1090, F, { type: 'inject.fire', injectId: 'stair_collapse' }); // manual, 2 min window
  at(1100, F, { type: 'meeting.pause' });
  at(1280, F, { type: 'meeting.resume' }); // 180 s paused: every clock moves on 180 s
  at(1300, F, { type: 'inject.respond', injectId: 'stair_collapse' }); // 210 s later, 30 s of it running
  // lawyer_call fires at 1300 + 180 = 1480 and is never answered (window ends at 1660).
  at(1700, chair, { type: 'item.next' }); // item 4: 700 s, less the 180 s pause = 520 s
  at(1710, chair, { type: 'vote.open' });
  const ballots = [
    ['o102', 'yes'],
    ['o202', 'yes'],
    ['o602', 'yes'],
    ['a', 'yes'],
    ['b', 'yes'],
    ['c', 'yes'],
    ['o101', 'no'],
    ['lead', 'abstain'],
  ] as const; // d (钱坤) does not vote
  for (const [i, [id, choice]] of ballots.entries()) at(1720 + i, P(id), { type: 'vote.cast', choice });
  at(1800, chair, { type: 'vote.close' });
  at(1810, chair, { type: 'item.goto', itemId: 'actions' }); // item 6 is skipped
  at(1820, chair, {
    type: 'action.record',
    kind: 'decision',
    what: '申请加装电梯本次未获通过，第4稿分摊表公示后再行表决。',
  });
  at(1830, chair, {
    type: 'action.record',
    kind: 'action',
    what: '出第4稿分摊表（含超支条款），在楼道公示',
    who: 'building_lead',
    due: '3月29日前',
  });
  at(1840, chair, { type: 'action.record', kind: 'action', what: '与101室陈国华单独沟通', who: 'secretary' });
  at(1900, F, { type: 'meeting.end' }); // 10:01:40
  return { scenario, session, log };
}

const lines = (text: string) => text.split('\n');

describe('minutes of a scripted lift coordination meeting', () => {
  const { scenario, session, log } = scriptedMeeting();
  const minutes = minutesFromContext(scenario, session.context);
  const zh = lines(minutes.zh);
  const en = lines(minutes.en);

  it('gives the title, the attempt, the Shanghai time and the duration with its pauses', () => {
    expect(zh.slice(0, 3)).toEqual(['# 兰溪苑12号楼加装电梯协调会 会议纪要', '', '第 1 次演练']);
    expect(en.slice(0, 3)).toEqual([
      '# Lanxi Garden building 12: coordination meeting on adding a lift — minutes',
      '',
      'Attempt 1',
    ]);
    // 09:30 to 09:30 + 1900 s = 10:01:40; 180 s of it paused.
    expect(zh).toContain(
      '- **时间**：2025年3月15日（星期六）09:30–10:01（北京时间），历时 31分40秒，其中暂停 3分钟',
    );
    expect(en).toContain(
      '- **Time**: Saturday 15 March 2025, 09:30–10:01 (Shanghai, UTC+8); 31 min 40 s in all, including 3 min paused',
    );
  });

  it('names the chair card with its holder, and every card with its holders or the experts', () => {
    expect(zh).toContain('- **主持人**：林晓（饰 王敏，兰溪苑居委会书记）');
    expect(en).toContain("- **Chair**: 林晓 (as Wang Min, Lanxi Garden residents' committee secretary)");
    // Against the electorate: every owner of building 12 is expected, the owners in the room are present.
    expect(zh).toContain('- **应到**：12号楼全体业主 12 人、744.6㎡');
    expect(minutes.zh).toMatch(/- \*\*实到\*\*：业主 \d+ 人、[\d,.]+㎡（其中受委托 1 人）：/);
    expect(minutes.zh).toContain('孙丽、吴刚、郑爽、钱坤（饰 3–5楼其他业主，301、302、401、402、502）');
    expect(minutes.en).toContain(
      '孙丽, 吴刚, 郑爽 and 钱坤 (as Other owners on floors 3–5 (301, 302, 401, 402, 502))',
    );
    expect(minutes.zh).toMatch(/- \*\*列席\*\*：[^\n]*郑海峰（代建单位项目经理，由专家扮演）/);
    expect(minutes.en).toContain("Zheng Haifeng, contractor's project manager (voiced by the experts)");
    expect(zh).toContain('- **旁听（未领角色卡）**：小明');
    expect(en).toContain('- **Present without a card**: 小明');
  });

  it('times each item against its box and lists who spoke for how long', () => {
    // Opening: 60 s → 380 s is 5 min 20 s; the box is 240 s, so 80 s over.
    expect(zh).toContain('### 第1项 开场：议程、依据与到会核对');
    expect(zh).toContain('- **时间**：09:31–09:36，用时 5分20秒（时限 4分钟，超时 1分20秒）');
    expect(en).toContain('- **Time**: 09:31–09:36, 5 min 20 s (time box 4 min; 1 min 20 s over)');
    // The secretary spoke 60 s → 245 s: 185 s against 180 s per speaker.
    expect(zh).toContain('  - 09:31 林晓（饰 王敏，兰溪苑居委会书记）：3:05（超时 5秒）');
    expect(en).toContain(
      "  - 09:31 林晓 (as Wang Min, Lanxi Garden residents' committee secretary): 3:05 (5 s over)",
    );
    expect(zh).toContain('  - 09:41 刘洋（饰 刘德明，202室业主）：2:05（超时 5秒）');
    expect(zh).toContain('  - 09:44 陈默（饰 陈国华，101室业主）：0:30（程序问题）');
    expect(en).toContain('  - 09:44 陈默 (as Chen Guohua, owner of flat 101): 0:30 (point of order)');
    expect(zh).toContain('  - 09:36 郑海峰（代建单位项目经理）：5:00');
    // Item 4 ran 1000 s → 1700 s with a 180 s pause inside: 520 s, and its box moved with the pause.
    expect(zh).toContain('- **时间**：09:46–09:58，用时 8分40秒（时限 14分钟）');
  });

  it('quotes statements with who said them and when', () => {
    expect(zh).toContain('  - 09:31 林晓（饰 王敏，兰溪苑居委会书记）：“今天按801号文件 按楼幢表决。”');
    expect(zh).toContain('  - 09:36 郑海峰（代建单位项目经理）：“报价686,000元，不含燃气管线。”');
    expect(en).toContain('  - 09:42 刘洋 (as Liu Deming, owner of flat 202): “二楼半层停靠，等于没装。”');
  });

  it('spells out the owners_special vote against the whole building: area fails three quarters while headcount meets it', () => {
    // The base is building 12's register, not the cards: 12 owners, 744.6 m² (six flats of 71.8, six of 52.3).
    // The crowd card's five owners (301, 302, 401, 402, 502) are shared among its four holders in
    // joining order: a → 301, b → 302, c → 401, d → 402 and 502. d does not vote; nor does 201 (no card).
    // 601's signed form came back before the meeting (yes); 602 votes by his mother's proxy.
    // Taking part: 101, 102, 202, 301, 302, 401, 501, 601, 602 = 9 owners,
    //   71.8 × 5 (101, 301, 401, 501, 601) + 52.3 × 4 (102, 202, 302, 602) = 359 + 209.2 = 568.2 m²;
    //   8 in the room (568.2 − 71.8 = 496.4 m²), 1 written (71.8 m²).
    // Quorum: 9 / 12 = 75%; 568.2 / 744.6 = 76.31% → 76.3%; both ≥ 2/3.
    // Yes: 102, 202, 302, 602 (52.3 each) + 301, 401, 601 (71.8 each) = 7 owners, 209.2 + 215.4 = 424.6 m².
    // Pass: headcount 7 / 9 = 77.8% ≥ 3/4; area 424.6 / 568.2 = 74.73% → 74.7% < 3/4 (1,698.4 < 1,704.6).
    // Not taking part: 201, 402, 502 = 3 owners, 71.8 + 52.3 + 52.3 = 176.4 m².
    const ballot = session.context.record.ballots[0];
    expect(ballot?.kind === 'vote' && ballot.outcome.failed).toEqual(['pass_area']);
    expect(zh).toContain(
      '- **结果**：参与表决面积占全体业主面积 76.3%，参与表决人数占全体业主人数 75%，同意面积占参与面积 74.7%，未达到四分之三，同意人数占参与人数 77.8%，未通过。',
    );
    expect(en).toContain(
      "- **Result**: Participating area 76.3% of all owners' area; participating headcount 75% of all owners; yes 74.7% of participating area; below three quarters; yes 77.8% of participating headcount; not passed.",
    );
    // Both bases: the whole electorate, and those taking part.
    expect(zh).toContain(
      '- **计票**：12号楼全体业主 12 人、744.6㎡；参与表决 9 人、568.2㎡（会场投票 8 人、496.4㎡，会前交回书面表决票 1 人、71.8㎡；其中委托投票 1 人），其中同意 7 人、424.6㎡，反对 1 人、71.8㎡，弃权 1 人、71.8㎡；未参与表决 3 人、176.4㎡。',
    );
    expect(en).toContain(
      '- **Count**: All owners of building 12: 12 (744.6 m²); participating 9 (568.2 m²) — 8 (496.4 m²) in the room, 1 (71.8 m²) on written ballots returned before the meeting; 1 of them by proxy: yes 7 (424.6 m²), no 1 (71.8 m²), abstain 1 (71.8 m²); not taking part 3 (176.4 m²).',
    );
    expect(zh).toContain(
      '- **表决规则**：公开表决；参与表决面积不少于全体业主面积的三分之二，参与表决人数不少于全体业主人数的三分之二，同意面积不少于参与表决面积的四分之三，同意人数不少于参与表决人数的四分之三。',
    );
    // An open vote is on the record by owner: the co-owners of 301 as one owner, 601 on paper, 602 by proxy.
    expect(zh).toContain('- **记名表决**（按业主）：');
    expect(zh).toContain(
      '  - 同意：102 赵丽华；202 刘德明；301 吴卫东、李梅；302 马玉兰；401 钱国平；601 徐美华（书面）；602 周桂芳（委托）',
    );
    expect(zh).toContain('  - 反对：101 陈国华');
    expect(en).toContain('  - abstain: 501 Huang Zhiqiang');
  });

  it('notes the item that was skipped', () => {
    expect(zh).toContain('**未进行的议程**：第6项 倾向性表决：井道位置（方案B）');
    expect(en).toContain('**Items not reached**: 6. Indicative vote: shaft position (plan B)');
  });

  it('lists decisions and action items with their owner (as a role) and date', () => {
    expect(zh).toContain('1. 申请加装电梯本次未获通过，第4稿分摊表公示后再行表决。');
    expect(zh).toContain(
      '1. 出第4稿分摊表（含超支条款），在楼道公示——负责人：黄磊（饰 黄志强，501室业主、楼组长）；完成时限：3月29日前',
    );
    expect(zh).toContain(
      '2. 与101室陈国华单独沟通——负责人：林晓（饰 王敏，兰溪苑居委会书记）；完成时限：未定',
    );
    expect(en).toContain(
      "2. 与101室陈国华单独沟通 — owner: 林晓 (as Wang Min, Lanxi Garden residents' committee secretary); due: not set",
    );
    expect(zh).toContain('- 记录决定 1 项、行动事项 2 项，见“决定事项”和“行动项”。');
  });

  it('records injects: who fired them, response times less pauses, and missed windows', () => {
    // Scheduled for 700 + 180 = 880 s (09:44:40), answered at 950 s.
    expect(zh).toContain('- 09:44（第3项期间）私信：“7号楼二楼只付了8,000”——按计划出现；1分10秒后处置');
    // Fired by hand at 1090 s, answered at 1300 s; 180 s of that was the pause.
    expect(zh).toContain('- 09:48（第4项期间）602周阿婆在楼梯上昏倒，担架转不过弯——由培训师发出；30秒后处置');
    expect(en).toContain(
      "- 09:48, during item 4: Mrs Zhou of 602 collapses on the stairs; the stretcher won't turn — fired by the instructor; responded after 30 s",
    );
    // Due at 1300 s, pushed to 1480 s (09:54:40) by the pause; the 3 min window closed at 1660 s.
    expect(zh).toContain(
      '- 09:54（第4项期间）101室女儿陈佳来电：“通过就起诉”——按计划出现；时限（3分钟）内未见处置',
    );
    expect(en).toContain(
      "- 09:54, during item 4: Chen Jia, 101's daughter, phones: 'Pass it and we sue' — scheduled; no response within the window (3 min)",
    );
  });

  it('records the pause', () => {
    expect(zh).toContain('- 09:48–09:51，暂停 3分钟（第4项期间）');
    expect(en).toContain('- 09:48–09:51, paused 3 min (during item 4)');
  });

  it('ends with the participation table, most speaking time first, then those who never spoke', () => {
    const start = zh.indexOf('## 发言统计');
    expect(zh.slice(start, start + 9)).toEqual([
      '## 发言统计',
      '',
      '| 发言人 | 发言次数 | 发言时长 | 超时 | 程序问题 |',
      '|---|---:|---:|---:|---:|',
      '| 郑海峰（代建单位项目经理） | 1 | 5:00 | — | 0 |',
      '| 林晓（饰 王敏，兰溪苑居委会书记） | 1 | 3:05 | 0:05 | 0 |',
      '| 刘洋（饰 刘德明，202室业主） | 1 | 2:05 | 0:05 | 0 |',
      // 30 s point of order + 60 s in item 4.
      '| 陈默（饰 陈国华，101室业主） | 2 | 1:30 | — | 1 |',
      '| 赵敏（饰 赵丽华，102室业主） | 0 | 0:00 | — | 0 |',
    ]);
    // 300 + 185 + 125 + 90 = 700 s.
    expect(zh.at(-2)).toBe('| **合计** | 5 | 11:40 | 0:10 | 1 |');
    expect(en).toContain('| Speaker | Turns | Speaking time | Overtime | Points of order |');
    expect(en).toContain("| Zheng Haifeng, contractor's project manager | 1 | 5:00 | — | 0 |");
  });

  it('reads the same from the replayed log as from the live context', () => {
    expect(minutesFromEvents(scenario, log)).toEqual(minutes);
  });

  it('keeps an earlier attempt after a retake', () => {
    const replayed = MeetingSession.replay(scenario, log);
    const result = replayed.dispatch(F, { type: 'meeting.retake', cards: 'clear' }, T0 + 2_000_000);
    expect(result.ok).toBe(true);
    expect(minutesFromContext(scenario, replayed.context, 1)).toEqual(minutes);
    const second = minutesFromContext(scenario, replayed.context);
    expect(second.zh).toContain('第 2 次演练');
    expect(second.zh).toContain('- **时间**：会议尚未开始。');
    expect(() => minutesFromContext(scenario, replayed.context, 7)).toThrow(RangeError);
    replayed.stop();
  });

  it('writes minutes of a meeting still under way', () => {
    // Everything up to the pause at 1100 s: item 4 open, the manual inject's window still running.
    const partial = MeetingSession.replay(
      scenario,
      log.filter((e) => e.at <= T0 + 1_100_000),
    );
    const m = minutesFromContext(scenario, partial.context);
    expect(lines(m.zh)).toContain(
      '- **时间**：2025年3月15日（星期六）09:30 开始，尚未结束（截至 09:48，已历时 18分20秒）',
    );
    expect(lines(m.zh)).toContain('- **时间**：09:46 起，进行中，已用 1分40秒（时限 14分钟）');
    expect(lines(m.zh)).toContain('- 09:48 起暂停，尚未恢复（第4项期间）');
    expect(lines(m.en)).toContain(
      "- 09:48, during item 4: Mrs Zhou of 602 collapses on the stairs; the stretcher won't turn — fired by the instructor; window still open",
    );
    expect(m.zh).not.toContain('未进行的议程');
    partial.stop();
  });
});

describe('minutes of an election and a sign-up', () => {
  const lift = loadLift();
  const election: Item = {
    kind: 'election',
    id: 'elect',
    title: { zh: '推选楼组代表', en: 'Choosing building representatives' },
    seats: 2,
    candidates: ['owner_202', 'building_lead', 'owner_602', 'owner_101'],
    ballot: 'secret',
    eligible: { kind: 'all' },
    rule: 'simple_majority',
    maxChoices: 2,
  };
  const signup: Item = {
    kind: 'signup',
    id: 'volunteers',
    title: { zh: '志愿报名', en: 'Volunteers' },
    asks: [
      { zh: '清理楼道杂物', en: 'Clear the stairwell' },
      { zh: '陪同就医', en: 'Go with the ambulance' },
    ],
  };
  const scenario: Scenario = { ...lift, agenda: [election, signup] };
  const { session, at, seat } = driver(scenario);
  seat([
    ['chair', '林晓', 'secretary'],
    ['o101', '陈默', 'owner_101'],
    ['o202', '刘洋', 'owner_202'],
    ['lead', '黄磊', 'building_lead'],
    ['o602', '周杰', 'owner_602'],
    ['a', '孙丽', 'owners_3_5'],
  ]);
  at(0, F, { type: 'meeting.start' });
  at(60, F, { type: 'meeting.begin' });
  at(70, P('chair'), { type: 'vote.open' });
  // Six eligible, five ballots of two names each: 501 named 4 times, 202 and 602 3 times each, 101 never.
  // Level candidates are ranked by yes area too, so 202's and 602's backers hold equal areas:
  // chair 0 + 101 71.8 + 202 52.3 = 124.1 = chair 0 + 501 71.8 + 602 52.3.
  const ballots = [
    ['chair', ['o202', 'o602']],
    ['o101', ['lead', 'o202']],
    ['o202', ['lead', 'o202']],
    ['lead', ['lead', 'o602']],
    ['o602', ['lead', 'o602']],
  ] as const;
  for (const [i, [id, choices]] of ballots.entries())
    at(80 + i, P(id), { type: 'election.cast', choices: [...choices] });
  at(120, P('chair'), { type: 'vote.close' });
  at(130, P('chair'), { type: 'item.next' });
  at(140, P('o202'), { type: 'signup.commit', ask: 0 });
  at(150, P('o602'), { type: 'signup.commit', ask: 0 });
  at(200, F, { type: 'meeting.end' });
  const { zh, en } = minutesFromContext(scenario, session.context);

  it('gives each candidate their votes and result, the elected in order, and the tie for the last seat', () => {
    // Simple majority of yes + no: 501 4/5, 202 3/5, 602 3/5 pass; 101 0/5 fails.
    // 501 takes the first seat; 202 and 602 are level for the second, so it stays open.
    expect(lines(zh)).toEqual(
      expect.arrayContaining([
        '- **选举**：应选 2 席，无记名投票。',
        '- **表决规则**：同意票超过有效票的半数。',
        '- **投票**：有表决权 6 人；参与投票 5 人。',
        '  - 黄磊（饰 黄志强，501室业主、楼组长）：得票 4 票，当选（第 1 名）',
        '  - 刘洋（饰 刘德明，202室业主）：得票 3 票，与他人并列最后一席，暂不当选',
        '  - 周杰（饰 周建平，602室业主周桂芳之子，受托代表）：得票 3 票，与他人并列最后一席，暂不当选',
        '  - 陈默（饰 陈国华，101室业主）：得票 0 票，未当选（同意票占有效票 0%，未过半数）',
        '- **当选**：黄磊（饰 黄志强，501室业主、楼组长）（按得票排序）。',
        '- **空缺**：第2席得票相同，需另行选举（得票相同：刘洋（饰 刘德明，202室业主）、周杰（饰 周建平，602室业主周桂芳之子，受托代表））。',
      ]),
    );
    expect(lines(en)).toEqual(
      expect.arrayContaining([
        '- **Election**: 2 seats; secret ballot.',
        '- **Rule**: Yes headcount more than half of headcount voting yes or no.',
        '  - 黄磊 (as Huang Zhiqiang, owner of flat 501, building leader): 4 votes; elected (1st)',
        '  - 刘洋 (as Liu Deming, owner of flat 202): 3 votes; tied for the last seat; not elected for now',
        '  - 陈默 (as Chen Guohua, owner of flat 101): 0 votes; not elected (yes 0% of headcount voting yes or no; not more than half)',
      ]),
    );
    // A secret ballot is never listed by name.
    expect(zh).not.toContain('记名表决');
  });

  it('lists sign-ups per ask with names', () => {
    expect(lines(zh)).toContain(
      '  - 清理楼道杂物：刘洋（饰 刘德明，202室业主）、周杰（饰 周建平，602室业主周桂芳之子，受托代表）（2 人）',
    );
    expect(lines(zh)).toContain('  - 陪同就医：无人报名');
    expect(lines(en)).toContain('  - Go with the ambulance: nobody signed up');
  });
});

describe('minutes in the server’s time zone', () => {
  const { scenario, session } = scriptedMeeting();

  it('gives clock times in the zone asked for, and names it', () => {
    // T0 is 01:30 UTC on Saturday 15 March 2025: 21:30 on Friday the 14th in New York (EDT, UTC−4,
    // since 9 March); the meeting ends 1900 s later, at 22:01:40 there.
    const m = minutesFromContext(scenario, session.context, 1, { timeZone: 'America/New_York' });
    expect(lines(m.zh)).toContain(
      '- **时间**：2025年3月14日（星期五）21:30–22:01（New York时间，UTC−4），历时 31分40秒，其中暂停 3分钟',
    );
    expect(lines(m.en)).toContain(
      '- **Time**: Friday 14 March 2025, 21:30–22:01 (New York, UTC−4); 31 min 40 s in all, including 3 min paused',
    );
    // The first statement at T0 + 90 s: 09:31 in Shanghai, 21:31 in New York.
    expect(lines(m.zh)).toContain(
      '  - 21:31 林晓（饰 王敏，兰溪苑居委会书记）：“今天按801号文件 按楼幢表决。”',
    );
  });

  it('is Shanghai time when no zone is given, as before', () => {
    expect(minutesFromContext(scenario, session.context, 1, { timeZone: 'Asia/Shanghai' })).toEqual(
      minutesFromContext(scenario, session.context),
    );
  });
});

// The minutes of one vote or election: the motion, the rule in words, the
// count, and the result spelled out from the outcome's own numbers, naming
// every condition that failed — the part of the minutes people dispute.
import type { Electorate, Fraction, ItemOf, Rule } from '../scenario/index.ts';
import type { BallotRecord } from './context.ts';
import {
  correctionLines,
  electorateCountSentence,
  electorateTurnoutSentence,
  ownersByChoice,
} from './minutes-electorate.ts';
import { area, fractionWords, type Lang, list, number, requirement, shortfall } from './minutes-format.ts';
import {
  type ConditionResult,
  type ElectionOutcome,
  type FailedCondition,
  formatShare,
  type Measure,
  type VoteOutcome,
} from './rules.ts';

type Outcome = Pick<VoteOutcome, 'quorum' | 'pass' | 'failed' | 'passBase' | 'passed'>;

interface Style {
  lang: Lang;
  /** Counts carry area when the rule has an area threshold. */
  useArea: boolean;
  weighted: boolean;
  /** Consensus counts objections, not shares. */
  consensus: boolean;
  /** A vote of the electorate: the quorum's whole is every owner, not the eligible cards. */
  electorate: boolean;
}

const dimName = (dim: ConditionResult['dimension'], s: Style): string => {
  if (dim === 'area') return s.lang === 'zh' ? '面积' : 'area';
  if (s.weighted) return s.lang === 'zh' ? '权数' : 'weighted votes';
  return s.lang === 'zh' ? '人数' : 'headcount';
};

/** en: the whole of an electorate's quorum: "all owners' area", "all owners". */
const allOwners = (dim: ConditionResult['dimension'], s: Style): string =>
  dim === 'area' ? "all owners' area" : s.weighted ? "all owners' weighted votes" : 'all owners';

/** What the pass share is taken of, as the zh noun prefix / en phrase. */
const BASE = {
  zh: { participating: '参与', cast: '赞成与反对', eligible: '有表决权' },
  en: { participating: 'participating', cast: 'voting yes or no', eligible: 'eligible' },
} as const;

const OTHER_FAILURES: Record<
  Exclude<FailedCondition, `${'quorum' | 'pass'}_${string}`>,
  Record<Lang, string>
> = {
  consensus_objection: {
    zh: '有人反对（协商一致，一票即否）',
    en: 'an objection was raised (consensus: one blocks)',
  },
  consensus_no_support: { zh: '无人同意', en: 'nobody voted yes' },
  no_participation: { zh: '无人参与表决', en: 'nobody took part' },
};

function quorumClause(c: ConditionResult, s: Style): string {
  const share = formatShare(c.part, c.whole);
  const dim = dimName(c.dimension, s);
  if (s.electorate)
    return s.lang === 'zh'
      ? `参与表决${dim}占全体业主${dim} ${share}`
      : `participating ${dim} ${share} of ${allOwners(c.dimension, s)}`;
  return s.lang === 'zh' ? `参与表决${dim}占比 ${share}` : `participating ${dim} ${share} of eligible`;
}

function passClause(c: ConditionResult, base: Outcome['passBase'], s: Style): string {
  const share = formatShare(c.part, c.whole);
  const dim = dimName(c.dimension, s);
  if (s.lang === 'zh') return `同意${dim}占${BASE.zh[base]}${dim} ${share}`;
  return base === 'cast'
    ? `yes ${share} of ${dim} voting yes or no`
    : `yes ${share} of ${BASE.en[base]} ${dim}`;
}

/** Every clause of the result, failed ones followed by how they fell short; `onlyFailed` for candidates. */
function resultClauses(o: Outcome, s: Style, onlyFailed = false): string[] {
  const clauses: string[] = [];
  const add = (c: ConditionResult, text: string) => {
    if (onlyFailed && c.met) return;
    clauses.push(text);
    if (!c.met) clauses.push(shortfall(c.threshold, s.lang));
  };
  for (const c of o.quorum) add(c, quorumClause(c, s));
  for (const c of o.pass) add(c, passClause(c, o.passBase, s));
  for (const f of o.failed)
    if (f in OTHER_FAILURES) clauses.push(OTHER_FAILURES[f as keyof typeof OTHER_FAILURES][s.lang]);
  if (s.consensus && o.passed && !onlyFailed) clauses.push(s.lang === 'zh' ? '无人反对' : 'no objection');
  return clauses;
}

/** zh "参与表决面积占比 81%，同意面积占参与面积 72%，未达到四分之三，未通过。" / en "Participating area 81% of eligible; …; not passed." */
function resultSentence(o: Outcome, s: Style): string {
  const clauses = resultClauses(o, s);
  if (s.lang === 'zh') return `${[...clauses, o.passed ? '通过' : '未通过'].join('，')}。`;
  const text = [...clauses, o.passed ? 'passed' : 'not passed'].join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The rule in words, from the thresholds the outcome was decided on. */
function ruleSentence(o: Outcome, s: Style): string {
  const zh = s.lang === 'zh';
  const part = (subject: string, whole: string, f: Fraction) =>
    zh
      ? `${subject}${f.strict ? '超过' : '不少于'}${whole}的${fractionWords(f, 'zh')}`
      : `${subject} ${requirement(f, 'en')} of ${whole}`;
  const clauses = [
    ...o.quorum.map((c) => {
      const dim = dimName(c.dimension, s);
      if (s.electorate)
        return zh
          ? part(`参与表决${dim}`, `全体业主${dim}`, c.threshold)
          : part(`participating ${dim}`, allOwners(c.dimension, s), c.threshold);
      return zh
        ? part(`参与表决${dim}`, `有表决权${dim}`, c.threshold)
        : part(`participating ${dim}`, `eligible ${dim}`, c.threshold);
    }),
    ...(s.consensus
      ? [zh ? '协商一致：无人反对且至少一人同意' : 'consensus: no objection and at least one yes']
      : []),
    ...o.pass.map((c) => {
      const dim = dimName(c.dimension, s);
      if (zh)
        return part(
          `同意${dim}`,
          `${o.passBase === 'participating' ? '参与表决' : BASE.zh[o.passBase]}${dim}`,
          c.threshold,
        );
      const whole = o.passBase === 'cast' ? `${dim} voting yes or no` : `${BASE.en[o.passBase]} ${dim}`;
      return part(`yes ${dim}`, whole, c.threshold);
    }),
  ];
  if (clauses.length === 0) return zh ? '无门槛要求。' : 'No thresholds.';
  if (zh) return `${clauses.join('，')}。`;
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function measure(m: Measure, s: Style): string {
  const head = s.weighted
    ? s.lang === 'zh'
      ? `权数 ${number(m.headcount)}`
      : `weight ${number(m.headcount)}`
    : s.lang === 'zh'
      ? `${number(m.headcount)} 人`
      : number(m.headcount);
  if (!s.useArea) return head;
  return s.lang === 'zh' ? `${head}、${area(m.area, 'zh')}` : `${head} (${area(m.area, 'en')})`;
}

/** A candidate's votes: "得票 4 票" / "4 votes", with the area behind them when the rule counts area. */
function votesText(m: Measure, s: Style): string {
  const n = number(m.headcount);
  const a = s.useArea ? area(m.area, s.lang) : '';
  if (s.lang === 'zh') return `得票 ${n} 票${a && `、${a}`}`;
  return `${n} vote${m.headcount === 1 ? '' : 's'}${a && ` (${a})`}`;
}

function countSentence(o: VoteOutcome, s: Style): string {
  const m = (x: Measure) => measure(x, s);
  return s.lang === 'zh'
    ? `有表决权 ${m(o.eligible)}；参与表决 ${m(o.participating)}，其中同意 ${m(o.yes)}，反对 ${m(o.no)}，弃权 ${m(o.abstain)}。`
    : `eligible ${m(o.eligible)}; participating ${m(o.participating)}: yes ${m(o.yes)}, no ${m(o.no)}, abstain ${m(o.abstain)}.`;
}

const LABEL = {
  zh: {
    motion: '动议',
    open: '公开表决',
    secret: '无记名投票',
    rule: '表决规则',
    count: '计票',
    result: '结果',
    byName: '记名表决',
    choice: { yes: '同意', no: '反对', abstain: '弃权' },
    sep: '：',
  },
  en: {
    motion: 'Motion',
    open: 'Open vote',
    secret: 'Secret ballot',
    rule: 'Rule',
    count: 'Count',
    result: 'Result',
    byName: 'Votes by name',
    choice: { yes: 'yes', no: 'no', abstain: 'abstain' },
    sep: ': ',
  },
} as const;

const usesArea = (o: Outcome): boolean => [...o.quorum, ...o.pass].some((c) => c.dimension === 'area');

/**
 * Markdown lines for one counted ballot. `seats` names voter or candidate
 * seat ids as one list (holders of the same card grouped under it).
 */
export function ballotLines(
  item: ItemOf<'vote' | 'election'>,
  record: BallotRecord,
  rule: Rule | undefined,
  seats: (ids: readonly string[]) => string,
  lang: Lang,
  /** The scenario's electorate, for a ballot counted against it. */
  electorate?: Electorate,
): string[] {
  const L = LABEL[lang];
  const ofElectorate = record.electorate !== undefined && electorate !== undefined;
  const style = (o: Outcome): Style => ({
    lang,
    useArea: usesArea(o),
    weighted: rule?.weight !== undefined,
    consensus: rule?.kind === 'consensus',
    electorate: ofElectorate,
  });
  const line = (label: string, text: string) => `- **${label}**${L.sep}${text}`;
  const how = record.ballot === 'open' ? L.open : L.secret;

  if (record.kind === 'vote') {
    const o = record.outcome;
    const s = style(o);
    const lines = [
      ...(item.kind === 'vote' ? [line(L.motion, item.motion[lang])] : []),
      line(L.rule, `${how}${lang === 'zh' ? '；' : '. '}${ruleSentence(o, s)}`),
      line(
        L.count,
        electorate && record.electorate
          ? electorateCountSentence(electorate, record, (m) => measure(m, s), lang)
          : countSentence(o, s),
      ),
      line(L.result, resultSentence(o, s)),
    ];
    if (electorate && record.electorate) {
      // By owner, not by seat: an owner is one ballot however it came in.
      if (record.ballot === 'open') lines.push(...ownersByChoice(electorate, record, lang));
      lines.push(...correctionLines(electorate, record, lang));
      return lines;
    }
    // A secret ballot keeps who voted how out of the minutes; an open one is on the record.
    if (record.ballot === 'open') {
      const groups = (['yes', 'no', 'abstain'] as const).flatMap((choice) => {
        const ids = Object.keys(record.votes).filter((id) => record.votes[id] === choice);
        return ids.length ? [`  - ${L.choice[choice]}${L.sep}${seats(ids)}`] : [];
      });
      if (groups.length) lines.push(`- **${L.byName}**${lang === 'zh' ? '：' : ':'}`, ...groups);
    }
    return lines;
  }
  const turnout =
    electorate && record.electorate
      ? electorateTurnoutSentence(
          electorate,
          record,
          (m) => measure(m, style(firstOutcome(record.outcome))),
          lang,
        )
      : undefined;
  return [
    ...electionLines(record.outcome, seats, lang, style, how, turnout),
    ...(electorate ? correctionLines(electorate, record, lang) : []),
  ];
}

const firstOutcome = (o: ElectionOutcome): Outcome =>
  o.candidates[0]?.outcome ?? { quorum: [], pass: [], failed: [], passBase: 'cast', passed: false };

function electionLines(
  o: ElectionOutcome,
  seats: (ids: readonly string[]) => string,
  lang: Lang,
  style: (o: Outcome) => Style,
  how: string,
  /** The turnout line against an electorate, in place of the eligible cards'. */
  turnout?: string,
): string[] {
  const zh = lang === 'zh';
  const first = o.candidates[0]?.outcome;
  const s = style(firstOutcome(o));
  const seat = (id: string) => seats([id]);
  const places = zh ? `应选 ${o.seats} 席` : `${o.seats} seat${o.seats === 1 ? '' : 's'}`;
  const lines = [
    zh ? `- **选举**：${places}，${how}。` : `- **Election**: ${places}; ${how.toLowerCase()}.`,
    ...(first
      ? [zh ? `- **表决规则**：${ruleSentence(first, s)}` : `- **Rule**: ${ruleSentence(first, s)}`]
      : []),
    turnout ??
      (zh
        ? `- **投票**：有表决权 ${measure(o.eligible, s)}；参与投票 ${measure(o.participating, s)}。`
        : `- **Turnout**: eligible ${measure(o.eligible, s)}; participating ${measure(o.participating, s)}.`),
    zh ? '- **候选人**：' : '- **Candidates**:',
  ];
  for (const c of o.candidates) {
    const votes = votesText(c.outcome.yes, s);
    let result: string;
    if (c.elected) {
      const rank = o.elected.indexOf(c.candidate) + 1;
      result = zh ? `当选（第 ${rank} 名）` : `elected (${ordinal(rank)})`;
    } else if (c.tied) {
      result = zh ? '与他人并列最后一席，暂不当选' : 'tied for the last seat; not elected for now';
    } else if (c.outcome.passed) {
      result = zh ? '达到当选条件，但名额已满' : 'met the threshold, but the seats were filled';
    } else {
      const why = resultClauses(c.outcome, s, true).join(zh ? '，' : '; ');
      result = zh ? `未当选（${why}）` : `not elected (${why})`;
    }
    lines.push(`  - ${seat(c.candidate)}${zh ? '：' : ': '}${votes}${zh ? '，' : '; '}${result}`);
  }
  const elected = o.elected.map(seat);
  lines.push(
    zh
      ? `- **当选**：${elected.length ? `${list(elected, 'zh')}（按得票排序）` : '无人当选'}。`
      : `- **Elected**: ${elected.length ? `${list(elected, 'en')} (in order of votes)` : 'nobody'}.`,
  );
  if (o.tiedForLastSeat.length) {
    const tied = list(o.tiedForLastSeat.map(seat), lang);
    lines.push(
      zh
        ? `- **并列**：${tied}得票相同，最后一席暂空，待决选。`
        : `- **Tie**: ${tied} tie for the last seat, which stays open for a run-off.`,
    );
  }
  return lines;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

// The sentences of a ballot's minutes, from the outcome's own numbers: the
// rule in words, the count, the result clause by clause with every shortfall.
// Shared by the minutes of votes and of elections (minutes-ballots.ts).
import type { Fraction } from '../scenario/index.ts';
import { area, fractionWords, type Lang, number, requirement, shortfall } from './minutes-format.ts';
import {
  type ConditionResult,
  type FailedCondition,
  formatShare,
  type Measure,
  type VoteOutcome,
} from './rules.ts';

export type Outcome = Pick<VoteOutcome, 'quorum' | 'pass' | 'failed' | 'passBase' | 'passed'>;

export interface Style {
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
  zh: { participating: '参与', cast: '有效票', eligible: '有表决权' },
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

/** zh, of yes + no: a secretary's words, "同意票占有效票" (by heads) or "同意面积占有效票面积". */
const castPhrase = (dim: string): [string, string] =>
  dim === '人数' ? ['同意票', '有效票'] : [`同意${dim}`, `有效票${dim}`];

function passClause(c: ConditionResult, base: Outcome['passBase'], s: Style): string {
  const share = formatShare(c.part, c.whole);
  const dim = dimName(c.dimension, s);
  if (s.lang === 'zh' && base === 'cast') {
    const [yes, valid] = castPhrase(dim);
    return `${yes}占${valid} ${share}`;
  }
  if (s.lang === 'zh') return `同意${dim}占${BASE.zh[base]}${dim} ${share}`;
  return base === 'cast'
    ? `yes ${share} of ${dim} voting yes or no`
    : `yes ${share} of ${BASE.en[base]} ${dim}`;
}

/** Every clause of the result, failed ones followed by how they fell short; `onlyFailed` for candidates. */
export function resultClauses(o: Outcome, s: Style, onlyFailed = false): string[] {
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
export function resultSentence(o: Outcome, s: Style): string {
  const clauses = resultClauses(o, s);
  if (s.lang === 'zh') return `${[...clauses, o.passed ? '通过' : '未通过'].join('，')}。`;
  const text = [...clauses, o.passed ? 'passed' : 'not passed'].join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The rule in words, from the thresholds the outcome was decided on. */
export function ruleSentence(o: Outcome, s: Style): string {
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
      if (zh && o.passBase === 'cast') {
        const [yes, valid] = castPhrase(dim);
        return part(yes, valid, c.threshold);
      }
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

export function measure(m: Measure, s: Style): string {
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
export function votesText(m: Measure, s: Style): string {
  const n = number(m.headcount);
  const a = s.useArea ? area(m.area, s.lang) : '';
  if (s.lang === 'zh') return `得票 ${n} 票${a && `、${a}`}`;
  return `${n} vote${m.headcount === 1 ? '' : 's'}${a && ` (${a})`}`;
}

export function countSentence(o: VoteOutcome, s: Style): string {
  const m = (x: Measure) => measure(x, s);
  return s.lang === 'zh'
    ? `有表决权 ${m(o.eligible)}；参与表决 ${m(o.participating)}，其中同意 ${m(o.yes)}，反对 ${m(o.no)}，弃权 ${m(o.abstain)}。`
    : `eligible ${m(o.eligible)}; participating ${m(o.participating)}: yes ${m(o.yes)}, no ${m(o.no)}, abstain ${m(o.abstain)}.`;
}

// The minutes of one vote or election: the motion, the rule in words, the
// count, and the result spelled out from the outcome's own numbers, naming
// every condition that failed — the part of the minutes people dispute.
import type { Electorate, ItemOf, Rule } from '../scenario/index.ts';
import type { BallotRecord } from './context.ts';
import { openSeatsSentence } from './election-words.ts';
import {
  countSentence,
  measure,
  type Outcome,
  resultClauses,
  resultSentence,
  ruleSentence,
  type Style,
  votesText,
} from './minutes-clauses.ts';
import {
  correctionLines,
  electorateCountSentence,
  electorateTurnoutSentence,
  ownersByChoice,
} from './minutes-electorate.ts';
import { type Lang, list } from './minutes-format.ts';
import { sealedElectionLines, sealedVoteLines } from './minutes-sealed.ts';
import type { ElectionOutcome } from './rules.ts';

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

  if (record.sealed) {
    if (record.kind === 'vote')
      return sealedVoteLines(
        record.outcome,
        style(record.outcome),
        item.kind === 'vote' ? item.motion[lang] : undefined,
      );
    return sealedElectionLines(record.outcome, style(firstOutcome(record.outcome)), (id) => seats([id]));
  }
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
  const open = openSeatsSentence(o, lang);
  if (open) {
    const tied = o.tiedForLastSeat.length ? list(o.tiedForLastSeat.map(seat), lang) : '';
    lines.push(
      zh
        ? `- **空缺**：${open}${tied && `（得票相同：${tied}）`}。`
        : `- **Open**: ${open}${tied && ` (tied: ${tied})`}.`,
    );
  }
  return lines;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

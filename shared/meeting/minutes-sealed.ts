// A secret ballot's minutes before the debrief opens (a sealed record, see
// shared/views/sealed-ballot.ts): the rule, who took part, the result and
// whether each threshold was met — no per-choice figures, which in a small
// room could name a voter. The figures follow in the debrief's minutes.

import { openSeatsSentence } from './election-words.ts';
import { measure, type Outcome, ruleSentence, type Style } from './minutes-clauses.ts';
import { type Lang, list } from './minutes-format.ts';
import type { ConditionResult, ElectionOutcome } from './rules.ts';

const DIM = {
  zh: { area: '面积', headcount: '人数' },
  en: { area: 'area', headcount: 'headcount' },
} as const;

function verdicts(o: Outcome, lang: Lang, onlyFailed = false): string[] {
  const zh = lang === 'zh';
  const one = (kind: 'quorum' | 'pass', c: ConditionResult) => {
    const dim = DIM[lang][c.dimension];
    if (zh) return `${kind === 'quorum' ? '参与表决' : '同意'}${dim}${c.met ? '达到' : '未达到'}门槛`;
    return `${kind === 'quorum' ? 'participating' : 'yes'} ${dim} ${c.met ? 'met' : 'not met'}`;
  };
  return [
    ...o.quorum.filter((c) => !onlyFailed || !c.met).map((c) => one('quorum', c)),
    ...o.pass.filter((c) => !onlyFailed || !c.met).map((c) => one('pass', c)),
  ];
}

const LATER = {
  zh: '各选项票数在复盘时公布。',
  en: 'The figures by choice are given at the debrief.',
};

export function sealedVoteLines(
  o: Outcome & { participating: { headcount: number; area: number } },
  s: Style,
  motion: string | undefined,
): string[] {
  const zh = s.lang === 'zh';
  const sep = zh ? '：' : ': ';
  const v = verdicts(o, s.lang);
  const result = zh
    ? `${[...v, o.passed ? '通过' : '未通过'].join('，')}。${LATER.zh}`
    : `${[...v, o.passed ? 'passed' : 'not passed'].join('; ')}. ${LATER.en}`;
  return [
    ...(motion ? [`- **${zh ? '动议' : 'Motion'}**${sep}${motion}`] : []),
    `- **${zh ? '表决规则' : 'Rule'}**${sep}${zh ? '无记名投票；' : 'Secret ballot. '}${ruleSentence(o, s)}`,
    `- **${zh ? '参与表决' : 'Taking part'}**${sep}${measure(o.participating, s)}`,
    `- **${zh ? '结果' : 'Result'}**${sep}${result}`,
  ];
}

export function sealedElectionLines(o: ElectionOutcome, s: Style, seat: (id: string) => string): string[] {
  const zh = s.lang === 'zh';
  const sep = zh ? '：' : ': ';
  const first = o.candidates[0]?.outcome;
  const lines = [
    zh
      ? `- **选举**：应选 ${o.seats} 席，无记名投票。`
      : `- **Election**: ${o.seats} seat${o.seats === 1 ? '' : 's'}; secret ballot.`,
    ...(first ? [`- **${zh ? '表决规则' : 'Rule'}**${sep}${ruleSentence(first, s)}`] : []),
    `- **${zh ? '参与投票' : 'Taking part'}**${sep}${measure(o.participating, s)}`,
    zh ? '- **候选人**（按选票顺序）：' : '- **Candidates** (in ballot order):',
  ];
  for (const c of o.candidates) {
    const result = c.elected
      ? zh
        ? '当选'
        : 'elected'
      : c.tied
        ? zh
          ? '与他人得票相同，暂不当选'
          : 'tied for the last seat; not elected for now'
        : c.outcome.passed
          ? zh
            ? '达到当选条件，但名额已满'
            : 'met the threshold, but the seats were filled'
          : zh
            ? `未当选（${verdicts(c.outcome, 'zh', true).join('，')}）`
            : `not elected (${verdicts(c.outcome, 'en', true).join('; ')})`;
    lines.push(`  - ${seat(c.candidate)}${sep}${result}`);
  }
  const elected = o.elected.map(seat);
  lines.push(
    `- **${zh ? '当选' : 'Elected'}**${sep}${elected.length ? list(elected, s.lang) : zh ? '无人当选' : 'nobody'}${zh ? '。' : '.'}`,
  );
  const open = openSeatsSentence(o, s.lang);
  if (open) lines.push(`- **${zh ? '空缺' : 'Open'}**${sep}${open}${zh ? '。' : '.'}`);
  lines.push(`- ${zh ? LATER.zh : LATER.en}`);
  return lines;
}

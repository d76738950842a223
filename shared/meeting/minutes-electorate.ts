// The minutes of a vote of the electorate: both bases (the whole electorate,
// and those taking part), how the ballots came in (in the room, by proxy, on
// paper before or during the meeting), the owners by choice for an open vote,
// and every correction made at the console. Pure; called by minutes-ballots.ts.
import type { Electorate, LocalText } from '../scenario/index.ts';
import type { BallotRecord } from './context.ts';
import { type BallotSource, hasBallot } from './electorate.ts';
import { area, type Lang, list, number } from './minutes-format.ts';
import type { Measure } from './rules.ts';

type Format = (m: Measure) => string;

const minus = (a: Measure, b: Measure): Measure => ({
  headcount: a.headcount - b.headcount,
  area: Math.round((a.area - b.area) * 10_000) / 10_000,
});

const SOURCE_WORDS: Record<BallotSource, Record<Lang, string>> = {
  room: { zh: '会场投票', en: 'in the room' },
  written: { zh: '会前交回书面表决票', en: 'on written ballots returned before the meeting' },
  paper: { zh: '会上交回书面表决票', en: 'on paper ballots returned during the meeting' },
};

const CHOICE = {
  zh: { yes: '同意', no: '反对', abstain: '弃权' },
  en: { yes: 'yes', no: 'no', abstain: 'abstain' },
} as const;

/** "（会场投票 6 人、372.3㎡，会前交回书面表决票 1 人、71.8㎡；其中委托投票 1 人）" */
function sourcesNote(record: BallotRecord, fmt: Format, lang: Lang): string {
  const by = record.participation;
  if (!by) return '';
  const parts = (['room', 'written', 'paper'] as const)
    .filter((source) => by[source].headcount > 0)
    .map((source) =>
      lang === 'zh'
        ? `${SOURCE_WORDS[source].zh} ${fmt(by[source])}`
        : `${fmt(by[source])} ${SOURCE_WORDS[source].en}`,
    );
  const eb = record.electorate;
  const proxies = eb
    ? eb.proxies.filter((o) => hasBallot(eb, o) && eb.ballots[o]?.source === 'room').length
    : 0;
  if (parts.length === 0) return '';
  if (lang === 'zh') return `（${parts.join('，')}${proxies > 0 ? `；其中委托投票 ${proxies} 人` : ''}）`;
  return ` — ${parts.join(', ')}${proxies > 0 ? `; ${proxies} of them by proxy` : ''}`;
}

const title = (t: LocalText, lang: Lang) =>
  lang === 'zh' ? t.zh : t.en.charAt(0).toUpperCase() + t.en.slice(1);

/**
 * zh "12号楼全体业主 12 人、744.6㎡；参与表决 8 人、515.9㎡（…），其中同意 7 人、444.1㎡，…；未参与表决 4 人、228.7㎡。"
 * en "All owners of building 12: 12 (744.6 m²); participating 8 (515.9 m²) — …: yes …; not taking part 4 (228.7 m²)."
 */
export function electorateCountSentence(
  electorate: Electorate,
  record: BallotRecord & { kind: 'vote' },
  fmt: Format,
  lang: Lang,
): string {
  const o = record.outcome;
  const note = sourcesNote(record, fmt, lang);
  const absent = fmt(minus(o.eligible, o.participating));
  return lang === 'zh'
    ? `${title(electorate.title, lang)} ${fmt(o.eligible)}；参与表决 ${fmt(o.participating)}${note}，其中同意 ${fmt(o.yes)}，反对 ${fmt(o.no)}，弃权 ${fmt(o.abstain)}；未参与表决 ${absent}。`
    : `${title(electorate.title, lang)}: ${fmt(o.eligible)}; participating ${fmt(o.participating)}${note}: yes ${fmt(o.yes)}, no ${fmt(o.no)}, abstain ${fmt(o.abstain)}; not taking part ${absent}.`;
}

/** An election's turnout line against the electorate. */
export function electorateTurnoutSentence(
  electorate: Electorate,
  record: BallotRecord & { kind: 'election' },
  fmt: Format,
  lang: Lang,
): string {
  const o = record.outcome;
  const note = sourcesNote(record, fmt, lang);
  const absent = fmt(minus(o.eligible, o.participating));
  return lang === 'zh'
    ? `- **投票**：${title(electorate.title, lang)} ${fmt(o.eligible)}；参与投票 ${fmt(o.participating)}${note}；未参与投票 ${absent}。`
    : `- **Turnout**: ${title(electorate.title, lang)}: ${fmt(o.eligible)}; participating ${fmt(o.participating)}${note}; not taking part ${absent}.`;
}

function ownerLabel(electorate: Electorate, record: BallotRecord, id: string, lang: Lang): string {
  const owner = electorate.owners.find((o) => o.id === id);
  const eb = record.electorate;
  if (!owner || !eb) return id;
  const ballot = eb.ballots[id];
  const name = `${owner.flats.join('、')} ${lang === 'zh' ? owner.name.zh : owner.name.en}`;
  const how =
    ballot?.source !== 'room'
      ? lang === 'zh'
        ? '书面'
        : 'on paper'
      : eb.proxies.includes(id)
        ? lang === 'zh'
          ? '委托'
          : 'by proxy'
        : '';
  return how ? (lang === 'zh' ? `${name}（${how}）` : `${name} (${how})`) : name;
}

/** An open vote of the electorate on the record by owner: "  - 同意：202 刘德明、602 周桂芳（委托）". */
export function ownersByChoice(electorate: Electorate, record: BallotRecord, lang: Lang): string[] {
  const eb = record.electorate;
  if (!eb || record.kind !== 'vote') return [];
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = (['yes', 'no', 'abstain'] as const).flatMap((choice) => {
    const ids = electorate.owners
      .filter((o) => hasBallot(eb, o.id) && eb.ballots[o.id]?.choice === choice)
      .map((o) => ownerLabel(electorate, record, o.id, lang));
    // "；" between owners: co-owners' names are already joined with "、".
    return ids.length ? [`  - ${CHOICE[lang][choice]}${sep}${ids.join(lang === 'zh' ? '；' : '; ')}`] : [];
  });
  const tallied = eb.tallies.filter((t) => t.owners > 0);
  if (tallied.length > 0) {
    const byChoice = (['yes', 'no', 'abstain'] as const).flatMap((choice) => {
      const n = tallied.filter((t) => t.choice === choice).reduce((sum, t) => sum + t.owners, 0);
      return n > 0 ? [`${CHOICE[lang][choice]} ${n}`] : [];
    });
    lines.push(
      lang === 'zh'
        ? `  - 未逐户列出的业主（汇总计票）：${byChoice.join('，')} 人`
        : `  - Owners not listed by flat (counted together): ${byChoice.join(', ')}`,
    );
  }
  if (lines.length === 0) return [];
  return [lang === 'zh' ? '- **记名表决**（按业主）：' : '- **Votes by owner**:', ...lines];
}

/** Every correction made at the console, as a correction; a secret vote's without what the ballots said. */
export function correctionLines(electorate: Electorate, record: BallotRecord, lang: Lang): string[] {
  const eb = record.electorate;
  if (!eb) return [];
  const open = record.ballot === 'open';
  const corrections = eb.paper.filter((p) => p.action === 'correct');
  const tallies = eb.tallies.filter((t) => (t.was ?? []).length > 0).length;
  if (corrections.length === 0 && tallies === 0) return [];
  const zh = lang === 'zh';
  const items = corrections.map((c) => {
    const owner = electorate.owners.find((o) => o.id === c.owner);
    const flat = owner?.flats.join('、') ?? c.flat;
    if (!open) return zh ? `${flat}` : flat;
    const from = c.was?.choice ? CHOICE[lang][c.was.choice] : '';
    const to = c.withdrawn
      ? zh
        ? '撤回（录错户号）'
        : 'withdrawn (wrong flat)'
      : c.choice
        ? CHOICE[lang][c.choice]
        : '';
    return zh ? `${flat}（${from}→${to}）` : `${flat} (${from} → ${to})`;
  });
  const parts = [...items];
  if (tallies > 0)
    parts.push(zh ? `汇总计票 ${tallies} 笔` : `${tallies} tally entr${tallies === 1 ? 'y' : 'ies'}`);
  return [
    zh
      ? `- **书面表决票更正**：${list(parts, 'zh')}。`
      : `- **Paper ballots corrected**: ${list(parts, 'en')}.`,
  ];
}

/**
 * The electorate in one line, as the dry run prints it before the minutes:
 * "12号楼全体业主：12 套房屋逐户列出，业主 12 人，专有部分面积 744.6㎡。"
 */
export function electorateSummary(electorate: Electorate | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  if (!electorate)
    return zh
      ? '表决基数：本场景未声明业主范围，业主表决以在场角色卡为基数。'
      : "Electorate: none declared; owners' votes count the cards in the room.";
  const flats = electorate.owners.reduce((n, o) => n + o.flats.length, 0);
  const { owners, area_m2 } = electorate.total;
  const unlisted = electorate.unlisted;
  if (zh) {
    const rest =
      unlisted.owners > 0
        ? `，另有 ${number(unlisted.owners)} 名业主、${area(unlisted.area_m2, 'zh')}未逐户列出`
        : '';
    return `表决基数：${electorate.title.zh}，业主 ${number(owners)} 人，专有部分面积 ${area(area_m2, 'zh')}（逐户列出 ${flats} 套房屋${rest}）。`;
  }
  const rest =
    unlisted.owners > 0
      ? `; ${number(unlisted.owners)} owners holding ${area(unlisted.area_m2, 'en')} not listed by flat`
      : '';
  return `Electorate: ${electorate.title.en}, ${number(owners)} owners, ${area(area_m2, 'en')} of exclusive area (${flats} flats listed${rest}).`;
}

// Meeting minutes in Chinese and English (Markdown), written as a secretary
// would from the record the engine keeps — never from what a screen showed —
// so replaying the log gives the same text. Pure: no I/O, no clock.
import type { Scenario } from '../scenario/index.ts';
import type { Speaker } from './commands.ts';
import type { MeetingContext } from './context.ts';
import { ballotSection } from './minutes-ballot-section.ts';
import { activeMs, clock, DEFAULT_TIME_ZONE, type Lang, list } from './minutes-format.ts';
import { asCharacter, header } from './minutes-header.ts';
import { itemLines, type Pen, type Source, skippedLine, visitsOf } from './minutes-items.ts';
import { actionLines, injectLines, participation, pauseLines } from './minutes-sections.ts';
import { type DomainEvent, MeetingSession } from './session.ts';

export interface Minutes {
  zh: string;
  en: string;
}

export interface MinutesOptions {
  /**
   * Observer id → name, to say which expert played a stand-in card. Without
   * it (a trainee's copy) the minutes say only that an expert played it.
   */
  experts?: Readonly<Record<string, string>>;
  /** The zone clock times are given in (the server's setting; Shanghai when absent). */
  timeZone?: string;
}

/** 地点 and 记录人: the session's (set when it was created), else the scenario's. */
function detailsOf(scenario: Scenario, ctx: MeetingContext, lang: Lang): Pen['details'] {
  const venue = ctx.minutesDetails?.venue ?? scenario.venue?.[lang];
  const recorder = ctx.minutesDetails?.recorder ?? scenario.recorder?.[lang];
  return { ...(venue && { venue }), ...(recorder && { recorder }) };
}

/**
 * Minutes of the current attempt, or of an earlier one (`attempt`) kept after
 * a retake; clock times in the server's zone (Shanghai by default).
 */
export function minutesFromContext(
  scenario: Scenario,
  ctx: MeetingContext,
  attempt = ctx.attempt,
  options: MinutesOptions = {},
): Minutes {
  const src = sourceOf(ctx, attempt);
  return {
    zh: write(pen(scenario, src, 'zh', options, detailsOf(scenario, ctx, 'zh'))),
    en: write(pen(scenario, src, 'en', options, detailsOf(scenario, ctx, 'en'))),
  };
}

export function minutesFromEvents(
  scenario: Scenario,
  events: readonly DomainEvent[],
  timeZone = DEFAULT_TIME_ZONE,
): Minutes {
  const session = MeetingSession.replay(scenario, events);
  try {
    return minutesFromContext(scenario, session.context, session.context.attempt, { timeZone });
  } finally {
    session.stop();
  }
}

function sourceOf(ctx: MeetingContext, attempt: number): Source {
  if (attempt !== ctx.attempt) {
    const earlier = ctx.earlierAttempts.find((a) => a.attempt === attempt);
    if (!earlier) throw new RangeError(`no attempt ${attempt} in this meeting`);
    // Names stay with the participants; cards are as they were in that attempt.
    return { ...earlier, participants: ctx.participants, now: earlier.record.endedAt ?? ctx.now, open: null };
  }
  const { record, item } = ctx;
  const running = record.startedAt !== undefined && record.endedAt === undefined;
  return {
    attempt,
    record,
    cards: Object.fromEntries(Object.values(ctx.participants).map((p) => [p.id, p.roleId])),
    participants: ctx.participants,
    now: record.endedAt ?? ctx.now,
    open:
      running && item
        ? {
            index: item.index,
            startedAt: item.startedAt,
            ...(item.deadline !== undefined && { deadline: item.deadline }),
            voting: item.ballot?.openedAt !== undefined && item.ballot.closedAt === undefined,
          }
        : null,
  };
}

function pen(
  scenario: Scenario,
  src: Source,
  lang: Lang,
  options: MinutesOptions,
  details: Pen['details'],
): Pen {
  const zh = lang === 'zh';
  const card = (roleId: string) => scenario.roles.find((r) => r.id === roleId)?.name[lang] ?? roleId;
  const expertName = (observerId: string) =>
    options.experts && Object.hasOwn(options.experts, observerId) ? options.experts[observerId] : undefined;
  /** "专家李老师" / "expert Li", or "专家" / "an expert" when the reader may not know who. */
  const expert = (observerId: string) => {
    const name = expertName(observerId);
    return zh ? `专家${name ?? ''}` : name ? `expert ${name}` : 'an expert';
  };
  const person = (id: string) => {
    const p = src.participants[id];
    if (p?.playedBy !== undefined) return expert(p.playedBy);
    return p?.name ?? id;
  };
  const playedByExpert = (observerId: string) =>
    zh ? `由${expert(observerId)}扮演` : `played by ${expert(observerId)}`;
  // "张伟（饰 王敏，居委会书记）": the people first, then the character they play.
  const played = (roleId: string, names: string[]) => asCharacter(list(names, lang), card(roleId), lang);
  const who = (speaker: Speaker, roleId: string | null) => {
    if (speaker.kind === 'npc') return card(speaker.roleId);
    return roleId ? played(roleId, [person(speaker.id)]) : person(speaker.id);
  };
  const seats = (ids: readonly string[]) => {
    // Seat ids are participant ids, or "npc:<role>" for an NPC candidate.
    const groups = new Map<string, { roleId: string | null; names: string[] }>();
    for (const id of ids) {
      const npc = !src.participants[id] && id.startsWith('npc:');
      const roleId = npc ? id.slice(4) : (src.cards[id] ?? null);
      const key = roleId ?? `p:${id}`;
      const group = groups.get(key) ?? { roleId, names: [] };
      if (!npc) group.names.push(person(id));
      groups.set(key, group);
    }
    const names = [...groups.values()].map(({ roleId, names }) =>
      roleId === null ? (names[0] ?? '') : names.length ? played(roleId, names) : card(roleId),
    );
    return list(names, lang);
  };
  const active = (from: number, to: number) => activeMs(from, to, src.record.pauses, src.now);
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const at = (ms: number) => clock(ms, zone);
  return {
    lang,
    zh,
    sep: zh ? '：' : ': ',
    scenario,
    src,
    zone,
    clock: at,
    card,
    who,
    seats,
    active,
    playedByExpert,
    details,
  };
}

function write(p: Pen): string {
  const { zh, src, scenario } = p;
  const started = src.record.startedAt !== undefined;
  const visits = visitsOf(scenario, src);
  const out = [
    zh ? `# ${scenario.title.zh} 会议纪要` : `# ${scenario.title.en} — minutes`,
    '',
    zh ? `第 ${src.attempt} 次演练` : `Attempt ${src.attempt}`,
    '',
    ...header(p),
  ];
  if (visits.length) out.push('', zh ? '## 会议情况' : '## Proceedings', ...itemLines(p, visits));
  if (src.record.endedAt !== undefined && started) out.push(...skippedLine(p, visits));
  if (started) out.push('', ...ballotSection(p, visits), '', ...actionLines(p));
  out.push(...injectLines(p, visits), ...pauseLines(p, visits));
  if (started) out.push('', ...participation(p));
  // Sections end with their own blank lines; collapse the doubles.
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

// Meeting minutes in Chinese and English (Markdown), written as a secretary
// would from the record the engine keeps — never from what a screen showed —
// so replaying the log gives the same text. Pure: no I/O, no clock.
import type { Scenario } from '../scenario/index.ts';
import type { Speaker } from './commands.ts';
import type { MeetingContext } from './context.ts';
import {
  activeMs,
  clock,
  DEFAULT_TIME_ZONE,
  date,
  duration,
  type Lang,
  list,
  sameDay,
  withNote,
  zoneName,
} from './minutes-format.ts';
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
    zh: write(pen(scenario, src, 'zh', options)),
    en: write(pen(scenario, src, 'en', options)),
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

function pen(scenario: Scenario, src: Source, lang: Lang, options: MinutesOptions): Pen {
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
  const played = (roleId: string, names: string[]) =>
    withNote(card(roleId), zh ? `${list(names, lang)}饰` : `played by ${list(names, lang)}`, lang);
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
  if (visits.length) out.push('', zh ? '## 议程' : '## Agenda', ...itemLines(p, visits));
  if (src.record.endedAt !== undefined && started) out.push(...skippedLine(p, visits));
  if (started) out.push('', ...actionLines(p));
  out.push(...injectLines(p, visits), ...pauseLines(p, visits));
  if (started) out.push('', ...participation(p));
  // Sections end with their own blank lines; collapse the doubles.
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** When, who chaired, who attended. */
function header(p: Pen): string[] {
  const { zh, lang, sep, src, card, clock, zone } = p;
  const { startedAt, endedAt } = src.record;
  const out: string[] = [];
  if (startedAt === undefined) {
    out.push(zh ? '- **时间**：会议尚未开始。' : '- **Time**: the meeting has not started.');
  } else {
    const end = endedAt ?? src.now;
    const took = duration(end - startedAt, lang);
    const paused = end - startedAt - p.active(startedAt, end);
    const pause =
      paused > 0
        ? zh
          ? `，其中暂停 ${duration(paused, lang)}`
          : `, including ${duration(paused, lang)} paused`
        : '';
    const day = date(startedAt, lang, zone);
    const until = sameDay(startedAt, end, zone)
      ? clock(end)
      : `${date(end, lang, zone)}${zh ? '' : ', '}${clock(end)}`;
    const where = zoneName(startedAt, zone, lang);
    if (endedAt === undefined)
      out.push(
        zh
          ? `- **时间**：${day}${clock(startedAt)} 开始，尚未结束（截至 ${clock(end)}，已历时 ${took}${pause}）`
          : `- **Time**: ${day}, from ${clock(startedAt)}; not yet ended (${took} so far, as of ${clock(end)}${pause})`,
      );
    else
      out.push(
        zh
          ? `- **时间**：${day}${clock(startedAt)}–${until}（${where}），历时 ${took}${pause}`
          : `- **Time**: ${day}, ${clock(startedAt)}–${until} (${where}); ${took} in all${pause}`,
      );
  }

  const holders = (roleId: string) =>
    Object.values(src.participants)
      .filter((x) => src.cards[x.id] === roleId)
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  const npcNote = zh ? '由专家扮演' : 'voiced by the experts';
  const chairs = p.scenario.roles
    .filter((r) => r.chair)
    .map((r) => {
      if (r.npc) return withNote(card(r.id), npcNote, lang);
      const ids = holders(r.id).map((x) => x.id);
      return ids.length ? p.seats(ids) : withNote(card(r.id), zh ? '无人持卡' : 'card not taken', lang);
    });
  const chair = chairs.length ? list(chairs, lang) : zh ? '由培训师主持' : 'the instructor';
  out.push(
    `- **${zh ? '主持' : 'Chair'}**${sep}${chair}`,
    `- **${zh ? '出席' : 'Present'}**${zh ? '：' : ':'}`,
  );
  const vacant: string[] = [];
  for (const r of p.scenario.roles) {
    // A stand-in's line says who played the card: "王敏（居委会书记）：由专家李老师扮演".
    const names = holders(r.id).map((x) =>
      x.playedBy !== undefined ? p.playedByExpert(x.playedBy) : x.name,
    );
    if (r.npc) out.push(`  - ${card(r.id)}${sep}${npcNote}`);
    else if (names.length) out.push(`  - ${card(r.id)}${sep}${list(names, lang)}`);
    else vacant.push(card(r.id));
  }
  if (vacant.length)
    out.push(`- **${zh ? '无人持卡的角色' : 'Cards not taken'}**${sep}${list(vacant, lang)}`);
  const cardless = Object.values(src.participants)
    .filter((x) => !src.cards[x.id] && x.playedBy === undefined)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .map((x) => x.name);
  if (cardless.length)
    out.push(`- **${zh ? '未领角色卡' : 'Present without a card'}**${sep}${list(cardless, lang)}`);
  return out;
}

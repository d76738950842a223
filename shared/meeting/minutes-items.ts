// The agenda part of the minutes: each item reached, in the order it was
// taken, with its time, speakers, statements, ballots and sign-ups.
import type { Item, Scenario } from '../scenario/index.ts';
import type { Speaker } from './commands.ts';
import type { MeetingRecord, Participant } from './context.ts';
import { hasFloor } from './floor.ts';
import { duration, hasWholeSeconds, inline, type Lang, stopwatch } from './minutes-format.ts';

/** What one attempt's minutes are written from. */
export interface Source {
  attempt: number;
  record: MeetingRecord;
  /** Each participant's card during this attempt. */
  cards: Record<string, string | null>;
  participants: Record<string, Participant>;
  /** The end of the record: when it ended, or the context's "now" while it runs. */
  now: number;
  /** The item under way, for a meeting still running. */
  open: { index: number; startedAt: number; deadline?: number; voting: boolean } | null;
}

/** The language-bound helpers every section writes with. */
export interface Pen {
  lang: Lang;
  zh: boolean;
  /** "：" or ": " */
  sep: string;
  scenario: Scenario;
  src: Source;
  /** The time zone clock times are in. */
  zone: string;
  /** "09:30" in that zone. */
  clock(ms: number): string;
  card(roleId: string): string;
  who(speaker: Speaker, roleId: string | null): string;
  /** Seat ids as one list, holders of the same card grouped under it. */
  seats(ids: readonly string[]): string;
  /** Milliseconds between two times while the meeting was not paused. */
  active(from: number, to: number): number;
  /** "由专家李老师扮演" / "played by expert Li" (no name in a trainee's copy). */
  playedByExpert(observerId: string): string;
  /** 地点 and 记录人, when known. */
  details: { venue?: string; recorder?: string };
}

/** One stay in an agenda item: items can be left and returned to. */
export interface Visit {
  item: Item;
  number: number;
  start: number;
  end: number;
  overtimeMs: number;
  open: boolean;
}

export function visitsOf(scenario: Scenario, src: Source): Visit[] {
  const visits: Visit[] = [];
  const add = (index: number, start: number, end: number, overtimeMs: number, open: boolean) => {
    const item = scenario.agenda[index];
    if (item) visits.push({ item, number: index + 1, start, end, overtimeMs, open });
  };
  for (const v of src.record.items)
    add(
      scenario.agenda.findIndex((i) => i.id === v.item),
      v.start,
      v.end,
      v.overtimeMs,
      false,
    );
  if (src.open) {
    const { index, startedAt, deadline } = src.open;
    add(index, startedAt, src.now, deadline !== undefined ? Math.max(0, src.now - deadline) : 0, true);
  }
  return visits;
}

/** Did this happen in this visit? Boundaries count: a ballot is counted as the item is left. */
export const within = (v: Visit, r: { item: string | null }, at: number): boolean =>
  r.item === v.item.id && at >= v.start && at <= v.end;

export function itemLines(pen: Pen, visits: readonly Visit[]): string[] {
  const { zh, sep, lang, src, who, clock } = pen;
  const { record } = src;
  const label = (text: string) => `- **${text}**${zh ? '：' : ':'}`;
  const out: string[] = [];
  for (const [i, v] of visits.entries()) {
    const again = visits.slice(0, i).some((w) => w.item.id === v.item.id);
    out.push(
      '',
      zh
        ? `### 第${v.number}项 ${v.item.title.zh}${again ? '（续）' : ''}`
        : `### ${v.number}. ${v.item.title.en}${again ? ' (resumed)' : ''}`,
      '',
      timeLine(pen, v),
    );

    const turns = record.turns.filter((t) => within(v, t, t.start));
    if (turns.length) {
      out.push(label(zh ? '发言' : 'Speakers'));
      for (const t of turns) {
        const over = hasWholeSeconds(t.overtimeMs) ? duration(t.overtimeMs, lang) : '';
        const notes = [
          over && (zh ? `超时 ${over}` : `${over} over`),
          t.pointOfOrder && (zh ? '程序问题' : 'point of order'),
          t.endedBy === 'cut' && (zh ? '被打断' : 'cut off'),
          t.endedBy === 'moved_on' && (zh ? '议程推进时中止' : 'stopped when the agenda moved on'),
        ].filter(Boolean);
        const tail = notes.length ? (zh ? `（${notes.join('，')}）` : ` (${notes.join('; ')})`) : '';
        out.push(
          `  - ${clock(t.start)} ${who(t.speaker, t.roleId)}${sep}${stopwatch(t.end - t.start)}${tail}`,
        );
      }
    } else if (hasFloor(v.item)) out.push(zh ? '- 无人发言。' : '- Nobody spoke.');

    const statements = record.statements.filter((s) => within(v, s, s.at));
    if (statements.length) {
      out.push(label(zh ? '发言要点' : 'What was said'));
      for (const s of statements)
        out.push(`  - ${clock(s.at)} ${who(s.speaker, s.roleId)}${sep}“${inline(s.text)}”`);
    }

    if (v.item.kind === 'vote' || v.item.kind === 'election') {
      const ballots = record.ballots.filter((b) => within(v, b, b.at));
      if (ballots.length) out.push(zh ? '- 表决结果见“表决情况”。' : '- For the result see “Votes”.');
      if (!ballots.length) {
        if (v.open && src.open?.voting) out.push(zh ? '- 表决进行中。' : '- Voting is under way.');
        else out.push(zh ? '- 未进行表决。' : '- No vote was taken.');
      }
    }

    if (v.item.kind === 'signup') {
      out.push(label(zh ? '报名' : 'Sign-ups'));
      for (const [ask, text] of v.item.asks.entries()) {
        const ids = record.signups
          .filter((s) => s.ask === ask && within(v, s, s.at))
          .map((s) => s.participant);
        const signed = ids.length
          ? `${pen.seats(ids)}${zh ? `（${ids.length} 人）` : ` (${ids.length})`}`
          : zh
            ? '无人报名'
            : 'nobody signed up';
        out.push(`  - ${text[lang]}${sep}${signed}`);
      }
    }

    // Decisions and actions are listed once, in their own section; the item says how many it produced.
    const recorded = record.actions.filter((a) => within(v, a, a.at));
    if (v.item.kind === 'actions' || recorded.length) {
      const decisions = recorded.filter((a) => a.kind === 'decision').length;
      const actions = recorded.length - decisions;
      out.push(
        zh
          ? `- 记录决定 ${decisions} 项、行动事项 ${actions} 项，见“决定事项”和“行动项”。`
          : `- ${decisions} decision${decisions === 1 ? '' : 's'} and ${actions} action item${actions === 1 ? '' : 's'} recorded; see “Decisions” and “Action items”.`,
      );
    }
  }
  return out;
}

function timeLine(pen: Pen, v: Visit): string {
  const { zh, lang, clock } = pen;
  const used = duration(pen.active(v.start, v.end), lang);
  const over = hasWholeSeconds(v.overtimeMs) ? duration(v.overtimeMs, lang) : '';
  const box = v.item.duration;
  const limit =
    box === undefined
      ? ''
      : zh
        ? `（时限 ${duration(box * 1000, lang)}${over ? `，超时 ${over}` : ''}）`
        : ` (time box ${duration(box * 1000, lang)}${over ? `; ${over} over` : ''})`;
  if (v.open)
    return zh
      ? `- **时间**：${clock(v.start)} 起，进行中，已用 ${used}${limit}`
      : `- **Time**: from ${clock(v.start)}, in progress, ${used} so far${limit}`;
  return zh
    ? `- **时间**：${clock(v.start)}–${clock(v.end)}，用时 ${used}${limit}`
    : `- **Time**: ${clock(v.start)}–${clock(v.end)}, ${used}${limit}`;
}

/** Agenda items never reached, for a meeting that has ended. */
export function skippedLine(pen: Pen, visits: readonly Visit[]): string[] {
  const reached = new Set(visits.map((v) => v.item.id));
  const skipped = pen.scenario.agenda.flatMap((item, i) =>
    reached.has(item.id) ? [] : [pen.zh ? `第${i + 1}项 ${item.title.zh}` : `${i + 1}. ${item.title.en}`],
  );
  if (!skipped.length) return [];
  return [
    '',
    `**${pen.zh ? '未进行的议程' : 'Items not reached'}**${pen.sep}${skipped.join(pen.zh ? '；' : '; ')}`,
  ];
}

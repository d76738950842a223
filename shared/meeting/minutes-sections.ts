// The parts of the minutes about the meeting as a whole: decisions and
// action items, injects, pauses, and who spoke how much.
import type { MeetingRecord } from './context.ts';
import { speakerKey } from './context.ts';
import { cell, duration, hasWholeSeconds, inline, stopwatch } from './minutes-format.ts';
import type { Pen, Visit } from './minutes-items.ts';
import { speakingBySpeaker } from './speaking.ts';

/** 决定事项, then 行动项 with owner and date, wherever in the meeting they were recorded. */
export function actionLines(p: Pen): string[] {
  const { zh, src } = p;
  const decisions = src.record.actions.filter((a) => a.kind === 'decision');
  const actions = src.record.actions.filter((a) => a.kind === 'action');
  const out = [zh ? '## 决定事项' : '## Decisions', ''];
  if (!decisions.length) out.push(zh ? '本次会议未形成决定事项。' : 'No decisions were recorded.');
  for (const [i, d] of decisions.entries()) out.push(`${i + 1}. ${inline(d.what)}`);
  out.push('', zh ? '## 行动项' : '## Action items', '');
  if (!actions.length) out.push(zh ? '本次会议未记录行动项。' : 'No action items were recorded.');
  // The owner is the person holding the card (with the character), or the character when nobody does.
  const ownerOf = (roleId: string) => {
    const ids = Object.keys(src.cards).filter((id) => src.cards[id] === roleId);
    return ids.length ? p.seats(ids) : p.card(roleId);
  };
  for (const [i, a] of actions.entries()) {
    // Missing owners and dates are written out: the debrief looks for them.
    const owner = a.who ? ownerOf(a.who) : zh ? '未指定' : 'not named';
    const due = a.due ?? (zh ? '未定' : 'not set');
    out.push(
      zh
        ? `${i + 1}. ${inline(a.what)}——负责人：${owner}；完成时限：${due}`
        : `${i + 1}. ${inline(a.what)} — owner: ${owner}; due: ${due}`,
    );
  }
  return out;
}

/** The visit a moment fell in, preferring the item it was recorded against. */
function during(p: Pen, visits: readonly Visit[], itemId: string | null, at: number): string {
  const v =
    visits.find((x) => x.item.id === itemId && at >= x.start && at <= x.end) ??
    visits.find((x) => at >= x.start && at <= x.end);
  if (!v) return '';
  return p.zh ? `第${v.number}项期间` : `during item ${v.number}`;
}

export function injectLines(p: Pen, visits: readonly Visit[]): string[] {
  const { zh, lang, src, clock } = p;
  if (!src.record.injects.length) return [];
  const out = ['', zh ? '## 临时情况' : '## Injects', ''];
  for (const r of src.record.injects) {
    const inject = p.scenario.injects.find((i) => i.id === r.inject);
    const title = inject?.title[lang] ?? r.inject;
    const by = {
      schedule: zh ? '按计划出现' : 'scheduled',
      facilitator: zh ? '由培训师发出' : 'fired by the instructor',
      observer: zh ? '由专家发出' : 'fired by an expert',
    }[r.by];
    // Response times leave out pauses, as the engine's response windows do.
    let response = '';
    if (r.respondedAt !== undefined) {
      const took = duration(p.active(r.firedAt, r.respondedAt), lang);
      const late = r.respondBy !== undefined ? r.respondedAt - r.respondBy : 0;
      const past = hasWholeSeconds(late) ? duration(late, lang) : '';
      response = zh
        ? `${took}后处置${past && `，超出时限 ${past}`}`
        : `responded after ${took}${past && `, ${past} past the window`}`;
    } else if (r.respondBy !== undefined) {
      const window = duration((inject?.respondWithin ?? 0) * 1000, lang);
      if (r.respondBy <= src.now)
        response = zh ? `时限（${window}）内未见处置` : `no response within the window (${window})`;
      else response = zh ? '处置时限未到' : 'window still open';
    }
    const ref = during(p, visits, r.item, r.firedAt);
    out.push(
      zh
        ? `- ${clock(r.firedAt)}${ref && `（${ref}）`}${title}——${by}${response && `；${response}`}`
        : `- ${clock(r.firedAt)}${ref && `, ${ref}`}: ${title} — ${by}${response && `; ${response}`}`,
    );
  }
  return out;
}

export function pauseLines(p: Pen, visits: readonly Visit[]): string[] {
  const { zh, lang, src, clock } = p;
  if (!src.record.pauses.length) return [];
  const out = ['', zh ? '## 暂停' : '## Pauses', ''];
  for (const pause of src.record.pauses) {
    const ref = during(p, visits, null, pause.from);
    const where = ref && (zh ? `（${ref}）` : ` (${ref})`);
    const { from, to } = pause;
    if (to === undefined)
      out.push(
        zh
          ? `- ${clock(from)} 起暂停，尚未恢复${where}`
          : `- Paused from ${clock(from)}, not yet resumed${where}`,
      );
    else
      out.push(
        zh
          ? `- ${clock(from)}–${clock(to)}，暂停 ${duration(to - from, lang)}${where}`
          : `- ${clock(from)}–${clock(to)}, paused ${duration(to - from, lang)}${where}`,
      );
  }
  return out;
}

/** Who spoke how much: the most first, then card holders who never had the floor. */
export function participation(p: Pen): string[] {
  const { zh, src } = p;
  const record: MeetingRecord = src.record;
  const totals = speakingBySpeaker(record);
  const first = new Map<string, (typeof record.turns)[number]>();
  for (const t of record.turns) if (!first.has(speakerKey(t.speaker))) first.set(speakerKey(t.speaker), t);
  const rows = [...first.entries()]
    .map(([key, turn]) => ({ name: p.who(turn.speaker, turn.roleId), start: turn.start, t: totals[key] }))
    .sort((a, b) => (b.t?.speakingMs ?? 0) - (a.t?.speakingMs ?? 0) || a.start - b.start);
  const silent = Object.values(src.participants)
    .filter((x) => src.cards[x.id] && !first.has(speakerKey({ kind: 'participant', id: x.id })))
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .map((x) => p.who({ kind: 'participant', id: x.id }, src.cards[x.id] ?? null));

  const row = (name: string, turns: number, ms: number, over: number, poo: number) =>
    `| ${cell(name)} | ${turns} | ${stopwatch(ms)} | ${hasWholeSeconds(over) ? stopwatch(over) : '—'} | ${poo} |`;
  const lines = [
    zh ? '## 发言统计' : '## Participation',
    '',
    zh
      ? '| 发言人 | 发言次数 | 发言时长 | 超时 | 程序问题 |'
      : '| Speaker | Turns | Speaking time | Overtime | Points of order |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) =>
      row(r.name, r.t?.turns ?? 0, r.t?.speakingMs ?? 0, r.t?.overtimeMs ?? 0, r.t?.pointsOfOrder ?? 0),
    ),
    ...silent.map((name) => row(name, 0, 0, 0, 0)),
  ];
  const sum = Object.values(totals).reduce(
    (a, t) => ({
      turns: a.turns + t.turns,
      ms: a.ms + t.speakingMs,
      over: a.over + t.overtimeMs,
      poo: a.poo + t.pointsOfOrder,
    }),
    { turns: 0, ms: 0, over: 0, poo: 0 },
  );
  lines.push(row(zh ? '**合计**' : '**Total**', sum.turns, sum.ms, sum.over, sum.poo));
  return lines;
}

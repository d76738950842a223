// Who spoke how much: the one place speaking time is added up. The calling
// order (balance), the minutes, the live view's figures, the debrief, the
// dry run and every screen's bars read these figures; a screen adds only the
// turn running now (`withRunningTurn`), which no record holds yet.
import type { FloorTurn, MeetingRecord } from './context.ts';
import { speakerKey } from './context.ts';

/** One speaker's figures over the turns and statements of an attempt. */
export interface SpeakingFigures {
  speakingMs: number;
  turns: number;
  overtimeMs: number;
  pointsOfOrder: number;
  /** Turns the chair ended (cut off). */
  cutOff: number;
  /** Lines in the record, with or without a turn (an NPC card speaks without one). */
  statements: number;
}

/** Per speaker, by speakerKey ("p:<id>" or "npc:<roleId>"). */
export type SpeakingBySpeaker = Record<string, SpeakingFigures>;

export const noSpeaking = (): SpeakingFigures => ({
  speakingMs: 0,
  turns: 0,
  overtimeMs: 0,
  pointsOfOrder: 0,
  cutOff: 0,
  statements: 0,
});

type SpokenRecord = Pick<MeetingRecord, 'turns' | 'statements'>;

/** Derived once per list of turns and statements: a record is never changed in place. */
const cache = new WeakMap<SpokenRecord['turns'], WeakMap<SpokenRecord['statements'], SpeakingBySpeaker>>();

/** Every speaker's figures over the record's turns and statements. The result is shared: do not change it. */
export function speakingBySpeaker(record: SpokenRecord): SpeakingBySpeaker {
  let byStatements = cache.get(record.turns);
  const found = byStatements?.get(record.statements);
  if (found) return found;
  const out: SpeakingBySpeaker = {};
  const row = (key: string) => {
    const existing = out[key];
    if (existing) return existing;
    const fresh = noSpeaking();
    out[key] = fresh;
    return fresh;
  };
  for (const turn of record.turns) {
    const r = row(speakerKey(turn.speaker));
    r.speakingMs += turn.end - turn.start;
    r.turns += 1;
    r.overtimeMs += turn.overtimeMs;
    if (turn.pointOfOrder) r.pointsOfOrder += 1;
    if (turn.endedBy === 'cut') r.cutOff += 1;
  }
  for (const statement of record.statements) row(speakerKey(statement.speaker)).statements += 1;
  if (!byStatements) {
    byStatements = new WeakMap();
    cache.set(record.turns, byStatements);
  }
  byStatements.set(record.statements, out);
  return out;
}

/**
 * The recorded figures plus the turn under way at `now` (its time so far and
 * any time over), as a screen shows them while someone speaks. A new object:
 * the recorded figures are left as they are.
 */
export function withRunningTurn(
  recorded: Readonly<SpeakingBySpeaker>,
  floor: Pick<FloorTurn, 'speaker' | 'since' | 'deadline' | 'pointOfOrder'> | null | undefined,
  now: number,
): SpeakingBySpeaker {
  const out: SpeakingBySpeaker = { ...recorded };
  if (!floor) return out;
  const key = speakerKey(floor.speaker);
  const r = { ...(out[key] ?? noSpeaking()) };
  r.speakingMs += Math.max(0, now - floor.since);
  r.turns += 1;
  if (floor.deadline !== undefined) r.overtimeMs += Math.max(0, now - floor.deadline);
  if (floor.pointOfOrder) r.pointsOfOrder += 1;
  out[key] = r;
  return out;
}

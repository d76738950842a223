// The speaking bars as data: one row per card holder (and per NPC card that
// has spoken), with the attempt's figures the live view carries plus the turn
// running now (shared/meeting/speaking.ts adds both), and each bar's share of
// the longest. Pure, so its arithmetic is tested without a browser.
import { type Mood, speakerKey } from '../../../shared/meeting/context.ts';
import { noSpeaking, withRunningTurn } from '../../../shared/meeting/speaking.ts';
import type { Scenario } from '../../../shared/scenario/index.ts';
import type { LiveView } from '../../../shared/views/types.ts';

export interface SpeakingBar {
  key: string;
  testId: string;
  /** The trainee's name (or the expert's, for a stand-in), or the NPC card's. */
  name: string;
  /** The card's name, or empty for an NPC card (the row says it is one). */
  roleId: string | null;
  npc: boolean;
  /** The expert playing this stand-in card, if any. */
  playedBy?: string;
  online?: boolean;
  mood: Mood | null;
  /** Holds the floor now. */
  speaking: boolean;
  ms: number;
  turns: number;
  overtimeMs: number;
  /** Widths in percent of the track: time within the limits, then time over. */
  withinPct: number;
  overPct: number;
}

/** The track is at least a minute long, so a first short turn does not fill it. */
export const MIN_TRACK_MS = 60_000;

export function speakingBars(
  scenario: Scenario,
  live: Pick<LiveView, 'record' | 'item' | 'participants'>,
  now: number,
): SpeakingBar[] {
  const totals = withRunningTurn(live.record.speaking, live.item?.floor, now);
  const floor = live.item?.floor?.speaker;
  const max = Math.max(MIN_TRACK_MS, ...Object.values(totals).map((t) => t.speakingMs));
  const bar = (key: string) => {
    const t = totals[key] ?? noSpeaking();
    const over = Math.min(t.overtimeMs, t.speakingMs);
    return {
      ms: t.speakingMs,
      turns: t.turns,
      overtimeMs: t.overtimeMs,
      withinPct: ((t.speakingMs - over) / max) * 100,
      overPct: (over / max) * 100,
    };
  };
  const holders = live.participants
    .filter((p) => p.roleId !== null)
    .map(
      (p): SpeakingBar => ({
        key: speakerKey({ kind: 'participant', id: p.id }),
        testId: `speaking-bar-${p.id}`,
        name: p.name,
        roleId: p.roleId,
        npc: false,
        ...(p.playedBy !== undefined && { playedBy: p.playedBy }),
        online: p.online,
        mood: p.mood,
        speaking: floor?.kind === 'participant' && floor.id === p.id,
        ...bar(speakerKey({ kind: 'participant', id: p.id })),
      }),
    );
  // NPC cards that took the floor (lines said without a turn add no time).
  const npcs = scenario.roles
    .filter((r) => r.npc && (totals[speakerKey({ kind: 'npc', roleId: r.id })]?.turns ?? 0) > 0)
    .map(
      (r): SpeakingBar => ({
        key: speakerKey({ kind: 'npc', roleId: r.id }),
        testId: `speaking-bar-npc-${r.id}`,
        name: '',
        roleId: r.id,
        npc: true,
        mood: null,
        speaking: floor?.kind === 'npc' && floor.roleId === r.id,
        ...bar(speakerKey({ kind: 'npc', roleId: r.id })),
      }),
    );
  return [...holders, ...npcs];
}

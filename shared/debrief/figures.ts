// The figures a debrief shows for one attempt: speaking time and turns,
// cut-offs and points of order, time over, how fast the room answered each
// inject, and what a trainee did in the two minutes after each tip. Pure,
// from the meeting record, the coaching state and the log.
import type { Tip } from '../coaching/state.ts';
import type { LogEntry } from '../log/entry.ts';
import { type MeetingRecord, speakerKey } from '../meeting/context.ts';
import { activeMs } from '../meeting/minutes-format.ts';
import { type SpeakingFigures, speakingBySpeaker } from '../meeting/speaking.ts';
import type { Scenario } from '../scenario/index.ts';

export const TIP_FOLLOW_UP_MS = 2 * 60 * 1000;

export interface ParticipationFigures extends SpeakingFigures {
  /** `p:<participantId>` or `npc:<roleId>`. */
  key: string;
  participantId?: string;
  roleId: string | null;
}

export interface InjectResponse {
  inject: string;
  firedAt: number;
  respondedAt?: number;
  /** From firing to the response, pauses left out (a pause stops the response window too). */
  responseMs?: number;
  /** Within its respond_within window (undefined when it has none or no answer yet). */
  inTime?: boolean;
}

export interface TipFollowUp {
  tipId: string;
  participantId: string;
  sentAt: number;
  ackAt?: number;
  /** The trainee's own actions in the two minutes after the tip, in order. */
  actions: { at: number; type: string }[];
}

/** Each speaker's figures (shared/meeting/speaking.ts) with the card they spoke for, the most first. */
export function participation(record: MeetingRecord): ParticipationFigures[] {
  const roles = new Map<string, string | null>();
  for (const spoken of [...record.turns, ...record.statements]) {
    const key = speakerKey(spoken.speaker);
    if (!roles.has(key)) roles.set(key, spoken.roleId);
  }
  return Object.entries(speakingBySpeaker(record))
    .map(([key, figures]) => ({
      key,
      ...(key.startsWith('p:') && { participantId: key.slice(2) }),
      roleId: roles.get(key) ?? null,
      ...figures,
    }))
    .sort((a, b) => b.speakingMs - a.speakingMs || a.key.localeCompare(b.key));
}

export function injectResponses(scenario: Scenario, record: MeetingRecord): InjectResponse[] {
  return record.injects.map((fired) => {
    const window = scenario.injects.find((i) => i.id === fired.inject)?.respondWithin;
    // The engine moves a response deadline on by each pause; the minutes leave pauses out too.
    const responseMs =
      fired.respondedAt !== undefined
        ? activeMs(fired.firedAt, fired.respondedAt, record.pauses, fired.respondedAt)
        : undefined;
    return {
      inject: fired.inject,
      firedAt: fired.firedAt,
      ...(fired.respondedAt !== undefined && { respondedAt: fired.respondedAt }),
      ...(responseMs !== undefined && { responseMs }),
      ...(responseMs !== undefined && window !== undefined && { inTime: responseMs <= window * 1000 }),
    };
  });
}

/** For each tip and each of its recipients, what that trainee did in the next two minutes. */
export function tipFollowUps(
  tips: readonly Tip[],
  log: readonly LogEntry[],
  participants: readonly string[],
): TipFollowUp[] {
  const out: TipFollowUp[] = [];
  for (const tip of tips) {
    const recipients = tip.to === 'all' ? participants : [tip.to];
    for (const participantId of recipients) {
      const actions = log
        .filter(
          (e) =>
            e.actor.kind === 'participant' &&
            e.actor.id === participantId &&
            e.at >= tip.sentAt &&
            e.at <= tip.sentAt + TIP_FOLLOW_UP_MS &&
            // Reading and acknowledging the tip itself is not acting on it.
            e.payload.command.type !== 'tip.read' &&
            e.payload.command.type !== 'tip.ack',
        )
        .map((e) => ({ at: e.at, type: e.payload.command.type }));
      const ackAt = tip.receipts[participantId]?.ackAt;
      out.push({
        tipId: tip.id,
        participantId,
        sentAt: tip.sentAt,
        ...(ackAt !== undefined && { ackAt }),
        actions,
      });
    }
  }
  return out;
}

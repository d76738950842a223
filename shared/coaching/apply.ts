// Applying coaching commands. Who may send what, and what the data must
// allow, is the coaching authority's (may-coach.ts: checkCoaching), asked
// here too so a replayed log is held to the same rules; this file adds only
// what needs the full state: an id not used before, and the updates.
import { COACHING_ERRORS, type CoachingErrorCode } from './errors.ts';
import { type CoachingActor, checkCoaching } from './may-coach.ts';
import type { CoachingCommand, CoachingState, Tip } from './state.ts';

export { COACHING_ERRORS, type CoachingErrorCode } from './errors.ts';
export type { CoachingActor } from './may-coach.ts';

export type CoachingResult =
  | { ok: true; state: CoachingState }
  | { ok: false; code: CoachingErrorCode; message: string };

function receipt(
  state: CoachingState,
  tipId: string,
  participantId: string,
  field: keyof Tip['receipts'][string],
  at: number,
) {
  return {
    ...state,
    tips: state.tips.map((t) => {
      if (t.id !== tipId) return t;
      const current = t.receipts[participantId] ?? {};
      if (current[field] !== undefined) return t; // the first time is the one that counts
      return { ...t, receipts: { ...t.receipts, [participantId]: { ...current, [field]: at } } };
    }),
  };
}

/** Where the meeting stands when a coaching command arrives. */
export interface CoachingContext {
  at: number;
  /** The meeting's participant ids: tips, scores and plans are only for them. */
  participants: ReadonlySet<string>;
  /** The agenda item under way, stamped on markers. */
  item: string | null;
  attempt: number;
}

export function applyCoaching(
  state: CoachingState,
  actor: CoachingActor,
  command: CoachingCommand,
  where: CoachingContext,
): CoachingResult {
  const { at, participants, item, attempt } = where;
  const refused = checkCoaching(
    { participants: [...participants].map((id) => ({ id })), tips: state.tips },
    actor,
    command,
  );
  if (refused) return { ok: false, ...refused };
  const coachId = actor.kind === 'observer' ? actor.id : 'facilitator';
  const refuse = (code: CoachingErrorCode, message: string): CoachingResult => ({ ok: false, code, message });
  switch (command.type) {
    case 'observer.join':
      return {
        ok: true,
        state: {
          ...state,
          observers: {
            ...state.observers,
            [command.observerId]: {
              id: command.observerId,
              name: command.name,
              joinedAt: state.observers[command.observerId]?.joinedAt ?? at,
            },
          },
        },
      };
    case 'tip.whisper':
    case 'tip.broadcast': {
      if (state.tips.some((t) => t.id === command.tipId))
        return refuse(COACHING_ERRORS.duplicate, 'a tip with this id exists');
      const tip: Tip = {
        id: command.tipId,
        attempt,
        from: coachId,
        to: command.type === 'tip.whisper' ? command.to : 'all',
        text: command.text,
        sentAt: at,
        receipts: {},
      };
      return { ok: true, state: { ...state, tips: [...state.tips, tip] } };
    }
    case 'tip.delivered':
      return { ok: true, state: receipt(state, command.tipId, command.participantId, 'deliveredAt', at) };
    case 'tip.read':
    case 'tip.ack': {
      // checkCoaching let only a participant who got the tip through.
      const me = actor.kind === 'participant' ? actor.id : '';
      const withRead = receipt(state, command.tipId, me, 'readAt', at);
      return {
        ok: true,
        state: command.type === 'tip.ack' ? receipt(withRead, command.tipId, me, 'ackAt', at) : withRead,
      };
    }
    case 'marker.drop':
      if (state.markers.some((m) => m.id === command.markerId))
        return refuse(COACHING_ERRORS.duplicate, 'a marker with this id exists');
      return {
        ok: true,
        state: {
          ...state,
          markers: [
            ...state.markers,
            {
              id: command.markerId,
              observerId: coachId,
              ...(command.participantId !== undefined && { participantId: command.participantId }),
              competency: command.competency,
              kind: command.kind,
              ...(command.note !== undefined && { note: command.note }),
              shared: command.shared ?? false,
              at,
              item,
              attempt,
            },
          ],
        },
      };
    case 'score.set': {
      const same = (s: CoachingState['scores'][number]) =>
        s.observerId === coachId &&
        s.participantId === command.participantId &&
        s.competency === command.competency &&
        s.attempt === attempt;
      const others = state.scores.filter((s) => !same(s));
      if (command.score === null) return { ok: true, state: { ...state, scores: others } };
      const score = {
        observerId: coachId,
        participantId: command.participantId,
        competency: command.competency,
        attempt,
        score: command.score,
        ...(command.note !== undefined && command.note !== '' && { note: command.note }),
        markerIds: command.markerIds ?? [],
        at,
      };
      return { ok: true, state: { ...state, scores: [...others, score] } };
    }
    case 'plan.add':
      if (state.plan.some((p) => p.id === command.itemId))
        return refuse(COACHING_ERRORS.duplicate, 'a plan item with this id exists');
      return {
        ok: true,
        state: {
          ...state,
          plan: [
            ...state.plan,
            {
              id: command.itemId,
              observerId: coachId,
              participantId: command.participantId,
              attempt,
              text: command.text,
              at,
            },
          ],
        },
      };
    case 'backchannel.say':
      return {
        ok: true,
        state: {
          ...state,
          backchannel: [
            ...state.backchannel,
            { id: command.messageId, observerId: coachId, text: command.text, at },
          ],
        },
      };
  }
}

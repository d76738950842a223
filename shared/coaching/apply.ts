// Applying coaching commands. The host checks who sent what (observers
// coach; a trainee only reads and acknowledges their own tips).
import type { CoachingCommand, CoachingState, Tip } from './state.ts';

export type CoachingActor =
  | { kind: 'observer'; id: string }
  | { kind: 'participant'; id: string }
  | { kind: 'facilitator' }
  | { kind: 'system' };

export const COACHING_ERRORS = {
  forbidden: 'auth/forbidden',
  unknownTip: 'tip/unknown',
  notRecipient: 'tip/not_recipient',
  duplicate: 'command/duplicate_id',
  unknownParticipant: 'seat/unknown_participant',
} as const;
export type CoachingErrorCode = (typeof COACHING_ERRORS)[keyof typeof COACHING_ERRORS];

export type CoachingResult =
  | { ok: true; state: CoachingState }
  | { ok: false; code: CoachingErrorCode; message: string };

const isRecipient = (tip: Tip, participantId: string) => tip.to === 'all' || tip.to === participantId;

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
  const coach = actor.kind === 'observer' || actor.kind === 'facilitator';
  const coachId = actor.kind === 'observer' ? actor.id : 'facilitator';
  const refuse = (code: CoachingErrorCode, message: string): CoachingResult => ({ ok: false, code, message });
  switch (command.type) {
    case 'observer.join':
      if (actor.kind !== 'system') return refuse(COACHING_ERRORS.forbidden, 'the server admits observers');
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
      if (!coach) return refuse(COACHING_ERRORS.forbidden, 'only observers send tips');
      if (state.tips.some((t) => t.id === command.tipId))
        return refuse(COACHING_ERRORS.duplicate, 'a tip with this id exists');
      const to = command.type === 'tip.whisper' ? command.to : 'all';
      if (to !== 'all' && !participants.has(to))
        return refuse(COACHING_ERRORS.unknownParticipant, 'no such trainee');
      const tip: Tip = {
        id: command.tipId,
        attempt,
        from: coachId,
        to,
        text: command.text,
        sentAt: at,
        receipts: {},
      };
      return { ok: true, state: { ...state, tips: [...state.tips, tip] } };
    }
    case 'tip.delivered': {
      if (actor.kind !== 'system') return refuse(COACHING_ERRORS.forbidden, 'the server records deliveries');
      const tip = state.tips.find((t) => t.id === command.tipId);
      if (!tip) return refuse(COACHING_ERRORS.unknownTip, 'no such tip');
      if (!isRecipient(tip, command.participantId))
        return refuse(COACHING_ERRORS.notRecipient, 'not a recipient of this tip');
      return { ok: true, state: receipt(state, tip.id, command.participantId, 'deliveredAt', at) };
    }
    case 'tip.read':
    case 'tip.ack': {
      if (actor.kind !== 'participant')
        return refuse(COACHING_ERRORS.forbidden, 'only the trainee who got the tip can do this');
      const tip = state.tips.find((t) => t.id === command.tipId);
      // The same answer for "no such tip" and "not yours": a trainee learns nothing about others' tips.
      if (!tip || !isRecipient(tip, actor.id)) return refuse(COACHING_ERRORS.unknownTip, 'no such tip');
      const withRead = receipt(state, tip.id, actor.id, 'readAt', at);
      return {
        ok: true,
        state: command.type === 'tip.ack' ? receipt(withRead, tip.id, actor.id, 'ackAt', at) : withRead,
      };
    }
    case 'marker.drop':
      if (!coach) return refuse(COACHING_ERRORS.forbidden, 'only observers drop markers');
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
      if (!coach) return refuse(COACHING_ERRORS.forbidden, 'only observers score');
      if (!participants.has(command.participantId))
        return refuse(COACHING_ERRORS.unknownParticipant, 'no such trainee');
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
      if (!coach) return refuse(COACHING_ERRORS.forbidden, 'only observers write improvement plans');
      if (!participants.has(command.participantId))
        return refuse(COACHING_ERRORS.unknownParticipant, 'no such trainee');
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
      if (!coach) return refuse(COACHING_ERRORS.forbidden, 'the backchannel is for observers');
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

// Who may send which coaching command in one situation, worked out by hand:
// the table tests/shared/coaching/may-coach.test.ts checks the authority on,
// and tests/server/sessions/coaching-authority.test.ts checks the server on.
//
// The situation: a range rubric (1–5) with the competencies mass_work and
// emergency; p1 holds the chair card, p2 has joined without a card, s1 is the
// card owner_a played by the expert o1; tip t1 was whispered to p1, t2
// broadcast to all and already acknowledged by p1.
import type { CoachingCommand } from '../../shared/coaching/state.ts';
import type { Actor } from '../../shared/meeting/commands.ts';

export const ACTORS = {
  observer: { kind: 'observer', id: 'o1' },
  facilitator: { kind: 'facilitator' },
  p1: { kind: 'participant', id: 'p1' },
  p2: { kind: 'participant', id: 'p2' },
  system: { kind: 'system' },
} as const satisfies Record<string, Actor>;
export type ActorName = keyof typeof ACTORS;

/** The id the table gives the card an expert plays (the server derives its own; its test swaps it in). */
export const STAND_IN = 's1';

type Answer = string | null;
export interface Row {
  command: CoachingCommand;
  /** Each actor's answer: null when it may, else the refusal's code. */
  answers: Record<ActorName, Answer>;
}

const F = 'auth/forbidden';
/** Observers and the facilitator get `coach`; trainees and the server are refused. */
const coaches = (coach: Answer): Row['answers'] => ({
  observer: coach,
  facilitator: coach,
  p1: F,
  p2: F,
  system: F,
});
const server = (answer: Answer): Row['answers'] => ({
  observer: F,
  facilitator: F,
  p1: F,
  p2: F,
  system: answer,
});
const trainees = (p1: Answer, p2: Answer): Row['answers'] => ({
  observer: F,
  facilitator: F,
  p1,
  p2,
  system: F,
});

const whisper = (to: string): CoachingCommand => ({ type: 'tip.whisper', tipId: 'new', to, text: 'x' });
const marker = (participantId: string | undefined, competency = 'mass_work'): CoachingCommand => ({
  type: 'marker.drop',
  markerId: 'new',
  ...(participantId !== undefined && { participantId }),
  competency,
  kind: 'strength',
});
const score = (
  participantId: string,
  value: number | 'P' | 'S' | 'M' | 'U' | null,
  competency = 'mass_work',
): CoachingCommand => ({ type: 'score.set', participantId, competency, score: value });
const plan = (participantId: string): CoachingCommand => ({
  type: 'plan.add',
  itemId: 'new',
  participantId,
  text: 'x',
});

export const TABLE: Row[] = [
  // The server's own entries.
  { command: { type: 'observer.join', observerId: 'o2', name: 'X' }, answers: server(null) },
  { command: { type: 'tip.delivered', tipId: 't1', participantId: 'p1' }, answers: server(null) },
  { command: { type: 'tip.delivered', tipId: 't2', participantId: 'p2' }, answers: server(null) },
  {
    command: { type: 'tip.delivered', tipId: 't1', participantId: 'p2' },
    answers: server('tip/not_recipient'),
  },
  { command: { type: 'tip.delivered', tipId: 'tx', participantId: 'p1' }, answers: server('tip/unknown') },
  // Tips: to a trainee, card or not; not to the card an expert plays, nor to nobody.
  { command: whisper('p1'), answers: coaches(null) },
  { command: whisper('p2'), answers: coaches(null) },
  { command: whisper(STAND_IN), answers: coaches('coaching/stand_in') },
  { command: whisper('px'), answers: coaches('seat/unknown_participant') },
  { command: { type: 'tip.broadcast', tipId: 'new', text: 'x' }, answers: coaches(null) },
  // Reading and acknowledging: one's own tips only, "no such tip" either way; an acknowledgement once.
  { command: { type: 'tip.read', tipId: 't1' }, answers: trainees(null, 'tip/unknown') },
  { command: { type: 'tip.read', tipId: 't2' }, answers: trainees(null, null) },
  { command: { type: 'tip.read', tipId: 'tx' }, answers: trainees('tip/unknown', 'tip/unknown') },
  { command: { type: 'tip.ack', tipId: 't1' }, answers: trainees(null, 'tip/unknown') },
  { command: { type: 'tip.ack', tipId: 't2' }, answers: trainees('tip/already_acked', null) },
  { command: { type: 'tip.ack', tipId: 'tx' }, answers: trainees('tip/unknown', 'tip/unknown') },
  // Markers: about the room or a trainee holding a card, on a competency of the rubric.
  { command: marker(undefined), answers: coaches(null) },
  { command: marker('p1'), answers: coaches(null) },
  { command: marker('p1', 'emergency'), answers: coaches(null) },
  { command: marker('p2'), answers: coaches('coaching/no_card') },
  { command: marker(STAND_IN), answers: coaches('coaching/stand_in') },
  { command: marker('px'), answers: coaches('seat/unknown_participant') },
  { command: marker(undefined, 'charm'), answers: coaches('coaching/unknown_competency') },
  { command: marker('p1', 'charm'), answers: coaches('coaching/unknown_competency') },
  // The backchannel is the coaches'.
  { command: { type: 'backchannel.say', messageId: 'new', text: 'x' }, answers: coaches(null) },
  // Scores: a trainee holding a card, a competency of the rubric, a value on its scale (or cleared).
  { command: score('p1', 1), answers: coaches(null) },
  { command: score('p1', 5), answers: coaches(null) },
  { command: score('p1', null), answers: coaches(null) },
  { command: score('p1', 0), answers: coaches('coaching/off_scale') },
  { command: score('p1', 6), answers: coaches('coaching/off_scale') },
  { command: score('p1', 'P'), answers: coaches('coaching/off_scale') },
  { command: score('p1', 3, 'charm'), answers: coaches('coaching/unknown_competency') },
  { command: score('p2', 3), answers: coaches('coaching/no_card') },
  { command: score(STAND_IN, 3), answers: coaches('coaching/stand_in') },
  { command: score('px', 3), answers: coaches('seat/unknown_participant') },
  // "Next time" items: for a trainee holding a card.
  { command: plan('p1'), answers: coaches(null) },
  { command: plan('p2'), answers: coaches('coaching/no_card') },
  { command: plan(STAND_IN), answers: coaches('coaching/stand_in') },
  { command: plan('px'), answers: coaches('seat/unknown_participant') },
];

// The one answer to "may this viewer send this coaching command now, and if
// not, why not", over CoachingFacts (facts.ts): the server asks it before
// applying a coaching command, and every coaching button, hint and list of
// the screens asks it on the facts of their own projected view (the hooks in
// client/src/connection/may-send.ts). No zod here: the trainee's phone loads
// this file to ask whether a tip may still be acknowledged.
//
// Two parts, as for the meeting (shared/meeting/may-send.ts):
// - `checkCoaching`: who may send it and what the data must allow. apply.ts
//   asks it too, so a replayed log is held to the same rules; apply.ts adds
//   only what needs the full state (a fresh id not used before, a delivery's
//   tip).
// - live rules, tighter, for new commands only: a log written before a rule
//   was tightened still replays.
import type { Actor } from '../meeting/commands.ts';
import { type CoachingRefusal, COACHING_ERRORS as E, refuseCoaching as refuse } from './errors.ts';
import type { BaseCoachingFacts, CoachingFacts, TipFact } from './facts.ts';
import type { CoachingCommand } from './state.ts';

export type CoachingActor = Actor;

/** Every coaching command, by type: how the server and the screens tell coaching from the meeting (a test holds it to the schema). */
export const COACHING_TYPES = [
  'observer.join',
  'tip.whisper',
  'tip.broadcast',
  'tip.delivered',
  'tip.read',
  'tip.ack',
  'marker.drop',
  'backchannel.say',
  'score.set',
  'plan.add',
] as const satisfies readonly CoachingCommand['type'][];

const coachingTypes = new Set<string>(COACHING_TYPES);

export const isCoachingCommand = (command: { type: string }): command is CoachingCommand =>
  coachingTypes.has(command.type);

/** Who sends each command: the coaches (observers and the facilitator), the trainee a tip is for, the server. */
export const COACHING_SENDERS: Record<CoachingCommand['type'], 'coach' | 'recipient' | 'server'> = {
  'observer.join': 'server',
  'tip.delivered': 'server',
  'tip.whisper': 'coach',
  'tip.broadcast': 'coach',
  'marker.drop': 'coach',
  'backchannel.say': 'coach',
  'score.set': 'coach',
  'plan.add': 'coach',
  'tip.read': 'recipient',
  'tip.ack': 'recipient',
};

const FORBIDDEN: Record<CoachingCommand['type'], string> = {
  'observer.join': 'the server admits observers',
  'tip.delivered': 'the server records deliveries',
  'tip.whisper': 'only observers send tips',
  'tip.broadcast': 'only observers send tips',
  'marker.drop': 'only observers drop markers',
  'backchannel.say': 'the backchannel is for observers',
  'score.set': 'only observers score',
  'plan.add': 'only observers write improvement plans',
  'tip.read': 'only the trainee who got the tip can do this',
  'tip.ack': 'only the trainee who got the tip can do this',
};

const isCoach = (actor: Actor) => actor.kind === 'observer' || actor.kind === 'facilitator';

function authorizeCoaching(actor: Actor, type: CoachingCommand['type']): CoachingRefusal | null {
  const sender = COACHING_SENDERS[type];
  const allowed =
    sender === 'server'
      ? actor.kind === 'system'
      : sender === 'coach'
        ? isCoach(actor)
        : actor.kind === 'participant';
  return allowed ? null : refuse(E.forbidden, FORBIDDEN[type]);
}

const isRecipient = (tip: Pick<TipFact, 'to'>, participantId: string) =>
  tip.to === 'all' || tip.to === participantId;
const inMeeting = (facts: BaseCoachingFacts, id: string) => facts.participants.some((p) => p.id === id);

/**
 * Who may send it and what the data must allow: the rules a replayed log is
 * held to as well (apply.ts asks this first). Null when the facts allow it.
 */
export function checkCoaching(
  facts: BaseCoachingFacts,
  actor: Actor,
  command: CoachingCommand,
): CoachingRefusal | null {
  const denied = authorizeCoaching(actor, command.type);
  if (denied) return denied;
  switch (command.type) {
    case 'tip.whisper':
      return inMeeting(facts, command.to) ? null : refuse(E.unknownParticipant, 'no such trainee');
    case 'score.set':
    case 'plan.add':
      return inMeeting(facts, command.participantId) ? null : refuse(E.unknownParticipant, 'no such trainee');
    case 'tip.delivered': {
      const tip = facts.tips.find((t) => t.id === command.tipId);
      if (!tip) return refuse(E.unknownTip, 'no such tip');
      return isRecipient(tip, command.participantId)
        ? null
        : refuse(E.notRecipient, 'not a recipient of this tip');
    }
    case 'tip.read':
    case 'tip.ack': {
      const tip = facts.tips.find((t) => t.id === command.tipId);
      // The same answer for "no such tip" and "not yours": a trainee learns nothing about others' tips.
      return tip && isRecipient(tip, actor.kind === 'participant' ? actor.id : '')
        ? null
        : refuse(E.unknownTip, 'no such tip');
    }
    default:
      return null;
  }
}

/**
 * A trainee in the meeting, not a card an expert plays: whom tips are for.
 * Markers, scores and plans are about what someone did with a card, so they
 * also need the card (`withCard`).
 */
function checkCoachee(
  facts: CoachingFacts,
  participantId: string,
  what: string,
  withCard: boolean,
): CoachingRefusal | null {
  const seat = facts.participants.find((p) => p.id === participantId);
  if (!seat) return refuse(E.unknownParticipant, 'no such trainee');
  if (seat.playedBy !== undefined)
    return refuse(E.standIn, `an expert plays this card; ${what} are for trainees`);
  if (withCard && seat.roleId === null)
    return refuse(E.noCard, `this trainee holds no card; ${what} are about a card's part in the meeting`);
  return null;
}

function checkCompetency(facts: CoachingFacts, competency: string): CoachingRefusal | null {
  return facts.rubric.competencies.some((c) => c.id === competency)
    ? null
    : refuse(E.unknownCompetency, `no competency "${competency}" in this scenario's rubric`);
}

function checkScale(
  facts: CoachingFacts,
  score: CoachingCommand & { type: 'score.set' },
): CoachingRefusal | null {
  const value = score.score;
  if (value === null) return null;
  const scale = facts.rubric.scale;
  if (scale.kind === 'psmu')
    return typeof value === 'string' ? null : refuse(E.offScale, 'this rubric scores P, S, M or U');
  return typeof value === 'number' && value >= scale.min && value <= scale.max
    ? null
    : refuse(E.offScale, `this rubric scores from ${scale.min} to ${scale.max}`);
}

/** Rules for live commands only, tighter than what replays. */
function liveRules(facts: CoachingFacts, actor: Actor, command: CoachingCommand): CoachingRefusal | null {
  switch (command.type) {
    case 'tip.whisper':
      return checkCoachee(facts, command.to, 'tips', false);
    case 'marker.drop':
      return (
        (command.participantId === undefined
          ? null
          : checkCoachee(facts, command.participantId, 'markers', true)) ??
        checkCompetency(facts, command.competency)
      );
    case 'score.set':
      return (
        checkCoachee(facts, command.participantId, 'scores', true) ??
        checkCompetency(facts, command.competency) ??
        checkScale(facts, command)
      );
    case 'plan.add':
      return checkCoachee(facts, command.participantId, 'improvement plans', true);
    case 'tip.ack': {
      const me = actor.kind === 'participant' ? actor.id : '';
      return facts.tips.find((t) => t.id === command.tipId)?.acked.includes(me)
        ? refuse(E.alreadyAcked, 'you have acknowledged this tip already')
        : null;
    }
    default:
      return null;
  }
}

/**
 * May `actor` send this coaching command now? Null when it may; otherwise the
 * refusal the server would answer with (code and message).
 */
export function mayCoach(
  facts: CoachingFacts,
  actor: Actor,
  command: CoachingCommand,
): CoachingRefusal | null {
  return checkCoaching(facts, actor, command) ?? liveRules(facts, actor, command);
}

// One trainee's own part of the live view: their card, private handouts,
// tips, plan, ballot, the owners they cast for and the injects their card
// received. Built apart from the view every trainee shares, and rebuilt only
// when something it reads has changed.
import type { CoachingState } from '../coaching/state.ts';
import type { ElectorateBallot } from '../meeting/electorate.ts';
import type { Scenario } from '../scenario/index.ts';
import { receivedInjects } from './live-injects.ts';
import type { LiveInput } from './live-input.ts';
import { cardView, handoutView } from './scenario-public.ts';
import type { LiveView, OwnBallotOwner, TipView } from './types.ts';

function tipsFor(coaching: CoachingState, participantId: string): TipView[] {
  return coaching.tips
    .filter((t) => t.to === participantId || t.to === 'all')
    .map((t) => {
      const receipt = t.receipts[participantId];
      return {
        id: t.id,
        text: t.text,
        sentAt: t.sentAt,
        broadcast: t.to === 'all',
        ...(receipt?.readAt !== undefined && { readAt: receipt.readAt }),
        ...(receipt?.ackAt !== undefined && { ackAt: receipt.ackAt }),
      };
    });
}

/** A trainee's own part of the live view: their card, private handouts, tips, ballot and the injects their card received. */
export type OwnPart = Required<Pick<LiveView, 'me' | 'injects'>>;

/** The keys of the live view that belong to one trainee; the shared trainee view never changes them. */
export const OWN_KEYS = ['me', 'injects'] as const satisfies readonly (keyof OwnPart)[];

export function ownPart(input: LiveInput, participantId: string): OwnPart {
  const ctx = input.meeting.context;
  const participant = ctx.participants[participantId];
  const roleId = participant?.roleId ?? null;
  const role = roleId ? input.scenario.roles.find((r) => r.id === roleId) : undefined;
  const card = role ? cardView(role) : null;
  const ballot = ctx.item?.ballot;
  const mine = ballot ? (ballot.votes[participantId] ?? ballot.choices[participantId]) : undefined;
  const owners = ownOwners(input.scenario, ballot?.electorate, participantId);
  return {
    injects: receivedInjects(input.scenario, ctx, roleId),
    me: {
      participantId,
      name: participant?.name ?? '',
      card,
      handouts: roleId
        ? input.scenario.handouts.filter((h) => h.to !== 'all' && h.to.includes(roleId)).map(handoutView)
        : [],
      tips: tipsFor(input.coaching, participantId),
      plan: input.coaching.plan
        .filter((p) => p.participantId === participantId && p.attempt < ctx.attempt)
        .map((p) => ({ id: p.id, attempt: p.attempt, text: p.text })),
      ...(mine !== undefined && { ballot: mine }),
      ...(owners && { owners }),
    },
  };
}

/** The owners a seat casts for in an open vote of the electorate, with their own ballots. */
function ownOwners(
  scenario: Scenario,
  eb: ElectorateBallot | undefined,
  participantId: string,
): OwnBallotOwner[] | undefined {
  const electorate = scenario.electorate;
  if (!eb || !electorate || !Object.hasOwn(eb.seats, participantId)) return undefined;
  return (eb.seats[participantId] ?? []).flatMap((id) => {
    const owner = electorate.owners.find((o) => o.id === id);
    if (!owner) return [];
    const cast = Object.hasOwn(eb.ballots, id) ? eb.ballots[id] : undefined;
    return [
      {
        id,
        name: owner.name,
        flats: owner.flats,
        area_m2: owner.area_m2,
        proxy: eb.proxies.includes(id),
        ...(cast && { source: cast.source }),
        // A paper ballot for an owner this seat sits for: that it came in, not what it says.
        ...(cast?.source === 'room' && { mine: cast.choices ?? cast.choice }),
      },
    ];
  });
}

/**
 * Everything ownPart reads. State is never mutated in place, so while each
 * of these is the same object as before, the trainee's own part is unchanged
 * and need not be rebuilt (a fan-out checks this for every trainee).
 */
export function ownPartDependencies(input: LiveInput, participantId: string): readonly unknown[] {
  const ctx = input.meeting.context;
  return [
    input.scenario,
    ctx.participants[participantId],
    ctx.item?.ballot,
    ctx.record.injects,
    ctx.attempt,
    input.coaching.tips,
    input.coaching.plan,
  ];
}

/** Adds one trainee's own part to the shared trainee view. */
export function personalize(shared: LiveView, input: LiveInput, participantId: string): LiveView {
  return { ...shared, ...ownPart(input, participantId) };
}

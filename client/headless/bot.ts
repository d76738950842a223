// A simulated trainee: looks at its projected view and decides what a
// reasonable participant would do next. The chair bot also runs the
// procedure — gives the floor, opens and closes votes, moves on — so a room
// of bots carries a meeting to its end. Decisions are seeded, so a run repeats.
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import type { LiveView, StaticView } from '../../shared/views/types.ts';
import type { HeadlessClient } from './client.ts';

export interface BotOptions {
  random: () => number;
  /** Milliseconds between a bot's decisions. */
  pace?: number;
  /** How long a speaker holds the floor, in ms. */
  speakMs?: number;
}

type Item = Extract<StaticView, { kind: 'public' }>['scenario']['agenda'][number];

function itemOf(staticView: StaticView | undefined, live: LiveView): Item | undefined {
  return live.item ? staticView?.scenario.agenda[live.item.index] : undefined;
}

/** The next command for this trainee, or null to wait. */
export function decide(
  staticView: StaticView | undefined,
  live: LiveView,
  random: () => number,
  now: number,
  speakMs: number,
): AnyCommand | null {
  const me = live.me;
  if (!me) return null;
  const roles = staticView?.scenario.roles ?? [];
  if (!me.card) {
    if (live.phase !== 'lobby' && live.phase !== 'briefing') return null;
    // Take the card that most needs a holder, then any with room.
    const counts = new Map<string, number>();
    for (const p of live.participants) if (p.roleId) counts.set(p.roleId, (counts.get(p.roleId) ?? 0) + 1);
    const open = roles.filter((r) => !r.npc && (counts.get(r.id) ?? 0) < r.seats.max);
    const needed = open.filter((r) => (counts.get(r.id) ?? 0) < Math.max(r.seats.min, r.required ? 1 : 0));
    const choice = needed[0] ?? open[Math.floor(random() * open.length)];
    return choice ? { type: 'card.take', roleId: choice.id } : null;
  }
  const unacked = me.tips.find((t) => t.ackAt === undefined);
  if (unacked) return { type: 'tip.ack', tipId: unacked.id };
  const chair = roles.find((r) => r.id === me.card?.id)?.chair === true;
  if (live.phase === 'briefing') return chair ? { type: 'meeting.begin' } : null;
  if (live.phase !== 'running' || !live.item) return null;
  const item = itemOf(staticView, live);
  const floor = live.item.floor;
  const holding = floor?.speaker.kind === 'participant' && floor.speaker.id === me.participantId;
  if (holding && floor) {
    const said = live.record.statements.some(
      (s) => s.at >= floor.since && s.speaker.kind === 'participant' && s.speaker.id === me.participantId,
    );
    if (!said) return { type: 'statement.post', text: `${me.name}: on ${live.item.id}` };
    return now - floor.since >= speakMs ? { type: 'floor.yield' } : null;
  }
  const ballot = live.item.ballot;
  if (ballot?.open && ballot.voters.includes(me.participantId) && me.ballot === undefined) {
    if (ballot.kind === 'vote') {
      const r = random();
      return { type: 'vote.cast', choice: r < 0.7 ? 'yes' : r < 0.9 ? 'no' : 'abstain' };
    }
    const max = item?.kind === 'election' ? item.maxChoices : 1;
    const shuffled = [...ballot.candidates].sort(() => random() - 0.5);
    return {
      type: 'election.cast',
      choices: shuffled.slice(0, Math.max(1, Math.floor(random() * (max + 1)))),
    };
  }
  if (chair) return chairMove(live, item, now, random, speakMs);
  const queued = live.item.queue.some(
    (e) => e.speaker.kind === 'participant' && e.speaker.id === me.participantId,
  );
  const canRaise =
    item &&
    ['speakers', 'open_floor', 'qa'].includes(item.kind) &&
    !(item.kind === 'speakers' && Array.isArray(item.order));
  if (canRaise && !queued && (live.record.turnsByItem[live.item.id] ?? 0) < 6 && random() < 0.3) {
    return { type: 'hand.raise' };
  }
  if (
    item?.kind === 'signup' &&
    !live.record.signups.some((s) => s.participant === me.participantId) &&
    random() < 0.5
  ) {
    return { type: 'signup.commit', ask: Math.floor(random() * item.asks.length) };
  }
  if (random() < 0.05)
    return {
      type: 'mood.show',
      mood: (['agree', 'unsure', 'disagree'] as const)[Math.floor(random() * 3)] ?? null,
    };
  return null;
}

function chairMove(
  live: LiveView,
  item: Item | undefined,
  now: number,
  random: () => number,
  speakMs: number,
): AnyCommand | null {
  const state = live.item;
  if (!state || !item) return null;
  const elapsed = now - state.startedAt;
  if (state.ballot) {
    if (!state.ballot.open && !state.ballot.closed) {
      if (
        item.kind === 'election' &&
        item.candidates === 'nominate' &&
        state.ballot.nominations.length < item.seats
      ) {
        const pick = live.participants.filter(
          (p) => p.roleId && !state.ballot?.nominations.includes(p.id),
        )[0];
        return pick ? { type: 'candidate.nominate', participantId: pick.id } : { type: 'item.next' };
      }
      return { type: 'vote.open' };
    }
    if (state.ballot.open) {
      const everyone = state.ballot.castCount >= state.ballot.voters.length;
      return everyone || elapsed > 60_000 ? { type: 'vote.close' } : null;
    }
    return { type: 'item.next' };
  }
  // A speaker past their time, or an NPC nobody is voicing, is cut off.
  if (state.floor)
    return state.floor.timeUpAt !== undefined || now - state.floor.since > speakMs * 3
      ? { type: 'floor.cut' }
      : null;
  if (state.queue.length > 0) return { type: 'floor.give' };
  if (item.kind === 'actions' && !live.record.actions.some((a) => a.item === item.id)) {
    return { type: 'action.record', kind: 'decision', what: 'Proceed as discussed' };
  }
  // Give the room a moment to raise hands before moving on.
  const settle =
    item.kind === 'open_floor' || item.kind === 'qa' || item.kind === 'speakers' || item.kind === 'signup'
      ? 1500
      : 300;
  return elapsed > settle + random() * 500 ? { type: 'item.next' } : null;
}

/** Runs one bot until the meeting reaches closed or debrief, or `signal` aborts. */
export async function runBot(
  client: HeadlessClient,
  options: BotOptions,
  signal?: AbortSignal,
): Promise<{ commands: number; refused: number }> {
  let commands = 0;
  let refused = 0;
  const pace = options.pace ?? 200;
  while (!signal?.aborted) {
    const live = client.live;
    if (live && (live.phase === 'closed' || live.phase === 'debrief')) break;
    const command = live
      ? decide(
          client.static,
          live,
          options.random,
          live.serverNow + (Date.now() - client.receivedAt),
          options.speakMs ?? 600,
        )
      : null;
    if (command) {
      commands++;
      const ack = await client.send(command).catch(() => ({ ok: false as const }));
      if (!ack.ok) refused++;
    }
    await new Promise((r) => setTimeout(r, pace * (0.5 + options.random())));
  }
  return { commands, refused };
}

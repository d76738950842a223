// The log as one viewer may read it: history, catch-up after being offline,
// and the debrief timeline. Observers are invisible to trainees, so their
// actions appear as the host's (or as the NPC they voiced); coaching appears
// only as the trainee's own tips; secret ballots lose their choices.
import type { LogEntry } from '../log/entry.ts';
import type { Scenario } from '../scenario/index.ts';
import type { Audience, TimelineEntry } from './types.ts';

export interface TimelineViewer {
  audience: Audience;
  /** For trainees: who they are, and which card they hold (for private injects). */
  participantId?: string;
  roleId?: string | null;
}

/**
 * Meeting commands a trainee never sees in the log: the host's own settings
 * and bookkeeping, and handing a card to an expert (the room sees the card
 * held, by its character; what the stand-in then does is logged as its seat's).
 */
const HIDDEN_FROM_ROOM = new Set([
  'inject.respond',
  'settings.update',
  'card.assign_expert',
  'card.release_expert',
]);

function byFor(entry: LogEntry, open: boolean): TimelineEntry['by'] {
  const { actor, payload } = entry;
  if (payload.kind === 'meeting' && payload.command.type === 'npc.say')
    return { kind: 'npc', roleId: payload.command.roleId };
  if (actor.kind === 'participant') return { kind: 'participant', id: actor.id };
  if (actor.kind === 'system') return { kind: 'system' };
  if (actor.kind === 'observer' && open) return { kind: 'observer', id: actor.id };
  return { kind: 'host' };
}

function isSecretBallot(scenario: Scenario, itemId: string | null): boolean {
  const item = scenario.agenda.find((i) => i.id === itemId);
  return (item?.kind === 'vote' || item?.kind === 'election') && item.ballot === 'secret';
}

export function projectEntry(
  scenario: Scenario,
  entry: LogEntry,
  viewer: TimelineViewer,
): TimelineEntry | null {
  const open = viewer.audience === 'observer' || viewer.audience === 'facilitator';
  const { type, ...fields } = entry.payload.command;
  const base = { seq: entry.seq, at: entry.at, by: byFor(entry, open), type };
  if (open) return { ...base, data: fields };

  if (entry.payload.kind === 'coaching') {
    const command = entry.payload.command;
    const me = viewer.participantId;
    if (viewer.audience !== 'trainee' || me === undefined) return null;
    if ((command.type === 'tip.whisper' && command.to === me) || command.type === 'tip.broadcast') {
      return { ...base, by: { kind: 'host' }, data: { tipId: command.tipId, text: command.text } };
    }
    if (
      (command.type === 'tip.read' || command.type === 'tip.ack') &&
      entry.actor.kind === 'participant' &&
      entry.actor.id === me
    ) {
      return { ...base, data: { tipId: command.tipId } };
    }
    return null;
  }

  const command = entry.payload.command;
  if (HIDDEN_FROM_ROOM.has(command.type)) return null;
  if (command.type === 'inject.fire') {
    const inject = scenario.injects.find((i) => i.id === command.injectId);
    const roleId = viewer.roleId ?? null;
    const addressed =
      inject &&
      (inject.to === 'all' || (Array.isArray(inject.to) && roleId !== null && inject.to.includes(roleId)));
    return addressed ? { ...base, data: { injectId: inject.id, title: inject.title } } : null;
  }
  if (
    (command.type === 'vote.cast' || command.type === 'election.cast') &&
    isSecretBallot(scenario, entry.payload.item)
  ) {
    return { ...base, data: {} };
  }
  // The console's paper ballots of a secret vote: that a flat's ballot came in, not what it says.
  if (command.type.startsWith('ballot.') && isSecretBallot(scenario, entry.payload.item)) {
    return { ...base, data: 'flat' in command ? { flat: command.flat } : {} };
  }
  return { ...base, data: fields };
}

export function projectTimeline(
  scenario: Scenario,
  entries: readonly LogEntry[],
  viewer: TimelineViewer,
): TimelineEntry[] {
  return entries.flatMap((entry) => {
    const projected = projectEntry(scenario, entry, viewer);
    return projected ? [projected] : [];
  });
}

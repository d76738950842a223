// What every trainee component reads: the live view, the trainee's own part,
// the public scenario and the current item, gathered once by TraineeApp.
import { createContext, useContext } from 'react';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import type { QueueEntry } from '../../../shared/meeting/context.ts';
import { takesHands } from '../../../shared/meeting/floor.ts';
import type { AnyCommand, CommandAck } from '../../../shared/protocol/messages.ts';
import type { PublicItem, PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView, StaticView, TraineeSelf } from '../../../shared/views/types.ts';

export interface Trainee {
  live: LiveView;
  me: TraineeSelf;
  scenario: PublicScenario;
  staticView: StaticView;
  /** The agenda item under way, if any. */
  item: PublicItem | undefined;
  isChair: boolean;
  send(command: AnyCommand): Promise<CommandAck>;
  /** Switch the trainee's view (meeting, card, tips). */
  show(tab: Tab): void;
}

export type Tab = 'meeting' | 'card' | 'tips';

export const TraineeContext = createContext<Trainee | null>(null);

export function useTrainee(): Trainee {
  const value = useContext(TraineeContext);
  if (!value) throw new Error('useTrainee outside TraineeApp');
  return value;
}

export const isMe = (speaker: Speaker | undefined, me: TraineeSelf): boolean =>
  speaker?.kind === 'participant' && speaker.id === me.participantId;

/** 1-based place in the speakers list, or 0 when not queued (a point of order counts as its own entry). */
export function queuePlace(queue: readonly QueueEntry[], me: TraineeSelf): number {
  return queue.findIndex((e) => isMe(e.speaker, me)) + 1;
}

/** Why the trainee may not raise a hand in this item, or null when they may. */
export function handBlock(item: PublicItem | undefined): 'no_floor' | 'fixed_list' | null {
  if (!hasFloor(item)) return 'no_floor';
  return takesHands(item) ? null : 'fixed_list';
}

export const hasFloor = (item: PublicItem | undefined): boolean =>
  item !== undefined && ['statement', 'speakers', 'open_floor', 'qa'].includes(item.kind);

export { clocksStopAt as frozenAt } from '../ui/clock.ts';

/** A short random id (getRandomValues: randomUUID exists only in a secure context, not over plain http). */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');

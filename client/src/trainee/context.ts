// What every trainee component reads: the live view, the trainee's own part,
// the public scenario and the current item, gathered once by TraineeApp.
import { createContext, useContext } from 'react';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import type { QueueEntry } from '../../../shared/meeting/context.ts';
import type { AnyCommand, CommandAck } from '../../../shared/protocol/messages.ts';
import type { PublicItem, PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView, StaticView, TraineeSelf } from '../../../shared/views/types.ts';
import type { MayFn } from '../connection/may-send.ts';

export interface Trainee {
  live: LiveView;
  me: TraineeSelf;
  scenario: PublicScenario;
  staticView: StaticView;
  /** The agenda item under way, if any. */
  item: PublicItem | undefined;
  isChair: boolean;
  /** What the authority (shared/meeting/may-send.ts) says of a command from this trainee now. */
  may: MayFn;
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

// Coaching from the single-sided screen: tips whispered to one trainee or
// broadcast to all, expert markers, and the observers' backchannel. Kept
// beside the meeting (not inside its machine) because it never changes the
// meeting's procedure; pure, so it replays from the log like the meeting does.
import { z } from 'zod';

const text = z.string().trim().min(1).max(1000);
const id = z.string().min(1).max(64);

export const coachingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('observer.join'), observerId: id, name: z.string().trim().min(1).max(40) }),
  z.object({ type: z.literal('tip.whisper'), tipId: id, to: id, text }),
  z.object({ type: z.literal('tip.broadcast'), tipId: id, text }),
  z.object({ type: z.literal('tip.delivered'), tipId: id, participantId: id }),
  z.object({ type: z.literal('tip.read'), tipId: id }),
  z.object({ type: z.literal('tip.ack'), tipId: id }),
  z.object({
    type: z.literal('marker.drop'),
    markerId: id,
    participantId: id.optional(),
    competency: id,
    kind: z.enum(['strength', 'needs_work']),
    note: z.string().trim().max(1000).optional(),
    shared: z.boolean().optional(),
  }),
  z.object({ type: z.literal('backchannel.say'), messageId: id, text }),
  z.object({
    type: z.literal('score.set'),
    participantId: id,
    competency: id,
    /** A number on the scenario's scale, or P/S/M/U on the psmu scale; null clears it. */
    score: z.union([z.number().int().min(0).max(100), z.enum(['P', 'S', 'M', 'U'])]).nullable(),
    note: z.string().trim().max(1000).optional(),
    markerIds: z.array(id).max(50).optional(),
  }),
  z.object({ type: z.literal('plan.add'), itemId: id, participantId: id, text }),
]);
export type CoachingCommand = z.infer<typeof coachingCommandSchema>;

export interface TipReceipt {
  deliveredAt?: number;
  readAt?: number;
  ackAt?: number;
}

export interface Tip {
  id: string;
  attempt: number;
  from: string;
  /** A participant id, or 'all' for a broadcast hint. */
  to: string;
  text: string;
  sentAt: number;
  /** Per recipient: when the tip reached their screen, was read, was acknowledged. */
  receipts: Record<string, TipReceipt>;
}

export interface Marker {
  id: string;
  observerId: string;
  participantId?: string;
  competency: string;
  kind: 'strength' | 'needs_work';
  note?: string;
  /** Shown to the trainee in their debrief when true. */
  shared: boolean;
  at: number;
  /** The agenda item under way when it was dropped. */
  item: string | null;
  attempt: number;
}

export interface BackchannelMessage {
  id: string;
  observerId: string;
  text: string;
  at: number;
}

export interface Score {
  observerId: string;
  participantId: string;
  competency: string;
  attempt: number;
  score: number | 'P' | 'S' | 'M' | 'U';
  note?: string;
  markerIds: string[];
  at: number;
}

/** An expert's "next time" item for one trainee: shown to them when the next attempt starts. */
export interface PlanItem {
  id: string;
  observerId: string;
  participantId: string;
  attempt: number;
  text: string;
  at: number;
}

export interface CoachingState {
  observers: Record<string, { id: string; name: string; joinedAt: number }>;
  tips: Tip[];
  markers: Marker[];
  backchannel: BackchannelMessage[];
  scores: Score[];
  plan: PlanItem[];
}

export const emptyCoaching = (): CoachingState => ({
  observers: {},
  tips: [],
  markers: [],
  backchannel: [],
  scores: [],
  plan: [],
});

// The numbers a viewer receives (shared/views/numbering.ts says what they
// mean): an index per session of the log entries each sequence shows, kept
// up to date as the log grows, so that a number and a session seq can be
// turned into each other in O(log n). One for each audience's room (the
// live view's seq, patches, acks) and one for each trainee's own timeline
// (history, missed entries, state_at, the debrief's timeline). Observers
// and the facilitator see every entry: their numbers are the session's.
import type { LogEntry } from '../../shared/log/entry.ts';
import { endsAttempt, type SequenceViewer, seesEverything, shows } from '../../shared/views/numbering.ts';
import type { Audience } from '../../shared/views/types.ts';
import type { SessionHost } from '../sessions/session-host.ts';

/** The entries one viewer's sequence shows, by session seq: entry number n is `seqs[n - 1]`. */
export interface Sequence {
  /** How many entries the sequence has now. */
  count(): number;
  /** How many of its entries are at or before this session seq. */
  numberAt(sessionSeq: number): number;
  /** The session seq of entry number n (0 for 0; the last entry's for a number past the end). */
  sessionSeqOf(n: number): number;
  /** The attempt entry number n belongs to. */
  attemptOf(n: number): number;
}

class Everything implements Sequence {
  constructor(private readonly host: SessionHost) {}
  count = () => this.host.lastSeq;
  numberAt = (sessionSeq: number) => Math.max(0, Math.min(sessionSeq, this.host.lastSeq));
  sessionSeqOf = (n: number) => this.numberAt(n);
  attemptOf = () => 0; // observers' projection does not depend on the attempt
}

class Indexed implements Sequence {
  private readonly seqs: number[] = [];
  private readonly attempts: number[] = [];
  private scanned = 0;
  private attempt = 1;

  constructor(
    private readonly host: SessionHost,
    private readonly visible: (entry: LogEntry, attempt: number) => boolean,
  ) {}

  /** Reads the entries logged since it last looked. */
  private catchUp(): void {
    if (this.host.lastSeq <= this.scanned) return;
    for (const entry of this.host.log(this.scanned)) {
      if (this.visible(entry, this.attempt)) {
        this.seqs.push(entry.seq);
        this.attempts.push(this.attempt);
      }
      if (endsAttempt(entry)) this.attempt++;
      this.scanned = entry.seq;
    }
  }

  count(): number {
    this.catchUp();
    return this.seqs.length;
  }

  numberAt(sessionSeq: number): number {
    this.catchUp();
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.seqs[mid] as number) <= sessionSeq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  sessionSeqOf(n: number): number {
    const count = this.count();
    return n <= 0 || count === 0 ? 0 : (this.seqs[Math.min(n, count) - 1] as number);
  }

  attemptOf(n: number): number {
    this.catchUp();
    return this.attempts[Math.max(0, n - 1)] ?? this.attempt;
  }
}

interface Indexes {
  generation: object;
  everything: Everything;
  rooms: Map<Audience, Indexed>;
  /** One per trainee, for the card it holds now (another card: another index). */
  trainees: Map<string, { card: string; index: Indexed }>;
}

const bySession = new WeakMap<SessionHost, Indexes>();

function indexesOf(host: SessionHost): Indexes {
  let found = bySession.get(host);
  if (!found || found.generation !== host.logGeneration) {
    found = {
      generation: host.logGeneration,
      everything: new Everything(host),
      rooms: new Map(),
      trainees: new Map(),
    };
    bySession.set(host, found);
  }
  return found;
}

const showsTo = (host: SessionHost, viewer: SequenceViewer) => (entry: LogEntry, attempt: number) =>
  shows(host.scenario, host.context, viewer, entry, attempt);

/** The room's sequence for an audience: what every member of it sees (the live view's seq). */
export function roomSequence(host: SessionHost, audience: Audience): Sequence {
  const indexes = indexesOf(host);
  if (seesEverything(audience)) return indexes.everything;
  let room = indexes.rooms.get(audience);
  if (!room) {
    room = new Indexed(host, showsTo(host, { audience }));
    indexes.rooms.set(audience, room);
  }
  return room;
}

/** One viewer's own timeline: for a trainee, the room's entries and its own (tips, its card's injects). */
export function viewerSequence(host: SessionHost, viewer: SequenceViewer): Sequence {
  const { audience, participantId } = viewer;
  if (audience !== 'trainee' || participantId === undefined) return roomSequence(host, audience);
  const indexes = indexesOf(host);
  // Earlier attempts' cards are settled; the current one's may change, and with it what the trainee sees.
  const card = `${host.context.attempt}|${host.context.participants[participantId]?.roleId ?? ''}`;
  let held = indexes.trainees.get(participantId);
  if (held?.card !== card) {
    held = { card, index: new Indexed(host, showsTo(host, viewer)) };
    indexes.trainees.set(participantId, held);
  }
  return held.index;
}

// Updates travel in two streams, so that sending costs what a plain relay's
// does. The SHARED stream carries what every member of one audience sees
// (the trainee view without anyone's own part, the observers' view, the
// projector's): one projection, one diff, one Socket.IO broadcast to the
// audience's room — encoded once however many members it has. The OWN
// stream carries a trainee's own part (`me`, the injects their card
// received) to that trainee alone, and only when it changed.
import type { ViewPatchMessage } from '../../shared/protocol/messages.ts';
import type { LiveInput } from '../../shared/views/live-input.ts';
import { type OwnPart, ownPartDependencies } from '../../shared/views/own-part.ts';
import { diff, type Patch } from '../../shared/views/patch.ts';
import type { Audience, LiveView } from '../../shared/views/types.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import { roomSequence } from './numbering.ts';
import { sharedLive } from './views.ts';

/**
 * One audience of one session. `view` is what its members last received;
 * its seq is its place in the room's sequence (how many entries an anonymous
 * member of the audience may see), so no number betrays activity hidden from it.
 */
export class SharedStream {
  view: LiveView;
  /** The projection `view` was made from (before its clock was set): unchanged projection, nothing to send. */
  private projected: LiveView;

  constructor(
    readonly host: SessionHost,
    readonly audience: Audience,
    /** The Socket.IO room its members are in. */
    readonly room: string,
    input: LiveInput,
  ) {
    this.projected = sharedLive(host, audience, input);
    this.view = { ...this.projected, serverNow: input.now, seq: this.seenUpTo() };
  }

  /** The patch that brings the audience up to date, or undefined when nothing it sees changed. */
  advance(input: LiveInput): ViewPatchMessage | undefined {
    const base = this.view.seq;
    const seq = this.seenUpTo();
    const projected = sharedLive(this.host, this.audience, input);
    if (projected === this.projected && seq === base) return undefined;
    this.projected = projected;
    const next = { ...projected, serverNow: input.now, seq };
    const patch = diff(this.view, next);
    // Activity hidden from this audience (an observer joining, coaching) moved
    // only the clock: send nothing, so the room cannot even tell it happened.
    if (seq === base && (patch === undefined || onlyClock(patch))) return undefined;
    this.view = next;
    return { part: 'shared', base, seq, patch: patch ?? {} };
  }

  /** The room's number of the session's latest entry: how far this audience's view has come. */
  private seenUpTo(): number {
    return roomSequence(this.host, this.audience).count();
  }
}

/** One trainee's own part, as that trainee last received it. */
export class OwnStream {
  view: OwnPart;
  /** Counts this trainee's own updates (not log entries: nothing to infer from it). */
  seq = 0;
  private dependencies: readonly unknown[];

  constructor(
    readonly participantId: string,
    input: LiveInput,
    private readonly project: SessionHost['projection']['own'],
  ) {
    this.view = project(input, participantId);
    this.dependencies = ownPartDependencies(input, participantId);
  }

  advance(input: LiveInput): ViewPatchMessage | undefined {
    const dependencies = ownPartDependencies(input, this.participantId);
    if (dependencies.every((d, i) => d === this.dependencies[i])) return undefined;
    this.dependencies = dependencies;
    const next = this.project(input, this.participantId);
    const patch = diff(this.view, next);
    if (!patch) return undefined;
    this.view = next;
    const base = this.seq++;
    return { part: 'own', base, seq: this.seq, patch };
  }
}

const onlyClock = (patch: Patch): boolean =>
  typeof patch === 'object' && patch !== null && Object.keys(patch).every((key) => key === 'serverNow');

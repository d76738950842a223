// Who is connected to which session, and the fan-out that keeps them up to
// date. Each session's members are grouped by audience; each audience has
// one shared stream (a Socket.IO room, one broadcast per change) and each
// trainee an own stream (streams.ts). Changes are coalesced: one fan-out
// per session per group commit (presence changes: within 100 ms).
//
// A fan-out runs on a microtask or a timer, where an exception would be
// uncaught: it is caught per session, and stops that session only
// (SessionHost.fail). Its members are told (notice session_failed), and
// told again when the instructor has reloaded it (session_recovered).
import type { Server, Socket } from 'socket.io';
import type { CoachingState } from '../../shared/coaching/state.ts';
import { releasedCoaching } from '../../shared/debrief/release.ts';
import { debriefStamp } from '../../shared/debrief/stamp.ts';
import { type Notice, SERVER_EVENTS, type ViewPatchMessage } from '../../shared/protocol/messages.ts';
import type { LiveInput } from '../../shared/views/live-input.ts';
import type { Audience, LiveView } from '../../shared/views/types.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { Change } from '../sessions/host-types.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import type { Connection } from './identify.ts';
import { OwnStream, SharedStream } from './streams.ts';

/** How long a presence-only change may wait for others to join it, in ms. */
export const PRESENCE_DELAY_MS = 100;

export interface Member {
  connection: Connection;
  socket: Socket;
  shared: SharedStream;
  own?: OwnStream;
  /** A trainee's: what their debrief showed of the coaching state when last compared (debrief/stamp.ts). */
  debriefStamp?: string;
}

interface SessionRoom {
  members: Set<Member>;
  streams: Map<Audience, SharedStream>;
  /** The coaching state the trainees' debrief stamps were last compared against. */
  coaching?: CoachingState;
}

export class SessionRooms {
  private readonly sessions = new Map<SessionHost, SessionRoom>();
  private readonly scheduled = new Set<SessionHost>();
  /** Presence-only changes waiting (PRESENCE_DELAY_MS) to go out with the next fan-out. */
  private readonly presence = new Map<SessionHost, NodeJS.Timeout>();

  constructor(private readonly io: Server) {}

  /** Adds a connection to its session's rooms; its first view comes from `viewOf`. */
  join(connection: Connection, socket: Socket): Member {
    const { host, audience, viewer } = connection;
    let session = this.sessions.get(host);
    if (!session) {
      session = { members: new Set(), streams: new Map() };
      this.sessions.set(host, session);
      host.subscribe((change) => this.schedule(host, change));
    }
    const input = host.liveInput();
    let shared = session.streams.get(audience);
    if (!shared) {
      shared = new SharedStream(host, audience, `${host.id}/${audience}`, input);
      session.streams.set(audience, shared);
    }
    void socket.join(shared.room);
    const member: Member = {
      connection,
      socket,
      shared,
      ...(viewer.kind === 'trainee' && {
        own: new OwnStream(viewer.participantId, input, host.projection.own),
        debriefStamp: debriefStamp(releasedCoaching(input.coaching, host.release), viewer.participantId),
      }),
    };
    session.members.add(member);
    return member;
  }

  leave(member: Member): void {
    const { host, audience } = member.connection;
    const session = this.sessions.get(host);
    if (!session) return;
    session.members.delete(member);
    if (![...session.members].some((m) => m.connection.audience === audience))
      session.streams.delete(audience);
  }

  /**
   * The member's whole view as its streams stand: what the patches that
   * follow are based on. The clock is set to now (clients set theirs by it).
   */
  viewOf(member: Member, now: number): { live: LiveView; ownSeq?: number } {
    const live = { ...member.shared.view, serverNow: now, ...member.own?.view };
    return member.own ? { live, ownSeq: member.own.seq } : { live };
  }

  /** Runs a fan-out that is due now rather than later (a sync answers with the latest view). */
  flush(host: SessionHost): void {
    const presence = this.presence.get(host);
    clearTimeout(presence);
    this.presence.delete(host);
    if (this.scheduled.delete(host) || presence) host.guard('fan-out', () => this.fanOut(host));
  }

  /** Tells every member of the session, whatever its audience, without projecting anything. */
  private tellAll(host: SessionHost, notice: Notice): void {
    const session = this.sessions.get(host);
    if (!session) return;
    for (const stream of session.streams.values()) this.io.to(stream.room).emit(SERVER_EVENTS.notice, notice);
  }

  private schedule(host: SessionHost, change: Change): void {
    if (change === 'failed') {
      this.scheduled.delete(host);
      clearTimeout(this.presence.get(host));
      this.presence.delete(host);
      this.tellAll(host, { kind: 'session_failed', error: SESSION_FAILED });
      return;
    }
    if (change === 'recovered') {
      // Their views may be ahead of what was stored: each member resyncs,
      // from streams brought up to the rebuilt session first.
      this.scheduled.add(host);
      this.flush(host);
      this.tellAll(host, { kind: 'session_recovered' });
      return;
    }
    if (change === 'released') {
      // Nothing in the log moved, but what trainees' debriefs show did: compare their stamps again.
      const session = this.sessions.get(host);
      if (session) session.coaching = undefined;
      this.scheduled.add(host);
      queueMicrotask(() => this.flush(host));
      return;
    }
    if (change === 'presence') {
      // Who is online can wait a moment: a class reconnecting at once (after
      // a restart, on a flaky Wi-Fi) then costs one update, not one per trainee.
      if (this.scheduled.has(host) || this.presence.has(host)) return;
      this.presence.set(
        host,
        setTimeout(() => this.flush(host), PRESENCE_DELAY_MS),
      );
      return;
    }
    if (this.scheduled.has(host)) return;
    this.scheduled.add(host);
    // Right after the commit's callbacks (its acks go first), not a loop turn
    // later behind every message that arrived meanwhile: at 3,400 sockets
    // this took p99 from 30-34 ms to 17-20 ms (docs/benchmarks.md).
    queueMicrotask(() => this.flush(host));
  }

  private fanOut(host: SessionHost): void {
    const session = this.sessions.get(host);
    if (!session || session.members.size === 0 || host.failure) return;
    if (host.isClosed) {
      const notice: Notice = { kind: 'session_deleted' };
      for (const member of session.members) {
        member.socket.emit(SERVER_EVENTS.notice, notice);
        member.socket.disconnect(true);
      }
      this.sessions.delete(host);
      return;
    }
    const input: LiveInput = host.liveInput();
    // One encoding per audience: Socket.IO serialises a room broadcast once.
    for (const stream of session.streams.values()) {
      const message = stream.advance(input);
      if (message) this.io.to(stream.room).emit(SERVER_EVENTS.patch, message);
    }
    for (const member of session.members) {
      const message: ViewPatchMessage | undefined = member.own?.advance(input);
      if (!message) continue;
      member.socket.emit(SERVER_EVENTS.patch, message);
      this.delivered(member);
    }
    this.noticeDebriefChanges(session, input, host);
  }

  /** Tells each trainee whose debrief the experts' last change touched, and only that. */
  private noticeDebriefChanges(session: SessionRoom, input: LiveInput, host: SessionHost): void {
    if (session.coaching === input.coaching) return;
    session.coaching = input.coaching;
    const notice: Notice = { kind: 'debrief_changed' };
    // Unreleased scoring moves no stamp: a trainee is not even told that a score came in.
    const visible = releasedCoaching(input.coaching, host.release);
    for (const member of session.members) {
      if (!member.own) continue;
      const stamp = debriefStamp(visible, member.own.participantId);
      if (stamp === member.debriefStamp) continue;
      member.debriefStamp = stamp;
      member.socket.emit(SERVER_EVENTS.notice, notice);
    }
  }

  /** Tips in a trainee's own part have reached them (call once they were sent). */
  delivered(member: Member): void {
    if (!member.own) return;
    const { host } = member.connection;
    for (const tip of member.own.view.me.tips) host.tipDelivered(tip.id, member.own.participantId);
  }
}

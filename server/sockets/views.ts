// Everything a socket receives goes through here: the static view, the live
// view and history, each projected for the connection's viewer and numbered
// in its own sequence (numbering.ts).

import { createHash } from 'node:crypto';
import { buildDebrief, type DebriefView, type DebriefViewer } from '../../shared/debrief/build.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { LiveInput } from '../../shared/views/live-input.ts';
import { type SequenceViewer, seesEverything, timelineViewerIn } from '../../shared/views/numbering.ts';
import { publicScenario } from '../../shared/views/scenario-public.ts';
import { projectEntry } from '../../shared/views/timeline.ts';
import type { LiveView, StaticView, TimelineEntry } from '../../shared/views/types.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import type { Connection } from './identify.ts';
import { roomSequence, viewerSequence } from './numbering.ts';

type StaticKind = StaticView['kind'];
const staticCache = new WeakMap<Scenario, Map<StaticKind, { key: string; view: StaticView }>>();

/**
 * The scenario as this viewer may read it, built once per scenario and kind
 * (every session of a scenario shares it); its key lets a reconnecting
 * client that still holds it skip the download.
 */
export function staticFor(connection: Connection): { key: string; view: StaticView } {
  const { host } = connection;
  const kind: StaticKind =
    connection.audience === 'observer' || connection.audience === 'facilitator' ? 'full' : 'public';
  let byKind = staticCache.get(host.scenario);
  if (!byKind) {
    byKind = new Map();
    staticCache.set(host.scenario, byKind);
  }
  let cached = byKind.get(kind);
  if (!cached) {
    const view: StaticView =
      kind === 'full' ? { kind, scenario: host.scenario } : { kind, scenario: publicScenario(host.scenario) };
    const hash = createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 16);
    cached = { key: `${host.scenario.id}:${kind}:${hash}`, view };
    byKind.set(kind, cached);
  }
  return cached;
}

export function staticViewFor(connection: Connection): StaticView {
  return staticFor(connection).view;
}

const liveCache = new WeakMap<SessionHost, Map<Connection['audience'], { stamp: string; view: LiveView }>>();

/**
 * The live view every member of one audience shares (a trainee's own part
 * aside), projected once per change of the session and reused until the
 * next: the same object while nothing changed. Its serverNow is the time of
 * the projection; streams set the clock when they send. Observers coming and
 * going change only the single-sided screen's views, so the room's stay the
 * same object and its streams send nothing.
 */
export function sharedLive(host: SessionHost, audience: Connection['audience'], input: LiveInput): LiveView {
  const sees = audience === 'observer' || audience === 'facilitator';
  const stamp = `${host.lastSeq}|${host.presenceVersion}${sees ? `|${host.observerPresenceVersion}` : ''}`;
  let views = liveCache.get(host);
  if (!views) {
    views = new Map();
    liveCache.set(host, views);
  }
  const cached = views.get(audience);
  if (cached?.stamp === stamp) return cached.view;
  const view = host.projection.live(input, audience);
  views.set(audience, { stamp, view });
  return view;
}

/** The connection as its sequences know it. */
const sequenceViewer = (connection: Connection): SequenceViewer =>
  connection.viewer.kind === 'trainee'
    ? { audience: connection.audience, participantId: connection.viewer.participantId }
    : { audience: connection.audience };

/**
 * Entries `from + 1 … from + limit` of this viewer's own timeline, projected
 * and numbered in it: a trainee's injects by the card it held in each attempt.
 */
export function timelinePage(connection: Connection, from: number, limit = 1000): TimelineEntry[] {
  const { host } = connection;
  const viewer = sequenceViewer(connection);
  const sequence = viewerSequence(host, viewer);
  const last = Math.min(sequence.count(), from + limit);
  if (last <= from) return [];
  const firstSeq = sequence.sessionSeqOf(from + 1);
  const lastSeq = sequence.sessionSeqOf(last);
  const page: TimelineEntry[] = [];
  let number = from;
  for (const entry of host.log(firstSeq - 1)) {
    if (entry.seq > lastSeq) break;
    if (entry.seq !== sequence.sessionSeqOf(number + 1)) continue;
    number++;
    const projected = projectEntry(
      host.scenario,
      entry,
      timelineViewerIn(host.context, viewer, sequence.attemptOf(number)),
    );
    if (projected) page.push({ ...projected, seq: seesEverything(connection.audience) ? entry.seq : number });
  }
  return page;
}

/** This viewer's timeline so far: the number of its last entry (history's lastSeq). */
export function timelineLength(connection: Connection): number {
  return viewerSequence(connection.host, sequenceViewer(connection)).count();
}

/**
 * What happened since the live view numbered `roomSeq` (a handshake's or a
 * sync's lastSeq: the client's live.seq), from the viewer's own timeline.
 */
export function missedSince(connection: Connection, roomSeq: number, limit = 1000): TimelineEntry[] {
  const { host } = connection;
  const after = roomSequence(host, connection.audience).sessionSeqOf(roomSeq);
  if (roomSeq > 0 && after === 0) return [];
  const from = viewerSequence(host, sequenceViewer(connection)).numberAt(after);
  return timelinePage(connection, from, limit);
}

/** A session seq as this viewer's live view numbers it (an ack's seq, a state_at answer's live.seq). */
export function roomNumber(connection: Connection, sessionSeq: number): number {
  return roomSequence(connection.host, connection.audience).numberAt(sessionSeq);
}

/**
 * The live view as it stood just after entry number `n` of this viewer's
 * own timeline (the debrief's "state at this moment"); past its end, after
 * its last entry. Its seq is the room's number of that moment.
 */
export function liveViewAt(connection: Connection, n: number): LiveView {
  const { host } = connection;
  const seq = viewerSequence(host, sequenceViewer(connection)).sessionSeqOf(n);
  const replayed = host.replayTo(seq);
  const at = host.entry(replayed.seq)?.at ?? replayed.meeting.context.now;
  const input = {
    scenario: host.scenario,
    meeting: {
      seq: roomNumber(connection, replayed.seq),
      state: replayed.meeting.state,
      context: host.withNames(replayed.meeting.context),
    },
    coaching: replayed.coaching,
    online: new Set<string>(),
    now: at,
  };
  try {
    const shared = host.projection.live(input, connection.audience);
    return connection.viewer.kind === 'trainee'
      ? { ...shared, ...host.projection.own(input, connection.viewer.participantId) }
      : shared;
  } finally {
    replayed.meeting.stop(); // the replayed actor is thrown away; its context stays readable
  }
}

export function debriefViewerFor(connection: Connection): DebriefViewer | null {
  const { viewer } = connection;
  if (viewer.kind === 'trainee') return { audience: 'trainee', participantId: viewer.participantId };
  if (viewer.kind === 'observer') return { audience: 'observer' };
  if (viewer.kind === 'facilitator') return { audience: 'facilitator' };
  return null;
}

export function debriefFor(connection: Connection): DebriefView | null {
  const viewer = debriefViewerFor(connection);
  return viewer ? buildDebrief(connection.host.debriefInput(), viewer) : null;
}

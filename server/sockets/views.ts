// Everything a socket receives goes through here: the static view, the live
// view and history, each projected for the connection's viewer.

import { createHash } from 'node:crypto';
import { buildDebrief, type DebriefView, type DebriefViewer } from '../../shared/debrief/build.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import { type LiveInput, personalize, projectLive } from '../../shared/views/live.ts';
import { publicScenario } from '../../shared/views/scenario-public.ts';
import { projectEntry, projectTimeline } from '../../shared/views/timeline.ts';
import type { LiveView, StaticView, TimelineEntry } from '../../shared/views/types.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import type { Connection } from './identify.ts';

type StaticKind = StaticView['kind'];
const staticCache = new WeakMap<SessionHost, Map<StaticKind, { key: string; view: StaticView }>>();

/**
 * The scenario as this viewer may read it, built once per session and kind;
 * its key lets a reconnecting client that still holds it skip the download.
 */
export function staticFor(connection: Connection): { key: string; view: StaticView } {
  const { host } = connection;
  const kind: StaticKind =
    connection.audience === 'observer' || connection.audience === 'facilitator' ? 'full' : 'public';
  let byKind = staticCache.get(host);
  if (!byKind) {
    byKind = new Map();
    staticCache.set(host, byKind);
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

const liveCache = new WeakMap<SessionHost, { stamp: string; views: Map<Connection['audience'], LiveView> }>();

/**
 * The part of the live view every member of one audience shares, computed
 * once per change of the session (a burst of reconnections shares it too).
 * serverNow is refreshed on every use: clients set their clocks by it.
 */
function sharedLive(host: SessionHost, audience: Connection['audience'], input: LiveInput): LiveView {
  const stamp = `${host.lastSeq}|${host.presenceVersion}`;
  let cache = liveCache.get(host);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, views: new Map() };
    liveCache.set(host, cache);
  }
  let view = cache.views.get(audience);
  if (!view) {
    view = projectLive(input, audience);
    cache.views.set(audience, view);
  }
  return view.serverNow === input.now ? view : { ...view, serverNow: input.now };
}

export function liveViewFor(connection: Connection): LiveView {
  const input = connection.host.liveInput();
  const shared = sharedLive(connection.host, connection.audience, input);
  return connection.viewer.kind === 'trainee'
    ? personalize(shared, input, connection.viewer.participantId)
    : shared;
}

export function timelineFor(connection: Connection, afterSeq: number, limit = 1000): TimelineEntry[] {
  const { host, viewer, audience } = connection;
  const entries = host.log(afterSeq).slice(0, limit);
  const participantId = viewer.kind === 'trainee' ? viewer.participantId : undefined;
  const roleId = participantId ? (host.context.participants[participantId]?.roleId ?? null) : null;
  return projectTimeline(host.scenario, entries, {
    audience,
    ...(participantId && { participantId }),
    roleId,
  });
}

/**
 * One fan-out for one session: the projection each audience shares is
 * computed once, then personalised per trainee.
 */
export function fanOutViews<C extends Connection>(
  host: SessionHost,
  connections: Iterable<C>,
): Map<C, LiveView> {
  const input = host.liveInput();
  const views = new Map<C, LiveView>();
  for (const connection of connections) {
    const common = sharedLive(host, connection.audience, input);
    views.set(
      connection,
      connection.viewer.kind === 'trainee'
        ? personalize(common, input, connection.viewer.participantId)
        : common,
    );
  }
  return views;
}

/** The live view as it stood just after `seq`, projected for this connection (the debrief's "state at this moment"). */
export function liveViewAt(connection: Connection, seq: number): LiveView {
  const { host } = connection;
  const replayed = host.replayTo(seq);
  const at = host.log(0).find((e) => e.seq === replayed.seq)?.at ?? replayed.meeting.context.now;
  const input = {
    scenario: host.scenario,
    meeting: { seq: replayed.seq, state: replayed.meeting.state, context: replayed.meeting.context },
    coaching: replayed.coaching,
    online: new Set<string>(),
    now: at,
  };
  const shared = projectLive(input, connection.audience);
  return connection.viewer.kind === 'trainee'
    ? personalize(shared, input, connection.viewer.participantId)
    : shared;
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

/**
 * A new connection's cursor: the last entry it may see, found by reading the
 * log backwards (most entries are visible, so this stops almost at once).
 */
export function initialCursor(connection: Connection): LogCursor {
  const { host } = connection;
  const entries = host.log(0);
  const visible = isVisibleTo(connection);
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && visible(entry)) return { visible: entry.seq, scanned: host.lastSeq };
  }
  return { visible: 0, scanned: host.lastSeq };
}

function isVisibleTo(connection: Connection): (entry: LogEntry) => boolean {
  const { host, audience, viewer } = connection;
  if (audience === 'observer' || audience === 'facilitator') return () => true;
  const participantId = viewer.kind === 'trainee' ? viewer.participantId : undefined;
  const roleId = participantId ? (host.context.participants[participantId]?.roleId ?? null) : null;
  const timelineViewer = { audience, ...(participantId && { participantId }), roleId };
  return (entry) => projectEntry(host.scenario, entry, timelineViewer) !== null;
}

/** How far a connection has read the log: the last entry it may see, and how far that was checked. */
export interface LogCursor {
  visible: number;
  scanned: number;
}

/**
 * Moves the cursor over new log entries. Entries a viewer may not see (an
 * observer joining, another trainee's tip) do not advance `visible`, so a
 * trainee's sequence numbers and updates never betray hidden activity.
 * Returns whether anything visible arrived.
 */
export function advanceCursor(connection: Connection, cursor: LogCursor): boolean {
  const before = cursor.visible;
  const visible = isVisibleTo(connection);
  for (const entry of connection.host.log(cursor.scanned)) if (visible(entry)) cursor.visible = entry.seq;
  cursor.scanned = connection.host.lastSeq;
  return cursor.visible !== before;
}

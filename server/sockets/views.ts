// Everything a socket receives goes through here: the static view, the live
// view and history, each projected for the connection's viewer.

import { buildDebrief, type DebriefView, type DebriefViewer } from '../../shared/debrief/build.ts';
import { personalize, projectLive } from '../../shared/views/live.ts';
import { publicScenario } from '../../shared/views/scenario-public.ts';
import { projectEntry, projectTimeline } from '../../shared/views/timeline.ts';
import type { LiveView, StaticView, TimelineEntry } from '../../shared/views/types.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import type { Connection } from './identify.ts';

export function staticViewFor(connection: Connection): StaticView {
  const { scenario } = connection.host;
  return connection.audience === 'observer' || connection.audience === 'facilitator'
    ? { kind: 'full', scenario }
    : { kind: 'public', scenario: publicScenario(scenario) };
}

export function liveViewFor(connection: Connection): LiveView {
  const input = connection.host.liveInput();
  const shared = projectLive(input, connection.audience);
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
  const shared = new Map<Connection['audience'], LiveView>();
  const views = new Map<C, LiveView>();
  for (const connection of connections) {
    let common = shared.get(connection.audience);
    if (!common) {
      common = projectLive(input, connection.audience);
      shared.set(connection.audience, common);
    }
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
  const { host, audience, viewer } = connection;
  const before = cursor.visible;
  const open = audience === 'observer' || audience === 'facilitator';
  const participantId = viewer.kind === 'trainee' ? viewer.participantId : undefined;
  const roleId = participantId ? (host.context.participants[participantId]?.roleId ?? null) : null;
  for (const entry of host.log(cursor.scanned)) {
    if (
      open ||
      projectEntry(host.scenario, entry, { audience, ...(participantId && { participantId }), roleId }) !==
        null
    ) {
      cursor.visible = entry.seq;
    }
  }
  cursor.scanned = host.lastSeq;
  return cursor.visible !== before;
}

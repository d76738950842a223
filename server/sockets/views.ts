// Everything a socket receives goes through here: the static view, the live
// view and history, each projected for the connection's viewer.

import { createHash } from 'node:crypto';
import { buildDebrief, type DebriefView, type DebriefViewer } from '../../shared/debrief/build.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import type { LiveInput } from '../../shared/views/live.ts';
import { publicScenario } from '../../shared/views/scenario-public.ts';
import { projectTimeline } from '../../shared/views/timeline.ts';
import type { LiveView, StaticView, TimelineEntry } from '../../shared/views/types.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import type { Connection } from './identify.ts';

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

/** The live view as it stood just after `seq`, projected for this connection (the debrief's "state at this moment"). */
export function liveViewAt(connection: Connection, seq: number): LiveView {
  const { host } = connection;
  const replayed = host.replayTo(seq);
  const at = host.entry(replayed.seq)?.at ?? replayed.meeting.context.now;
  const input = {
    scenario: host.scenario,
    meeting: { seq: replayed.seq, state: replayed.meeting.state, context: replayed.meeting.context },
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

// Everything a socket receives goes through here: the static view, the live
// view and history, each projected for the connection's viewer.
import { personalize, projectLive } from '../../shared/views/live.ts';
import { publicScenario } from '../../shared/views/scenario-public.ts';
import { projectTimeline } from '../../shared/views/timeline.ts';
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

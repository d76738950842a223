// Feeding the client's session store as the socket would: the server's
// projection for one audience after each step of a driven meeting, diffed
// against the previous one and applied to the store's view as a patch
// (shared/views/patch.ts), so unchanged parts keep their identity exactly as
// they do in the browser. No socket: the store's own `connect` is not used.
import { act } from '@testing-library/react';
import { useSession, viewArrived } from '../../client/src/connection/session-store.ts';
import type { Viewer, Welcome } from '../../shared/protocol/messages.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { projectLive, projectTrainee } from '../../shared/views/live.ts';
import { applyPatch, diff } from '../../shared/views/patch.ts';
import { publicScenario } from '../../shared/views/scenario-public.ts';
import type { LiveView, StaticView } from '../../shared/views/types.ts';
import type { ViewRoom } from './views-fixture.ts';

function project(room: ViewRoom, viewer: Viewer): LiveView {
  switch (viewer.kind) {
    case 'trainee':
      return projectTrainee(room.input(), viewer.participantId);
    case 'observer':
      return projectLive(room.input(), 'observer');
    case 'facilitator':
      return projectLive(room.input(), 'facilitator');
    case 'projector':
      return projectLive(room.input(), 'projector');
  }
}

/** A store fed from `room` for `viewer`; `step(fn)` drives the room and delivers the patch, if any. */
export class StoreFeed {
  private sent: LiveView;
  /** Patches delivered so far (steps that changed nothing deliver none). */
  patches = 0;

  constructor(
    readonly room: ViewRoom,
    readonly viewer: Viewer,
  ) {
    this.sent = project(room, viewer);
    const staticView: StaticView =
      viewer.kind === 'trainee' || viewer.kind === 'projector'
        ? { kind: 'public', scenario: publicScenario(room.scenario) }
        : { kind: 'full', scenario: room.scenario };
    const welcome: Welcome = {
      protocol: PROTOCOL_VERSION,
      sessionId: 's',
      viewer,
      timeZone: 'Asia/Shanghai',
      staticKey: 'k',
      live: this.sent,
      missed: [],
    };
    useSession.setState({ status: 'online', welcome, static: staticView, live: this.sent, clockOffset: 0 });
  }

  /** Runs `change` on the room, then delivers what changed for this viewer, as one patch. */
  step(change: (room: ViewRoom) => unknown): boolean {
    change(this.room);
    const next = project(this.room, this.viewer);
    const patch = diff(this.sent, next);
    this.sent = next;
    if (!patch) return false;
    this.patches++;
    // The store's sync: the patched view, and the offset of the server's clock to the local one
    // (here the local clock lags the room's by a latency that varies by a few milliseconds).
    const { live, clockOffset } = useSession.getState();
    if (!live) throw new Error('the store lost its view');
    const patched = applyPatch(live, patch);
    const receivedAt = patched.serverNow - 40 - (this.patches % 3);
    act(() => useSession.setState(viewArrived(clockOffset, patched, receivedAt)));
    return true;
  }
}

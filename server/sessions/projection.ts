// The projections a session's views are made with. One object per host, so
// a test can wrap one session's projection (to make it throw) without
// touching the shared code or any other session (HostDeps.wrapProjection).
import { projectLive } from '../../shared/views/live.ts';
import { ownPart } from '../../shared/views/own-part.ts';

export interface Projection {
  live: typeof projectLive;
  own: typeof ownPart;
}

export const PROJECTION: Projection = { live: projectLive, own: ownPart };

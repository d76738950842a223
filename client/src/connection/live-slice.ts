// A component's slice of the live view. A patch makes new objects only along
// the paths it changed (applyPatch), so a component that selects `item` and
// `participants` re-renders when either changed, not on every patch (`seq`
// and `serverNow` change on all of them). `useLive` returns a Pick: reading a
// part the component did not name does not compile.
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from './session-store.ts';

export type LiveSlice<K extends keyof LiveView> = Pick<LiveView, K>;

/**
 * An object of parts picked from the live view, compared field by field. Screens
 * mount their panels only once a view has arrived; if it goes (a disconnect)
 * before they unmount, the last answer is kept rather than failing halfway down.
 */
export function useLiveSelect<T extends object>(select: (live: LiveView) => T): T {
  const last = useRef<T | undefined>(undefined);
  const picked = useSession(useShallow((s) => (s.live ? select(s.live) : undefined)));
  if (picked) last.current = picked;
  if (!last.current)
    throw new Error('useLiveSelect: no live view yet (mount the panel once one has arrived)');
  return last.current;
}

/** The named top-level parts of the live view. */
export function useLive<K extends keyof LiveView>(...keys: K[]): LiveSlice<K> {
  return useLiveSelect((live) => {
    const out = {} as LiveSlice<K>;
    for (const key of keys) out[key] = live[key];
    return out;
  });
}

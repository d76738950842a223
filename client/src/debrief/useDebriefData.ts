// The debrief from the server: asked for once connected, and again shortly
// after the session changes (a score, a plan item, a turn), so the page stays
// current without asking on every patch. A trainee's socket carries none of
// the experts' work; the server sends it a bare "debrief changed" notice
// instead, and that counts as a change too.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DebriefView } from '../../../shared/debrief/build.ts';
import type { ErrorPayload } from '../../../shared/protocol/errors.ts';
import { useSession } from '../connection/session-store.ts';

const SETTLE_MS = 1200;

export function useDebriefData(sessionId: string): {
  view: DebriefView | undefined;
  error: ErrorPayload | undefined;
  refresh(): void;
} {
  const client = useSession((s) => s.client);
  const status = useSession((s) => s.status);
  const welcomed = useSession((s) => s.welcome?.sessionId === sessionId);
  const seq = useSession((s) => s.live?.seq);
  const noticed = useSession((s) => s.debriefChanges);
  const [view, setView] = useState<DebriefView>();
  const [error, setError] = useState<ErrorPayload>();
  const asked = useRef(0);

  const refresh = useCallback(() => {
    if (!client || !welcomed) return;
    const mine = ++asked.current;
    client.debrief().then(
      (ack) => {
        if (mine !== asked.current) return;
        if (ack.ok) {
          setView(ack.debrief);
          setError(undefined);
        } else setError(ack.error);
      },
      (e: unknown) => {
        if (mine === asked.current) setError({ code: 'server/internal', message: String(e) });
      },
    );
  }, [client, welcomed]);

  // First load as soon as the session welcomed us.
  const online = status === 'online';
  useEffect(() => {
    if (online) refresh();
  }, [online, refresh]);

  // Later changes: at most once per SETTLE_MS, a little after the first change (a busy meeting never waits long).
  const first = useRef(true);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: seq and noticed are the triggers, not inputs
  useEffect(() => {
    if (seq === undefined) return;
    if (first.current) {
      first.current = false;
      return;
    }
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      refresh();
    }, SETTLE_MS);
  }, [seq, noticed, refresh]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  return { view, error, refresh };
}

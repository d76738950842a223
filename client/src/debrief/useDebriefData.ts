// The debrief from the server: asked for once connected, and again shortly
// after the session changes (for experts: a score, a plan item; for trainees,
// whose socket hears nothing of experts' work, every 15 s as well), so the
// page stays current without asking on every patch.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DebriefView } from '../../../shared/debrief/build.ts';
import type { ErrorPayload } from '../../../shared/protocol/errors.ts';
import { useSession } from '../connection/session-store.ts';

const SETTLE_MS = 1200;
const TRAINEE_REFRESH_MS = 15_000;

export function useDebriefData(sessionId: string): {
  view: DebriefView | undefined;
  error: ErrorPayload | undefined;
  refresh(): void;
} {
  const client = useSession((s) => s.client);
  const status = useSession((s) => s.status);
  const welcomed = useSession((s) => s.welcome?.sessionId === sessionId);
  const seq = useSession((s) => s.live?.seq);
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
  }, [seq, refresh]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  // A trainee's socket hears nothing of experts' work (scores, plan items are
  // theirs to see only in the debrief), so a trainee's page also asks again now and then.
  const trainee = useSession((s) => s.welcome?.viewer.kind === 'trainee');
  useEffect(() => {
    if (!trainee || !online) return;
    const timer = setInterval(refresh, TRAINEE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [trainee, online, refresh]);

  return { view, error, refresh };
}

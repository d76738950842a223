// The screens a phone needs only at certain moments (a ballot or an election,
// a sign-up sheet or the action list, the chair's controls, the end of the meeting) are chunks of their own: the
// phone shows the lobby without them. Once the meeting is on screen they are
// fetched while the phone is idle, so a ballot opens at once, not with forty
// phones fetching its code on the room's Wi-Fi in the same second.
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chunk loaded at most once; a failed fetch (the Wi-Fi dropped) is
 * forgotten, so the next render or warm-up asks again instead of keeping the error.
 */
function chunk<M>(load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** Retries a lazy screen's fetch a few times, a second apart, before giving up. */
async function retrying<M>(load: () => Promise<M>, attempts = 3): Promise<M> {
  for (let n = 1; ; n++) {
    try {
      return await load();
    } catch (error) {
      if (n >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * n));
    }
  }
}

const later = chunk(() => import('./later.ts'));

function screen<P extends object>(pick: (m: Awaited<ReturnType<typeof later>>) => ComponentType<P>) {
  return lazy(() => retrying(later).then((m) => ({ default: pick(m) })));
}

export const BallotPanel = screen((m) => m.BallotPanel);
export const ChairPanel = screen((m) => m.ChairPanel);
export const Ended = screen((m) => m.Ended);
export const SignupPanel = screen((m) => m.SignupPanel);
export const ActionsList = screen((m) => m.ActionsList);

/** Fetches the later screens while the phone is idle, once the meeting is on screen. */
export function warmMoments(): void {
  const warm = () => void later().catch(() => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 5000 });
  else setTimeout(warm, 500);
}

/** Where a moment's screen appears, with a line saying it is on its way. */
export function Moment({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="panel loading">{t('common.loading')}</p>}>{children}</Suspense>;
}

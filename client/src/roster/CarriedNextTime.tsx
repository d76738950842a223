// "Next time" from a person's last session, at the start of their next one
// (any scenario): on a roster trainee's phone their own items, on the
// observer screen every roster seat's. Fetched from
// GET /api/sessions/:id/next-time, again whenever `seats` changes: the
// observer screen is usually opened before the trainees join, and each seat
// that joins may bring items. Nothing is shown for guests.
import './next-time-strings.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import { useLocalize } from '../ui/text.ts';

interface Carried {
  participantId: string;
  from: { scenarioTitle: LocalText; attempt: number };
  items: { id: string; text: string; expert?: string }[];
}

export function CarriedNextTime({
  sessionId,
  bearer,
  nameOf,
  seats = '',
}: {
  sessionId: string;
  /** A trainee's resume token or a guest expert's link token; absent: the sign-in cookie. */
  bearer?: string;
  /** Observers: the seat's name as the room sees it. */
  nameOf?: (participantId: string) => string;
  /** Observers: the room's seats (their ids joined); a new seat asks again. */
  seats?: string;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const [carried, setCarried] = useState<Carried[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `seats` is not read inside, it says when to ask again
  useEffect(() => {
    let live = true;
    fetch(`/api/sessions/${encodeURIComponent(sessionId)}/next-time`, {
      credentials: 'same-origin',
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    })
      .then((res) => (res.ok ? (res.json() as Promise<{ carried: Carried[] }>) : { carried: [] }))
      .then((body) => live && setCarried(body.carried))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sessionId, bearer, seats]);
  if (carried.length === 0) return null;
  return (
    <section className="panel lead-panel" aria-labelledby="carried-next-time" data-testid="carried-next-time">
      <h3 id="carried-next-time">{t(nameOf ? 'roster.nextTime.headingRoom' : 'roster.nextTime.heading')}</h3>
      {carried.map((c) => (
        <div key={c.participantId}>
          <p className="hint">
            {nameOf
              ? t('roster.nextTime.fromFor', {
                  name: nameOf(c.participantId),
                  scenario: L(c.from.scenarioTitle),
                })
              : t('roster.nextTime.from', { scenario: L(c.from.scenarioTitle) })}
          </p>
          <ul>
            {c.items.map((item) => (
              <li key={item.id}>
                {item.text}
                {item.expert && ` (${item.expert})`}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

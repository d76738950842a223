// "The meeting at that moment": the live view as it stood just after the
// chosen log entry (state_at), as a compact snapshot — phase, item, who held
// the floor, the queue, the ballot's count.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/protocol/errors.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';
import { useDebrief, useFormat, useNames } from './context.ts';

type Loaded = { seq: number; live: LiveView } | { seq: number; error: ErrorPayload };

function Snapshot({ live }: { live: LiveView }) {
  const { t } = useTranslation();
  const { scenario } = useDebrief();
  const n = useNames();
  const f = useFormat();
  const item = live.item ? scenario.agenda[live.item.index] : undefined;
  const floor = live.item?.floor;
  const queue = live.item?.queue ?? [];
  const ballot = live.item?.ballot;
  const tally = ballot?.votes
    ? (['yes', 'no', 'abstain'] as const).map(
        (c) => [c, Object.values(ballot.votes ?? {}).filter((v) => v === c).length] as const,
      )
    : [];
  return (
    <dl className="db-snapshot">
      <div>
        <dt>{t('debrief.state.phase')}</dt>
        <dd>
          <span className="badge neutral">{t(`phase.${live.phase}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('debrief.state.item')}</dt>
        <dd>
          {item
            ? `${t('debrief.timeline.item', { n: (live.item?.index ?? 0) + 1, title: n.local(item.title) })} · ${t(`kind.${item.kind}`)}`
            : t('debrief.state.none')}
          {live.item && (
            <span className="muted">
              {' '}
              · {t('debrief.state.since', { time: f.duration(live.serverNow - live.item.startedAt) })}
            </span>
          )}
        </dd>
      </div>
      {item && ['statement', 'speakers', 'open_floor', 'qa'].includes(item.kind) && (
        <>
          <div>
            <dt>{t('debrief.state.floor')}</dt>
            <dd>
              {floor ? (
                <>
                  <strong>{n.speaker(floor.speaker)}</strong>
                  <span className="muted">
                    {' '}
                    · {t('debrief.state.speaking', { time: f.duration(live.serverNow - floor.since) })}
                  </span>
                  {floor.pointOfOrder && (
                    <span className="badge warn">{t('debrief.timeline.pointOfOrder')}</span>
                  )}
                </>
              ) : (
                t('debrief.state.nobody')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('debrief.state.queue', { count: queue.length })}</dt>
            <dd>
              {queue.length === 0 ? (
                t('debrief.state.emptyQueue')
              ) : (
                <ol className="db-queue">
                  {queue.map((q) => (
                    <li
                      key={`${q.speaker.kind}-${q.speaker.kind === 'npc' ? q.speaker.roleId : q.speaker.id}`}
                    >
                      {n.speaker(q.speaker)}
                      {q.pointOfOrder && (
                        <span className="badge warn">{t('debrief.timeline.pointOfOrder')}</span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </dd>
          </div>
        </>
      )}
      {ballot && (
        <div>
          <dt>{t('debrief.state.ballot')}</dt>
          <dd>
            {ballot.open
              ? t('debrief.state.ballotOpen')
              : ballot.closed
                ? t('debrief.state.ballotClosed')
                : t('debrief.state.ballotPending')}
            {' · '}
            {t('debrief.state.cast', { cast: ballot.castCount, voters: ballot.voters.length })}
            {tally.length > 0 &&
              ` · ${tally.map(([c, k]) => `${t(`choice.${c}`)} ${k}`).join(t('debrief.sep'))}`}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('debrief.state.so_far')}</dt>
        <dd>
          {t('debrief.state.record', {
            turns: live.record.turnCount,
            statements: live.record.statementCount,
            ballots: live.record.ballots.length,
          })}
        </dd>
      </div>
    </dl>
  );
}

export function MomentState({
  seq,
  at,
  onClose,
}: {
  seq: number | null;
  at: number | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const client = useSession((s) => s.client);
  const f = useFormat();
  const [loaded, setLoaded] = useState<Loaded>();

  useEffect(() => {
    if (seq === null || !client) return;
    let stale = false;
    client.stateAt(seq).then(
      (ack) => {
        if (!stale) setLoaded(ack.ok ? { seq, live: ack.live } : { seq, error: ack.error });
      },
      (e: unknown) => {
        if (!stale) setLoaded({ seq, error: { code: 'server/internal', message: String(e) } });
      },
    );
    return () => {
      stale = true;
    };
  }, [seq, client]);

  const current = loaded && loaded.seq === seq ? loaded : undefined;
  return (
    <aside className={`db-state${seq === null ? '' : ' open'}`} aria-labelledby="moment-state-heading">
      <div className="db-state-head">
        <h3 id="moment-state-heading">
          {seq !== null && at !== null
            ? t('debrief.state.heading', { time: f.time(at) })
            : t('debrief.state.title')}
        </h3>
        {seq !== null && (
          <button
            type="button"
            className="small db-state-close"
            onClick={onClose}
            aria-label={t('debrief.state.close')}
          >
            ×
          </button>
        )}
      </div>
      <div aria-live="polite">
        {seq === null ? (
          <p className="hint">{t('debrief.state.pick')}</p>
        ) : !current ? (
          <p className="hint">{t('debrief.loading')}</p>
        ) : 'error' in current ? (
          <p role="alert">{t(`errors.${current.error.code}`, { defaultValue: current.error.message })}</p>
        ) : (
          <div data-testid="moment-state">
            <Snapshot live={current.live} />
          </div>
        )}
      </div>
    </aside>
  );
}

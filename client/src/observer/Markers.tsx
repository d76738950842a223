// One-click markers: a competency, strength or needs-work, for one trainee or
// the room, with an optional note; the list of markers dropped this attempt.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../connection/live-slice.ts';
import { useRefusals } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { newId } from '../ui/new-id.ts';
import { useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { ScrollBox } from './ScrollBox.tsx';
import { Section } from './Section.tsx';

const KINDS = ['strength', 'needs_work'] as const;

/** What the authority is asked about a marker ('' for the room): its kind and note do not change the answer. */
const marker = (participantId: string, competency: string) =>
  ({
    type: 'marker.drop',
    markerId: '',
    ...(participantId && { participantId }),
    competency,
    kind: 'strength',
  }) as const;

export function Markers({ scenario, myId }: ObserverProps) {
  const live = useLive('attempt', 'coaching', 'participants');
  const { t } = useTranslation();
  const labels = useLabels(scenario);
  const send = useSession((s) => s.send);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [shared, setShared] = useState(false);
  const [done, setDone] = useState('');
  const markers = (live.coaching?.markers ?? []).filter((m) => m.attempt === live.attempt).reverse();
  const who = target ? labels.participant(target) : t('observer.markers.room');
  // Whom a marker may be about, and whether each competency may be marked for the one chosen: the authority's answers.
  const firstCompetency = scenario.rubric.competencies[0]?.id ?? '';
  const about = useRefusals(live.participants.map((p) => marker(p.id, firstCompetency)));
  // The one chosen stays listed when the answer changes (a card taken back), so the reason shows below.
  const people = live.participants.filter((p, i) => about[i] === null || p.id === target);
  const refusals = useRefusals(scenario.rubric.competencies.map((c) => marker(target, c.id)));
  const refused = refusals.find((r) => r !== null);

  const drop = async (competency: string, kind: (typeof KINDS)[number]) => {
    const trimmed = note.trim();
    const ack = await send({
      type: 'marker.drop',
      markerId: newId(),
      ...(target && { participantId: target }),
      competency,
      kind,
      ...(trimmed && { note: trimmed }),
      shared,
    });
    if (ack.ok) {
      setNote('');
      setDone(
        t('observer.markers.dropped', {
          kind: t(`observer.markers.${kind}`),
          competency: labels.competency(competency),
          who,
        }),
      );
    }
  };

  return (
    <Section id="markers" title={t('observer.markers.title')}>
      <div className="obs-marker-form">
        <label className="obs-field">
          <span>{t('observer.markers.for')}</span>
          <select data-testid="marker-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('observer.markers.room')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {labels.participant(p.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="obs-field">
          <span>{t('observer.markers.note')}</span>
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            data-testid="marker-note"
          />
        </label>
        <label className="obs-check">
          <input
            type="checkbox"
            checked={shared}
            onChange={(e) => setShared(e.target.checked)}
            data-testid="marker-shared"
          />
          {t('observer.markers.shared')}
        </label>
      </div>
      {refused && (
        <p className="hint" data-testid="marker-refused">
          {t(`errors.${refused}`)}
        </p>
      )}
      <ul className="obs-marker-grid">
        {scenario.rubric.competencies.map((c, i) => (
          <li key={c.id}>
            <span className="obs-marker-name">{labels.competency(c.id)}</span>
            {KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className={`small obs-marker-btn ${kind}`}
                data-testid={`marker-${c.id}-${kind}`}
                aria-label={t('observer.markers.dropLabel', {
                  kind: t(`observer.markers.${kind}`),
                  competency: labels.competency(c.id),
                  who,
                })}
                disabled={refusals[i] !== null}
                onClick={() => void drop(c.id, kind)}
              >
                <span aria-hidden="true">{kind === 'strength' ? '＋' : '△'}</span>
                {t(`observer.markers.${kind}`)}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {done}
      </p>
      <h3 className="obs-sub">{t('observer.markers.list', { count: markers.length })}</h3>
      <ScrollBox label={t('observer.markers.listLabel')} testId="markers-list" className="obs-markers-box">
        {markers.length === 0 ? (
          <p className="muted obs-empty">{t('observer.markers.none')}</p>
        ) : (
          <ul className="obs-markers">
            {markers.map((m) => (
              <li key={m.id} className={m.kind}>
                <p className="obs-marker-head">
                  <span className={`badge ${m.kind === 'strength' ? 'ok' : 'warn'}`}>
                    {t(`observer.markers.${m.kind}`)}
                  </span>
                  <strong>{labels.competency(m.competency)}</strong>
                  <span>
                    {m.participantId ? labels.participant(m.participantId) : t('observer.markers.room')}
                  </span>
                  {m.shared && <span className="badge neutral">{t('observer.markers.sharedBadge')}</span>}
                </p>
                {m.note && <p className="obs-marker-note">{m.note}</p>}
                <p className="muted obs-marker-meta">
                  {labels.time(m.at)}
                  {m.item && ` · ${labels.item(m.item)}`} ·{' '}
                  {m.observerId === myId ? t('observer.tips.byMe') : labels.observer(m.observerId)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </ScrollBox>
    </Section>
  );
}

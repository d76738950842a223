// One trainee × one competency: my score and note, my markers to back it up,
// and what the other experts gave.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker, Score } from '../../../shared/coaching/state.ts';
import type { RubricScale } from '../../../shared/scenario/index.ts';
import { useSession } from '../connection/session-store.ts';
import type { Labels } from './labels.ts';

type Value = Score['score'];
const PSMU = ['P', 'S', 'M', 'U'] as const;

/** What the authority is asked about a row (ScoringPanel): may this expert score, or clear, this trainee now. */
export const clearScore = (participantId: string, competency: string) =>
  ({ type: 'score.set', participantId, competency, score: null }) as const;

export function scaleValues(scale: RubricScale): Value[] {
  if (scale.kind === 'psmu') return [...PSMU];
  const out: number[] = [];
  for (let n = scale.min; n <= scale.max; n++) out.push(n);
  return out;
}

export function ScoreCell({
  participantId,
  competency,
  scale,
  mine,
  others,
  myMarkers,
  labels,
  label,
}: {
  participantId: string;
  competency: string;
  scale: RubricScale;
  mine: Score | undefined;
  others: Score[];
  myMarkers: Marker[];
  labels: Labels;
  /** "王敏 · 群众工作", for the controls' names. */
  label: string;
}) {
  const { t } = useTranslation();
  const send = useSession((s) => s.send);
  const [note, setNote] = useState(mine?.note ?? '');
  const [link, setLink] = useState((mine?.markerIds.length ?? 0) > 0);
  const valueText = (v: Value) =>
    typeof v === 'number' ? String(v) : `${v} · ${t(`observer.scores.psmu.${v}`)}`;

  const save = (score: Value | null, nextNote = note, nextLink = link) => {
    const trimmed = nextNote.trim();
    void send({
      type: 'score.set',
      participantId,
      competency,
      score,
      ...(trimmed && { note: trimmed }),
      ...(score !== null && nextLink && { markerIds: myMarkers.map((m) => m.id) }),
    });
  };
  const onScore = (raw: string) => {
    if (raw === '') return save(null);
    const value = (scale.kind === 'psmu' ? raw : Number(raw)) as Value;
    save(value);
  };
  const onNoteDone = () => {
    if (mine && note.trim() !== (mine.note ?? '')) save(mine.score);
  };
  const numbers = [...others, ...(mine ? [mine] : [])]
    .map((s) => s.score)
    .filter((s): s is number => typeof s === 'number');
  const mean = numbers.length > 1 ? numbers.reduce((a, b) => a + b, 0) / numbers.length : undefined;

  return (
    <div className="obs-score">
      <div className="obs-score-row">
        <select
          data-testid={`score-${participantId}-${competency}`}
          aria-label={t('observer.scores.scoreLabel', { what: label })}
          value={mine ? String(mine.score) : ''}
          onChange={(e) => onScore(e.target.value)}
        >
          <option value="">—</option>
          {scaleValues(scale).map((v) => (
            <option key={v} value={String(v)}>
              {valueText(v)}
            </option>
          ))}
        </select>
        <input
          data-testid={`score-note-${participantId}-${competency}`}
          aria-label={t('observer.scores.noteLabel', { what: label })}
          placeholder={t('observer.scores.notePlaceholder')}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
          onBlur={onNoteDone}
          onKeyDown={(e) => e.key === 'Enter' && onNoteDone()}
        />
      </div>
      {myMarkers.length > 0 && (
        <label className="obs-check obs-score-link">
          <input
            type="checkbox"
            checked={link}
            onChange={(e) => {
              setLink(e.target.checked);
              if (mine) save(mine.score, note, e.target.checked);
            }}
          />
          {t('observer.scores.linkMarkers', { count: myMarkers.length })}
        </label>
      )}
      {others.length > 0 && (
        <ul className="obs-score-others">
          {others.map((s) => (
            <li key={s.observerId}>
              {labels.observer(s.observerId)} <strong>{String(s.score)}</strong>
              {s.note && <span className="muted">：{s.note}</span>}
            </li>
          ))}
          {mean !== undefined && (
            <li className="muted">
              {t('observer.scores.mean', { mean: mean.toFixed(1), count: numbers.length })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

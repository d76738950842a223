import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebrief, useNames, useTrainees } from './context.ts';
import { MomentItem } from './MomentItem.tsx';
import { MomentState } from './MomentState.tsx';
import { buildMoments, keepFact, type MomentFilter } from './moments.ts';
import { Section } from './Section.tsx';

function Filters({ filter, onChange }: { filter: MomentFilter; onChange(next: MomentFilter): void }) {
  const { t } = useTranslation();
  const { view, scenario, me } = useDebrief();
  const n = useNames();
  const trainees = useTrainees();
  const people = me ? view.participants : trainees;
  const traineeId = useId();
  const competencyId = useId();
  return (
    <div className="db-filters">
      <div>
        <label htmlFor={traineeId}>
          <span>{t('debrief.timeline.filterTrainee')}</span>
        </label>
        <select
          id={traineeId}
          value={filter.participantId}
          onChange={(e) => onChange({ ...filter, participantId: e.target.value })}
          data-testid="timeline-filter-trainee"
        >
          <option value="">{t('debrief.timeline.everyone')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {n.withCard(p.id)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={competencyId}>
          <span>{t('debrief.timeline.filterCompetency')}</span>
        </label>
        <select
          id={competencyId}
          value={filter.competency}
          onChange={(e) => onChange({ ...filter, competency: e.target.value })}
          data-testid="timeline-filter-competency"
        >
          <option value="">{t('debrief.timeline.allCompetencies')}</option>
          {scenario.rubric.competencies.map((c) => (
            <option key={c.id} value={c.id}>
              {n.local(c.title)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The attempt's moments, filtered by trainee and competency; a moment opens "the meeting at that moment". */
export function Timeline() {
  const { t } = useTranslation();
  const { attempt, full } = useDebrief();
  const [filter, setFilter] = useState<MomentFilter>({ participantId: '', competency: '' });
  const [selected, setSelected] = useState<number | null>(null);
  const moments = useMemo(
    () => buildMoments(attempt, (id) => full?.injects.find((i) => i.id === id)?.competency),
    [attempt, full],
  );
  const shown = useMemo(
    () =>
      moments
        .map((m) => ({ ...m, facts: m.facts.filter((fact) => keepFact(fact, filter)) }))
        .filter((m) => m.facts.length > 0),
    [moments, filter],
  );
  const filtered = filter.participantId !== '' || filter.competency !== '';
  const substantive = shown.filter((m) => m.facts.some((fact) => fact.kind !== 'item')).length;

  // Another attempt, another set of moments.
  const number = attempt.attempt;
  useEffect(() => {
    if (number) setSelected(null);
  }, [number]);

  const at = moments.find((m) => m.seq === selected)?.at ?? null;
  return (
    <Section
      id="timeline"
      title={t('debrief.timeline.title')}
      intro={t('debrief.timeline.intro')}
      testId="timeline"
      aside={<Filters filter={filter} onChange={setFilter} />}
    >
      <div className={`db-timeline${selected === null ? '' : ' has-state'}`}>
        <div className="db-moments-wrap">
          <p className="visually-hidden" role="status">
            {t('debrief.timeline.count', { count: shown.length })}
          </p>
          {shown.length === 0 || (filtered && substantive === 0) ? (
            <p className="hint">{filtered ? t('debrief.timeline.noMatch') : t('debrief.timeline.empty')}</p>
          ) : null}
          <ol className="db-moments">
            {shown.map((m) => (
              <MomentItem
                key={m.seq}
                moment={m}
                selected={selected === m.seq}
                onSelect={() => setSelected(m.seq)}
              />
            ))}
          </ol>
        </div>
        <MomentState
          seq={selected}
          at={at}
          onClose={() => {
            // Back to the moment that opened it.
            document
              .querySelector<HTMLButtonElement>(`[data-testid="moment-${selected}"] .db-moment-time`)
              ?.focus();
            setSelected(null);
          }}
        />
      </div>
    </Section>
  );
}

// The previews: each role card as the trainee's phone shows it, the agenda
// as a timeline with the injects on it, the electorate against the quorum
// lines, and the rubric.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fraction, Scenario } from '../../../../shared/scenario/index.ts';
import { quorumReach } from '../../../../shared/studio/quorum.ts';
import { agendaTimeline } from '../../../../shared/studio/timeline.ts';
import { useLocalize } from '../../ui/text.ts';
import { formatDuration } from './format.ts';
import { RoleCardPreview } from './RoleCardPreview.tsx';

export function PreviewPane({ scenario, stale }: { scenario: Scenario | undefined; stale: boolean }) {
  const { t } = useTranslation();
  const [roleId, setRoleId] = useState<string | null>(null);
  const L = useLocalize();
  if (!scenario) return <p className="studio-bad">{t('studioForm.preview.none')}</p>;
  const role = scenario.roles.find((r) => r.id === roleId) ?? scenario.roles[0];
  return (
    <div className="studio-preview">
      {stale && <p className="studio-note">{t('studioForm.preview.stale')}</p>}
      <section aria-labelledby="preview-cards">
        <h3 id="preview-cards">{t('studioForm.preview.cards')}</h3>
        <label className="value-field">
          <span>{t('studioForm.preview.card')}</span>
          <select value={role?.id ?? ''} onChange={(e) => setRoleId(e.target.value)}>
            {scenario.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {L(r.name)}
              </option>
            ))}
          </select>
        </label>
        {role && <RoleCardPreview key={role.id} scenario={scenario} role={role} />}
      </section>
      <Timeline scenario={scenario} />
      <Quorums scenario={scenario} />
      <Rubric scenario={scenario} />
    </div>
  );
}

function Timeline({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const timeline = agendaTimeline(scenario);
  const span = Math.max(timeline.total, timeline.planned, 1);
  const pct = (s: number) => `${((s / span) * 100).toFixed(2)}%`;
  return (
    <section aria-labelledby="preview-timeline">
      <h3 id="preview-timeline">{t('studioForm.preview.timeline')}</h3>
      <p className={timeline.planned > timeline.total ? 'studio-bad' : 'hint'} data-testid="timeline-total">
        {t('studioForm.preview.planned', {
          planned: formatDuration(timeline.planned),
          total: formatDuration(timeline.total),
        })}
      </p>
      <div className="timeline" aria-hidden="true">
        {timeline.slots.map((slot) => {
          const item = scenario.agenda[slot.index];
          return (
            <div
              key={slot.id}
              className={`timeline-slot${slot.estimated ? ' estimated' : ''}`}
              style={{ left: pct(slot.start), width: `max(${pct(slot.seconds)}, 0.4rem)` }}
              title={`${item ? L(item.title) : slot.id} · ${slot.seconds > 0 ? formatDuration(slot.seconds) : t('studioForm.preview.untimed')}`}
            >
              <span>{item ? L(item.title) : slot.id}</span>
            </div>
          );
        })}
        {timeline.total < span && <div className="timeline-end" style={{ left: pct(timeline.total) }} />}
        {timeline.injects.map((inj) => {
          const inject = scenario.injects[inj.index];
          return (
            <div
              key={inj.id}
              className="timeline-inject"
              style={{ left: pct(inj.at) }}
              title={`${inject ? L(inject.title) : inj.id} · ${formatDuration(inj.at)}`}
            >
              ⚡<span className="visually-hidden">{inject ? L(inject.title) : inj.id}</span>
            </div>
          );
        })}
      </div>
      <ol className="timeline-list">
        {timeline.slots.map((slot) => {
          const item = scenario.agenda[slot.index];
          return (
            <li key={slot.id}>
              {formatDuration(slot.start)} {item ? L(item.title) : slot.id} ·{' '}
              {slot.seconds > 0 ? formatDuration(slot.seconds) : t('studioForm.preview.untimed')}
              {slot.estimated && slot.seconds > 0 && ` ${t('studioForm.preview.estimated')}`}
            </li>
          );
        })}
      </ol>
      {scenario.injects.length > 0 && (
        <ul className="timeline-list">
          {scenario.injects.map((inject) => {
            const at = timeline.injects.find((i) => i.id === inject.id);
            return (
              <li key={inject.id}>
                ⚡ {L(inject.title)} ·{' '}
                {at ? formatDuration(at.at) : t(`studioForm.preview.trigger_${inject.trigger.kind}`)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const share = (f: Fraction) => f.num / f.den;

function Quorums({ scenario }: { scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const n = (x: number) => x.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const votes = scenario.agenda.flatMap((item) => {
    const reach = quorumReach(scenario, item);
    return reach ? [{ item, reach }] : [];
  });
  if (!scenario.electorate) return null;
  return (
    <section aria-labelledby="preview-quorum">
      <h3 id="preview-quorum">{t('studioForm.preview.electorate')}</h3>
      <p>
        {L(scenario.electorate.title)}:{' '}
        {t('studioForm.preview.electorateTotals', {
          owners: n(scenario.electorate.total.owners),
          area: n(scenario.electorate.total.area_m2),
        })}
      </p>
      {votes.map(({ item, reach }) => (
        <div key={item.id} className="quorum-block">
          <h4>{L(item.title)}</h4>
          {(
            [
              ['headcount', reach.heads, reach.total.owners],
              ['area', reach.area, reach.total.area_m2],
            ] as const
          ).map(([measure, part, whole]) => {
            const line = reach.quorum[measure];
            return (
              <div key={measure} className="quorum-bar-row">
                <span>
                  {t(`studioForm.preview.${measure}`, { part: n(part), whole: n(whole) })}
                  {line && ` · ${t('studioForm.preview.quorumLine', { share: `${line.num}/${line.den}` })}`}
                </span>
                <div className="quorum-bar">
                  <div className="quorum-fill" style={{ width: `${Math.min(100, (part / whole) * 100)}%` }} />
                  {line && <div className="quorum-line" style={{ left: `${share(line) * 100}%` }} />}
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

function Rubric({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  return (
    <section aria-labelledby="preview-rubric">
      <h3 id="preview-rubric">{t('studioForm.rubric')}</h3>
      <dl className="rubric-preview">
        {scenario.rubric.competencies.map((c) => (
          <div key={c.id}>
            <dt>{L(c.title)}</dt>
            <dd>
              <ul>
                {c.indicators.map((ind) => (
                  <li key={ind.zh}>{L(ind)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      {scenario.debrief.questions.length > 0 && (
        <>
          <h4>{t('studioForm.debriefQuestions')}</h4>
          <ol>
            {scenario.debrief.questions.map((q) => (
              <li key={q.zh}>{L(q)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

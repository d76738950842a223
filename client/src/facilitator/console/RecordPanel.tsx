import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { useSession } from '../../connection/session-store.ts';
import { BallotOutcome } from '../../projector/BallotOutcome.tsx';
import { formatClock } from '../../ui/clock.ts';
import { useLocalize } from '../../ui/text.ts';
import { injectStatuses } from './hooks.ts';

/** After the meeting: how it went in numbers, what the votes decided, what was agreed. */
export function RecordPanel({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const staticView = useSession((s) => s.static);
  const { record } = live;
  const duration = record.startedAt && record.endedAt ? formatClock(record.endedAt - record.startedAt) : '—';
  const overtime = record.items.reduce((sum, i) => sum + i.overtimeMs, 0);
  const injects = injectStatuses(live);
  const answered = injects.filter((i) => i.fired && i.respondedAt !== undefined).length;
  const figures = [
    [t('facilitator.record.duration'), duration],
    [
      t('facilitator.record.items'),
      `${new Set(record.items.map((i) => i.item)).size} / ${scenario.agenda.length}`,
    ],
    [t('facilitator.record.turns'), String(record.turnCount)],
    [t('facilitator.record.overtime'), formatClock(overtime)],
    [
      t('facilitator.record.injects'),
      t('facilitator.record.injectsValue', { fired: injects.filter((i) => i.fired).length, answered }),
    ],
    [t('facilitator.record.pauses'), String(record.pauses.length)],
  ];

  return (
    <section className="panel fac-record fac-ballot" aria-labelledby="fac-record-heading">
      <h2 id="fac-record-heading">{t('facilitator.record.heading', { n: live.attempt })}</h2>
      <dl className="fac-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {record.ballots.map((b) => (
        <div key={`${b.item}-${b.at}`} className="fac-record-ballot">
          <h3>{L(scenario.agenda.find((i) => i.id === b.item)?.title)}</h3>
          <BallotOutcome record={b} live={live} staticView={staticView} />
        </div>
      ))}
      {record.actions.length > 0 && (
        <>
          <h3 className="fac-subhead">{t('facilitator.signup.actions')}</h3>
          <ul className="list-plain">
            {record.actions.map((a) => (
              <li key={`${a.at}-${a.what}`}>
                <span className="badge neutral">{t(`facilitator.signup.${a.kind}`)}</span> {a.what}
                {a.who && ` — ${L(scenario.roles.find((r) => r.id === a.who)?.name)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {live.attemptsBefore > 0 && (
        <p className="hint">{t('facilitator.record.earlier', { count: live.attemptsBefore })}</p>
      )}
    </section>
  );
}

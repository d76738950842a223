import { useTranslation } from 'react-i18next';
import type { ParticipationFigures } from '../../../shared/debrief/figures.ts';
import { TIP_FOLLOW_UP_MS } from '../../../shared/debrief/figures.ts';
import { useDebrief, useFormat, useNames } from './context.ts';
import { Bar, Scroll, Section } from './Section.tsx';

function BarChart({
  title,
  rows,
  empty,
  max: fixedMax,
}: {
  title: string;
  /** The scale's end; the largest value when absent. */
  max?: number;
  rows: {
    key: string;
    label: string;
    value: number;
    text: string;
    tone?: 'accent' | 'warn' | 'ok' | 'muted';
    mine?: boolean;
  }[];
  empty: string;
}) {
  const max = fixedMax ?? Math.max(0, ...rows.map((r) => r.value));
  return (
    <figure className="db-chart">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="db-bars">
          {rows.map((r) => (
            <li key={r.key} className={r.mine ? 'mine' : undefined}>
              <span className="db-bars-label">{r.label}</span>
              <Bar value={r.value} max={max} label={r.text} tone={r.tone} />
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** Per person: statements, cut-offs, points of order and time over. */
function FiguresTable() {
  const { t } = useTranslation();
  const { attempt, me } = useDebrief();
  const f = useFormat();
  const figures = attempt.participation;
  const label = useFigureLabel();
  const mine = (p: ParticipationFigures) => me !== undefined && p.participantId === me;
  if (figures.length === 0) return null;
  return (
    <Scroll label={t('debrief.participation.tableCaption')}>
      <table className="db-table db-figures">
        <caption>{t('debrief.participation.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('debrief.participation.who')}</th>
            <th scope="col" className="num">
              {t('debrief.participation.statements')}
            </th>
            <th scope="col" className="num">
              {t('debrief.participation.cutOff')}
            </th>
            <th scope="col" className="num">
              {t('debrief.participation.pointsOfOrder')}
            </th>
            <th scope="col" className="num">
              {t('debrief.participation.overtime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((p) => (
            <tr key={p.key} className={mine(p) ? 'mine' : undefined}>
              <th scope="row">{label(p)}</th>
              <td className="num">{p.statements}</td>
              <td className={`num${p.cutOff > 0 ? ' db-over' : ''}`}>{p.cutOff}</td>
              <td className="num">{p.pointsOfOrder}</td>
              <td className={`num${p.overtimeMs > 0 ? ' db-over' : ''}`}>
                {p.overtimeMs > 0 ? f.duration(p.overtimeMs) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

function useFigureLabel() {
  const { t } = useTranslation();
  const n = useNames();
  return (p: ParticipationFigures) =>
    p.participantId ? n.withCard(p.participantId) : `${n.role(p.roleId)} · ${t('debrief.timeline.npc')}`;
}

/** Each tip's recipient: how soon they acknowledged it (on the two-minute scale) and how much they did next. */
function TipResponses() {
  const { t } = useTranslation();
  const { attempt, audience } = useDebrief();
  const n = useNames();
  const f = useFormat();
  return (
    <figure className="db-chart">
      <figcaption>{t('debrief.participation.tips')}</figcaption>
      {attempt.tips.length === 0 ? (
        <p className="hint">{t('debrief.participation.noTips')}</p>
      ) : (
        <Scroll label={t('debrief.participation.tips')}>
          <table className="db-table db-tip-table">
            <thead>
              <tr>
                {audience !== 'trainee' && <th scope="col">{t('debrief.participation.recipient')}</th>}
                <th scope="col">{t('debrief.participation.tip')}</th>
                <th scope="col">{t('debrief.participation.ack')}</th>
                <th scope="col" className="num">
                  {t('debrief.participation.followUp')}
                </th>
              </tr>
            </thead>
            <tbody>
              {attempt.tips.map((u) => (
                <tr key={`${u.tipId}-${u.participantId}`}>
                  {audience !== 'trainee' && <th scope="row">{n.person(u.participantId)}</th>}
                  <td className="db-tip-text">{u.text}</td>
                  <td className="db-tip-ack">
                    {u.ackAt !== undefined ? (
                      <Bar
                        value={u.ackAt - u.sentAt}
                        max={TIP_FOLLOW_UP_MS}
                        label={f.duration(u.ackAt - u.sentAt)}
                        tone="ok"
                      />
                    ) : (
                      <span className="db-over">{t('debrief.tip.notAcked')}</span>
                    )}
                  </td>
                  <td className="num">{u.actions.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </figure>
  );
}

/** Who spoke, how long and how often; cut-offs, points of order, time over; how fast the room answered injects and tips. */
export function Participation() {
  const { t } = useTranslation();
  const { attempt, full, me } = useDebrief();
  const n = useNames();
  const f = useFormat();
  const label = useFigureLabel();
  const figures = attempt.participation;
  const tone = (p: ParticipationFigures): 'accent' | 'muted' => (p.participantId ? 'accent' : 'muted');
  const mine = (p: ParticipationFigures) => me !== undefined && p.participantId === me;

  const windows = attempt.injects.map(
    (r) => (full?.injects.find((i) => i.id === r.inject)?.respondWithin ?? 0) * 1000,
  );
  const injectMax = Math.max(0, ...windows, ...attempt.injects.map((r) => r.responseMs ?? 0));
  const injectRows = attempt.injects.map((r) => {
    const window = full?.injects.find((i) => i.id === r.inject)?.respondWithin;
    return {
      key: r.inject,
      label: n.injectTitle(r.inject),
      value: r.responseMs ?? 0,
      text:
        r.responseMs === undefined
          ? t('debrief.timeline.noResponse')
          : `${f.duration(r.responseMs)}${window !== undefined ? ` / ${f.duration(window * 1000)}` : ''}`,
      tone: r.inTime === false || r.responseMs === undefined ? ('warn' as const) : ('ok' as const),
    };
  });
  return (
    <Section id="participation" title={t('debrief.participation.title')} testId="participation">
      <div className="db-charts">
        <BarChart
          title={t('debrief.participation.speaking')}
          empty={t('debrief.participation.none')}
          rows={figures.map((p) => ({
            key: p.key,
            label: label(p),
            value: p.speakingMs,
            text: f.duration(p.speakingMs),
            tone: tone(p),
            mine: mine(p),
          }))}
        />
        <BarChart
          title={t('debrief.participation.turns')}
          empty={t('debrief.participation.none')}
          rows={[...figures]
            .sort((a, b) => b.turns - a.turns)
            .map((p) => ({
              key: p.key,
              label: label(p),
              value: p.turns,
              text: f.num(p.turns),
              tone: tone(p),
              mine: mine(p),
            }))}
        />
        <FiguresTable />
        <div className="db-chart-stack">
          <BarChart
            title={t('debrief.participation.injects')}
            empty={t('debrief.participation.noInjects')}
            rows={injectRows}
            max={injectMax}
          />
          <TipResponses />
        </div>
      </div>
    </Section>
  );
}

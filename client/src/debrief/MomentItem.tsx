// One moment of the timeline: its time, and each fact that happened then.
import { useTranslation } from 'react-i18next';
import { useDebrief, useFormat, useNames } from './context.ts';
import type { Fact, Moment } from './moments.ts';
import { TipFact } from './TipFact.tsx';
import { VoteMath } from './VoteMath.tsx';

function ItemFact({ fact }: { fact: Extract<Fact, { kind: 'item' }> }) {
  const { t } = useTranslation();
  const { scenario } = useDebrief();
  const n = useNames();
  const f = useFormat();
  const item = scenario.agenda.find((i) => i.id === fact.item);
  return (
    <div className="db-fact db-fact-item">
      <h3 className="db-fact-title">
        {t('debrief.timeline.item', { n: n.itemIndex(fact.item), title: n.item(fact.item) })}
      </h3>
      <p className="muted">
        {item && `${t(`kind.${item.kind}`)} · `}
        {t('debrief.timeline.took', { time: f.duration(fact.end - fact.start) })}
        {item?.duration !== undefined &&
          ` · ${t('debrief.timeline.box', { time: f.duration(item.duration * 1000) })}`}
        {fact.overtimeMs > 0 && (
          <span className="db-over">
            {' '}
            · {t('debrief.timeline.over', { time: f.duration(fact.overtimeMs) })}
          </span>
        )}
      </p>
    </div>
  );
}

function FactView({ fact }: { fact: Fact }) {
  const { t } = useTranslation();
  const { full, audience } = useDebrief();
  const n = useNames();
  const f = useFormat();
  switch (fact.kind) {
    case 'item':
      return <ItemFact fact={fact} />;
    case 'meeting':
      return <p className="db-fact db-fact-meeting">{t(`debrief.timeline.meeting.${fact.what}`)}</p>;
    case 'voteOpen':
      return <p className="db-fact">{t('debrief.timeline.voteOpen', { title: n.item(fact.item) })}</p>;
    case 'turn': {
      const { turn } = fact;
      const notes = [
        turn.pointOfOrder && t('debrief.timeline.pointOfOrder'),
        turn.overtimeMs > 0 && t('debrief.timeline.over', { time: f.duration(turn.overtimeMs) }),
        turn.endedBy === 'cut' && t('debrief.timeline.cut'),
      ].filter(Boolean);
      return (
        <p className="db-fact">
          <span className="db-tag floor">{t('debrief.timeline.floor')}</span>{' '}
          <strong>{n.speaker(turn.speaker)}</strong>{' '}
          {t('debrief.timeline.spoke', { time: f.duration(turn.end - turn.start) })}
          {notes.length > 0 && (
            <span className={turn.overtimeMs > 0 || turn.endedBy === 'cut' ? ' db-over' : ''}>
              {' '}
              · {notes.join(' · ')}
            </span>
          )}
        </p>
      );
    }
    case 'statement': {
      const { statement } = fact;
      const npc = statement.speaker.kind === 'npc';
      return (
        <blockquote className={`db-fact db-quote${npc ? ' npc' : ''}`}>
          <p className="db-quote-who">
            {n.speaker(statement.speaker)}
            {npc && <span className="badge neutral">{t('debrief.timeline.npc')}</span>}
          </p>
          <p>{statement.text}</p>
        </blockquote>
      );
    }
    case 'ballot':
      return (
        <div className="db-fact">
          <VoteMath ballot={fact.ballot} />
        </div>
      );
    case 'inject': {
      const { response } = fact;
      const window = full?.injects.find((i) => i.id === response.inject)?.respondWithin;
      return (
        <div className="db-fact db-fact-inject">
          <p>
            <span className="db-tag inject">{t('debrief.timeline.inject')}</span>{' '}
            <strong>{n.injectTitle(response.inject)}</strong>
          </p>
          <p className="muted">
            {response.responseMs === undefined
              ? audience === 'trainee'
                ? ''
                : t('debrief.timeline.noResponse')
              : t('debrief.timeline.responded', { time: f.duration(response.responseMs) })}
            {window !== undefined &&
              ` · ${t('debrief.timeline.window', { time: f.duration(window * 1000) })}`}
            {response.inTime !== undefined && (
              <span className={response.inTime ? 'db-ok' : 'db-over'}>
                {' '}
                · {response.inTime ? t('debrief.timeline.inTime') : t('debrief.timeline.late')}
              </span>
            )}
          </p>
        </div>
      );
    }
    case 'tip':
      return <TipFact fact={fact} />;
    case 'marker': {
      const { marker } = fact;
      return (
        <div className={`db-fact db-marker ${marker.kind}`}>
          <p>
            <span className={`badge ${marker.kind === 'strength' ? 'ok' : 'warn'}`}>
              {t(`debrief.marker.${marker.kind}`)}
            </span>{' '}
            <strong>{n.competency(marker.competency)}</strong>
            {marker.participantId && ` · ${n.withCard(marker.participantId)}`}
            {audience !== 'trainee' && (
              <span className="muted">
                {' '}
                · {n.observer(marker.observerId)}
                {marker.shared ? ` · ${t('debrief.marker.shared')}` : ''}
              </span>
            )}
          </p>
          {marker.note && <p>{marker.note}</p>}
        </div>
      );
    }
    case 'action':
      return (
        <p className="db-fact">
          <span className="db-tag action">{t(`debrief.timeline.${fact.action.kind}`)}</span>{' '}
          {fact.action.what}
          {fact.action.who && <span className="muted"> · {n.role(fact.action.who)}</span>}
          {fact.action.due && <span className="muted"> · {fact.action.due}</span>}
        </p>
      );
    case 'signup': {
      const item = n.item(fact.signup.item);
      return (
        <p className="db-fact">
          {t('debrief.timeline.signup', { name: n.withCard(fact.signup.participant), item })}
        </p>
      );
    }
  }
}

export function MomentItem({
  moment,
  selected,
  onSelect,
}: {
  moment: Moment;
  selected: boolean;
  onSelect(): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const landmark = moment.facts.some((fact) => fact.kind === 'item');
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the moment's own button is the keyboard control; this widens the mouse target
    <li
      className={`db-moment${selected ? ' selected' : ''}${landmark ? ' landmark' : ''}`}
      data-testid={`moment-${moment.seq}`}
      onClick={onSelect}
    >
      <button
        type="button"
        className="db-moment-time"
        aria-pressed={selected}
        aria-label={t('debrief.timeline.showAt', { time: f.time(moment.at) })}
      >
        {f.time(moment.at)}
      </button>
      <div className="db-moment-facts">
        {moment.facts.map((fact, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a moment's facts never reorder
          <FactView key={i} fact={fact} />
        ))}
      </div>
    </li>
  );
}

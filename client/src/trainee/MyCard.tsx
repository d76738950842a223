import { useTranslation } from 'react-i18next';
import type { LocalText, RoleAttributes } from '../../../shared/scenario/index.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';

/** My role card in full: the public profile, then what only I (and the experts) may read. */
export function MyCardTab() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { me } = useTrainee();
  const card = me.card;
  if (!card) return <p className="panel">{t('trainee.card.none')}</p>;
  return (
    <div className="tr-view">
      <article className="panel role-card tr-my-card" data-testid="my-card" aria-labelledby="my-card-name">
        <p className="tr-eyebrow">{t('trainee.card.eyebrow')}</p>
        <h3 id="my-card-name" className="tr-card-name">
          {L(card.name)}
        </h3>
        {card.affiliation && <p className="muted tr-affiliation">{L(card.affiliation)}</p>}
        <Attributes attributes={card.attributes} />
        <h4>{t('trainee.card.public')}</h4>
        <p>{L(card.public)}</p>
        <div className="private">
          <p className="tr-private-label">{t('trainee.card.privateNote')}</p>
          <h4>{t('trainee.card.brief')}</h4>
          <Markdown text={L(card.brief)} />
          <TextList title={t('trainee.card.goals')} items={card.goals} />
          <TextList title={t('trainee.card.secrets')} items={card.secrets} />
          <TextList title={t('trainee.card.redLines')} items={card.red_lines} />
        </div>
      </article>
      {me.handouts.length > 0 && (
        <section className="panel" aria-labelledby="private-handouts">
          <h3 id="private-handouts">{t('trainee.card.privateHandouts')}</h3>
          {me.handouts.map((h) => (
            <article key={h.id} className="tr-handout tr-private-handout">
              <h4>{L(h.title)}</h4>
              <Markdown text={L(h.body)} />
            </article>
          ))}
        </section>
      )}
      <section className="panel" aria-labelledby="background-heading">
        <h3 id="background-heading">{t('trainee.card.background')}</h3>
        <Background />
      </section>
    </div>
  );
}

function TextList({ title, items }: { title: string; items: LocalText[] }) {
  const L = useLocalize();
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item.zh}>{L(item)}</li>
        ))}
      </ul>
    </>
  );
}

/** Area, floor, building: the facts that weigh in a vote. */
export function Attributes({ attributes }: { attributes: RoleAttributes }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  const parts: string[] = [];
  if (attributes.owner) parts.push(t('trainee.attr.owner'));
  if (attributes.building !== undefined)
    parts.push(t('trainee.attr.building', { value: attributes.building }));
  if (attributes.unit !== undefined) parts.push(t('trainee.attr.unit', { value: attributes.unit }));
  if (attributes.floor !== undefined) parts.push(t('trainee.attr.floor', { value: attributes.floor }));
  if (attributes.area_m2 !== undefined) parts.push(t('trainee.attr.area', { value: n(attributes.area_m2) }));
  if (attributes.weight !== undefined) parts.push(t('trainee.attr.weight', { value: n(attributes.weight) }));
  if (parts.length === 0) return null;
  return (
    <ul className="tr-attributes" aria-label={t('trainee.attr.label')}>
      {parts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/** The public background everyone reads: the story, the facts and the shared handouts. */
export function Background() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { scenario } = useTrainee();
  return (
    <div className="tr-background">
      <Markdown text={L(scenario.background)} />
      {scenario.facts.length > 0 && (
        <dl className="tr-facts">
          {scenario.facts.map((f) => (
            <div key={f.label.zh}>
              <dt>{L(f.label)}</dt>
              <dd>{L(f.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {scenario.handouts.map((h) => (
        <details key={h.id} className="tr-handout">
          <summary>
            {t('trainee.card.handout')}
            {L(h.title)}
          </summary>
          <Markdown text={L(h.body)} />
        </details>
      ))}
    </div>
  );
}

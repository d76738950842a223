import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefusals } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { newId } from '../ui/new-id.ts';
import { useDebrief, useNames, useTrainees } from './context.ts';
import { Section } from './Section.tsx';

function AddItem({ participantId, name }: { participantId: string; name: string }) {
  const { t } = useTranslation();
  const { refresh } = useDebrief();
  const send = useSession((s) => s.send);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const id = useId();
  const trimmed = text.trim();
  return (
    <form
      className="db-plan-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!trimmed || busy) return;
        setBusy(true);
        const ack = await send({ type: 'plan.add', itemId: newId(), participantId, text: trimmed });
        setBusy(false);
        if (ack.ok) {
          setText('');
          setDone(t('debrief.plan.added', { name }));
          refresh();
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('debrief.plan.inputLabel', { name })}
      </label>
      <input
        id={id}
        value={text}
        maxLength={1000}
        placeholder={t('debrief.plan.placeholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid={`plan-input-${participantId}`}
      />
      <button
        type="submit"
        className="primary small"
        disabled={!trimmed || busy}
        data-testid={`plan-add-${participantId}`}
      >
        {t('debrief.plan.add')}
      </button>
      <span className="visually-hidden" role="status">
        {done}
      </span>
    </form>
  );
}

/** "Next time" items: experts write them per trainee; each trainee reads their own. */
export function Plan() {
  const { t } = useTranslation();
  const { attempt, audience } = useDebrief();
  const n = useNames();
  const trainees = useTrainees();
  const expert = audience !== 'trainee';
  // Whether this viewer may write a "next time" item for each trainee: the authority's answer
  // (shared/coaching/may-coach.ts). Items are stamped with the attempt under way, so only its page offers it.
  const refusals = useRefusals(
    trainees.map((p) => ({ type: 'plan.add', itemId: '', participantId: p.id, text: '…' }) as const),
  );
  return (
    <Section
      id="plan"
      title={t('debrief.plan.title')}
      intro={
        expert
          ? attempt.current
            ? t('debrief.plan.introExpert')
            : t('debrief.plan.introEarlier', { n: attempt.attempt })
          : t('debrief.plan.introTrainee')
      }
    >
      <div className="db-plan-grid" data-testid="plan-list">
        {trainees.length === 0 && <p className="hint">{t('debrief.plan.nobody')}</p>}
        {trainees.map((p, index) => {
          const items = attempt.plan.filter((i) => i.participantId === p.id);
          return (
            <div key={p.id} className="db-plan-card">
              {expert && <h3>{n.withCard(p.id)}</h3>}
              {items.length === 0 ? (
                <p className="hint">{t('debrief.plan.empty')}</p>
              ) : (
                <ul className="db-plan-items">
                  {items.map((i) => (
                    <li key={i.id}>
                      {i.text}
                      {expert && <span className="muted db-plan-by"> — {n.observer(i.observerId)}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {attempt.current && refusals[index] === null && <AddItem participantId={p.id} name={p.name} />}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { LiveView } from '../../../../shared/views/types.ts';
import { useMay } from '../../connection/may-send.ts';
import { useLocalize } from '../../ui/text.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { HandToExpert, mayGoToExpert } from './ExpertCards.tsx';
import { missingCards, useRun } from './hooks.ts';

/** The lifecycle buttons for the phase the meeting is in: start, begin, pause, move, extend, end, debrief, retake. */
export function RunControls({ live, scenario }: { live: LiveView; scenario: Scenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { run, busy } = useRun();
  const may = useMay();
  // Each button as the authority answers (shared/meeting/may-send.ts), the server's own check.
  const refused = (command: Parameters<typeof may>[0]) => busy || may(command) !== null;
  const { phase } = live;
  const index = live.item?.index ?? -1;
  const isLast = index === scenario.agenda.length - 1;
  const current = scenario.agenda[index];
  const [target, setTarget] = useState('');
  const goto = target || scenario.agenda[index + 1]?.id || current?.id || '';
  const endButton = (
    <ConfirmButton
      label={t('facilitator.run.end')}
      prompt={t('facilitator.run.endPrompt')}
      confirmLabel={t('facilitator.run.confirmEnd')}
      onConfirm={() => void run({ type: 'meeting.end' })}
      testId="end-meeting"
      confirmTestId="confirm-end"
      disabled={refused({ type: 'meeting.end' })}
    />
  );

  if (phase === 'lobby') {
    const missing = missingCards(scenario, live);
    const names = missing
      .map((m) => L(scenario.roles.find((r) => r.id === m.roleId)?.name))
      .join(t('facilitator.sep'));
    // The authority's reason (may-send.ts): nobody joined, or the cards still short of their minimum.
    const refusal = may({ type: 'meeting.start' });
    const reason =
      refusal?.code === 'meeting/nobody_joined'
        ? t('facilitator.run.nobody')
        : refusal?.code === 'meeting/required_cards'
          ? t('facilitator.run.missing', { names })
          : '';
    return (
      <div className="fac-run">
        <button
          type="button"
          className="primary fac-big"
          disabled={busy || refusal !== null}
          aria-describedby={reason ? 'start-reason' : undefined}
          onClick={() => void run({ type: 'meeting.start' })}
          data-testid="start-meeting"
        >
          {t('facilitator.run.start')}
        </button>
        {reason ? (
          <div id="start-reason" className="fac-reason">
            <p>{reason}</p>
            {refusal?.code === 'meeting/required_cards' && (
              <>
                <p className="hint">{t('facilitator.expert.blocker')}</p>
                <ul className="fac-blocker-cards">
                  {missing.map((m) => {
                    const role = scenario.roles.find((r) => r.id === m.roleId);
                    return role && mayGoToExpert(may, role) ? (
                      <li key={m.roleId} data-testid={`blocker-${m.roleId}`}>
                        <span>{L(role.name)}</span> <HandToExpert role={role} live={live} />
                      </li>
                    ) : null;
                  })}
                </ul>
              </>
            )}
          </div>
        ) : (
          <p className="hint">{t('facilitator.run.startHint')}</p>
        )}
      </div>
    );
  }

  if (phase === 'briefing') {
    return (
      <div className="fac-run">
        <button
          type="button"
          className="primary fac-big"
          disabled={refused({ type: 'meeting.begin' })}
          onClick={() => void run({ type: 'meeting.begin' })}
          data-testid="begin-meeting"
        >
          {t('facilitator.run.begin')}
        </button>
        <p className="hint">{t('facilitator.run.beginHint')}</p>
        <span className="fac-run-spacer" />
        {endButton}
      </div>
    );
  }

  if (phase === 'running' || phase === 'paused') {
    const paused = phase === 'paused';
    return (
      <div className="fac-run">
        {paused ? (
          <button
            type="button"
            className="primary fac-big"
            disabled={refused({ type: 'meeting.resume' })}
            onClick={() => void run({ type: 'meeting.resume' })}
            data-testid="resume-meeting"
          >
            {t('facilitator.run.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="fac-big"
            disabled={refused({ type: 'meeting.pause' })}
            onClick={() => void run({ type: 'meeting.pause' })}
            data-testid="pause-meeting"
          >
            {t('facilitator.run.pause')}
          </button>
        )}
        {isLast ? (
          <ConfirmButton
            label={t('facilitator.run.finishLast')}
            prompt={t('facilitator.run.finishPrompt')}
            confirmLabel={t('facilitator.run.confirmFinish')}
            onConfirm={() => void run({ type: 'item.next' })}
            testId="next-item"
            confirmTestId="confirm-next-item"
            disabled={refused({ type: 'item.next' })}
            className="primary"
          />
        ) : (
          <button
            type="button"
            className="primary"
            disabled={refused({ type: 'item.next' })}
            onClick={() => void run({ type: 'item.next' })}
            data-testid="next-item"
          >
            {t('facilitator.run.next')}
          </button>
        )}
        <fieldset className="fac-extend">
          <legend className="visually-hidden">{t('facilitator.run.extendGroup')}</legend>
          <button
            type="button"
            disabled={refused({ type: 'item.extend', seconds: 60 })}
            onClick={() => void run({ type: 'item.extend', seconds: 60 })}
            data-testid="extend-item"
          >
            {t('facilitator.run.extend', { count: 1 })}
          </button>
          <button
            type="button"
            disabled={refused({ type: 'item.extend', seconds: 180 })}
            onClick={() => void run({ type: 'item.extend', seconds: 180 })}
            data-testid="extend-item-3"
          >
            {t('facilitator.run.extend', { count: 3 })}
          </button>
        </fieldset>
        <form
          className="fac-goto"
          onSubmit={(e) => {
            e.preventDefault();
            if (goto) void run({ type: 'item.goto', itemId: goto }).then(() => setTarget(''));
          }}
        >
          <label className="visually-hidden" htmlFor="goto-select">
            {t('facilitator.run.gotoLabel')}
          </label>
          <select
            id="goto-select"
            value={goto}
            onChange={(e) => setTarget(e.target.value)}
            disabled={may({ type: 'item.goto', itemId: goto }) !== null}
            data-testid="goto-item"
          >
            {scenario.agenda.map((item, i) => (
              <option key={item.id} value={item.id}>
                {i + 1}. {L(item.title)}
                {i === index ? ` ${t('facilitator.run.currentMark')}` : ''}
              </option>
            ))}
          </select>
          <button
            type="submit"
            disabled={refused({ type: 'item.goto', itemId: goto }) || goto === current?.id}
            data-testid="goto-item-go"
          >
            {t('facilitator.run.goto')}
          </button>
        </form>
        <span className="fac-run-spacer" />
        {endButton}
      </div>
    );
  }

  // Closed or debrief: open the debrief, then run it again.
  return (
    <div className="fac-run">
      {phase === 'closed' && (
        <button
          type="button"
          className="primary fac-big"
          disabled={refused({ type: 'meeting.open_debrief' })}
          onClick={() => void run({ type: 'meeting.open_debrief' })}
          data-testid="open-debrief"
        >
          {t('facilitator.run.openDebrief')}
        </button>
      )}
      <p className="hint">{t('facilitator.run.retakeHint', { n: live.attempt + 1 })}</p>
      <button
        type="button"
        className={phase === 'debrief' ? 'primary' : undefined}
        disabled={refused({ type: 'meeting.retake', cards: 'keep' })}
        onClick={() => void run({ type: 'meeting.retake', cards: 'keep' })}
        data-testid="retake-keep"
      >
        {t('facilitator.run.retakeKeep')}
      </button>
      <button
        type="button"
        disabled={refused({ type: 'meeting.retake', cards: 'clear' })}
        onClick={() => void run({ type: 'meeting.retake', cards: 'clear' })}
        data-testid="retake-clear"
      >
        {t('facilitator.run.retakeClear')}
      </button>
    </div>
  );
}

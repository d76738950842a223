import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import { type Mood, speakerKey } from '../../../shared/meeting/context.ts';
import { hasFloor } from '../../../shared/meeting/floor.ts';
import { Turnout } from '../ui/Turnout.tsx';
import { useLocalize } from '../ui/text.ts';
import { ActionForm } from './ActionForm.tsx';
import { useTrainee } from './context.ts';
import './moment-strings.ts';
import { useSpeakerName } from './names.ts';

/** The chair drives procedure: the floor, the clock, the vote, the agenda. */
export function ChairPanel() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, item, scenario, may, send } = useTrainee();
  const state = live.item;
  if (!state || !item) return null;
  const running = live.phase === 'running';
  const refused = (command: Parameters<typeof may>[0]) => may(command) !== null;
  const next = scenario.agenda[state.index + 1];
  const ballot = state.ballot;
  return (
    <section className="panel tr-chair-panel" data-testid="chair-panel" aria-labelledby="chair-heading">
      <h3 id="chair-heading">{t('trainee.chair.heading')}</h3>
      <p className="hint">{running ? t('trainee.chair.hint') : t('trainee.chair.paused')}</p>
      <RoomMoods />
      {hasFloor(item) && <FloorControls />}
      {ballot && (
        <div className="tr-chair-group">
          <h4>{t(`kind.${item.kind}`)}</h4>
          {!ballot.open && !ballot.closed && (
            <button
              type="button"
              className="primary"
              data-testid="chair-open-vote"
              disabled={refused({ type: 'vote.open' })}
              onClick={() => void send({ type: 'vote.open' })}
            >
              {t('trainee.chair.openVote')}
            </button>
          )}
          {/* Whether the vote can be valid before it is closed: the skill being trained. */}
          {ballot.open && ballot.turnout && (
            <Turnout turnout={ballot.turnout} title={scenario.electorate?.title} testId="chair-turnout" />
          )}
          {ballot.open && (
            <button
              type="button"
              className="primary"
              data-testid="chair-close-vote"
              disabled={refused({ type: 'vote.close' })}
              onClick={() => void send({ type: 'vote.close' })}
            >
              {t('trainee.chair.closeVote', { cast: ballot.castCount, voters: ballot.voters.length })}
            </button>
          )}
          {ballot.closed && <p className="hint">{t('trainee.chair.voteClosed')}</p>}
        </div>
      )}
      {item.kind === 'actions' && (
        <ActionForm disabled={refused({ type: 'action.record', kind: 'decision', what: '-' })} />
      )}
      <div className="tr-chair-group">
        <h4>{t('trainee.chair.agenda')}</h4>
        <div className="button-row">
          <button
            type="button"
            data-testid="chair-next-item"
            className={ballot?.closed ? 'primary' : undefined}
            disabled={refused({ type: 'item.next' })}
            onClick={() => void send({ type: 'item.next' })}
          >
            {next ? t('trainee.chair.nextItem', { title: L(next.title) }) : t('trainee.chair.lastItem')}
          </button>
          <button
            type="button"
            data-testid="chair-extend-item"
            disabled={refused({ type: 'item.extend', seconds: 120 })}
            onClick={() => void send({ type: 'item.extend', seconds: 120 })}
          >
            {t('trainee.chair.extendItem')}
          </button>
        </div>
      </div>
    </section>
  );
}

const MOODS: Mood[] = ['agree', 'unsure', 'disagree'];

/** The moods the trainees are showing, as the mood buttons promise the chair sees them. */
function RoomMoods() {
  const { t } = useTranslation();
  const { live } = useTrainee();
  const name = useSpeakerName();
  const showing = live.participants.filter((p) => p.roleId !== null && p.mood !== null);
  return (
    <div className="tr-chair-group tr-chair-moods" data-testid="chair-moods">
      <h4>{t('trainee.chair.moods')}</h4>
      {showing.length === 0 ? (
        <p className="hint">{t('trainee.chair.noMoods')}</p>
      ) : (
        <ul className="list-plain">
          {MOODS.map((mood) => {
            const who = showing.filter((p) => p.mood === mood);
            if (who.length === 0) return null;
            return (
              <li key={mood} data-testid={`chair-mood-${mood}`}>
                <span className={`tr-mood-chip ${mood}`}>
                  {t('trainee.chair.moodCount', { mood: t(`mood.${mood}`), count: who.length })}
                </span>{' '}
                <span className="muted">
                  {who.map((p) => name({ kind: 'participant', id: p.id })).join(t('trainee.sep'))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function FloorControls() {
  const { t } = useTranslation();
  const { live, scenario, may, send } = useTrainee();
  const name = useSpeakerName();
  const [pick, setPick] = useState('');
  const selectId = useId();
  const state = live.item;
  if (!state) return null;
  const first = state.queue[0];
  const queued = new Set(state.queue.map((e) => speakerKey(e.speaker)));
  const everyone: Speaker[] = [
    ...state.queue.map((e) => e.speaker),
    ...live.participants.filter((p) => p.roleId).map((p): Speaker => ({ kind: 'participant', id: p.id })),
    ...scenario.roles.filter((r) => r.npc).map((r): Speaker => ({ kind: 'npc', roleId: r.id })),
  ];
  // Whom this item lets the chair call, as the authority says: a fixed list offers its own speakers.
  const choices = new Map<string, Speaker>();
  for (const s of everyone) {
    const key = speakerKey(s);
    if (!choices.has(key) && may({ type: 'floor.give', to: s }) === null) choices.set(key, s);
  }
  const chosen = choices.get(pick);
  const floor = state.floor;
  return (
    <div className="tr-chair-group">
      <h4>{t('trainee.chair.floor')}</h4>
      {floor ? (
        <div className="button-row">
          <button
            type="button"
            className="danger"
            data-testid="chair-cut"
            disabled={may({ type: 'floor.cut' }) !== null}
            onClick={() => void send({ type: 'floor.cut' })}
          >
            {t('trainee.chair.cut')}
          </button>
          <button
            type="button"
            data-testid="chair-extend-floor"
            disabled={may({ type: 'floor.extend', seconds: 60 }) !== null || floor.deadline === undefined}
            onClick={() => void send({ type: 'floor.extend', seconds: 60 })}
          >
            {t('trainee.chair.extendFloor')}
          </button>
        </div>
      ) : (
        <>
          <button
            type="button"
            className="primary tr-wide-button"
            data-testid="chair-give-floor"
            disabled={may({ type: 'floor.give' }) !== null}
            onClick={() => void send({ type: 'floor.give' })}
          >
            {first
              ? t('trainee.chair.giveNext', { name: name(first.speaker) })
              : t('trainee.chair.queueEmpty')}
          </button>
          {choices.size > 0 && (
            <div className="inline-form">
              <label htmlFor={selectId}>
                <span>{t('trainee.chair.choose')}</span>
                <select id={selectId} value={pick} onChange={(e) => setPick(e.target.value)}>
                  <option value="">{t('trainee.chair.pick')}</option>
                  {[...choices].map(([key, s]) => (
                    <option key={key} value={key}>
                      {queued.has(key) ? t('trainee.chair.queuedOption', { name: name(s) }) : name(s)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                data-testid="chair-give-chosen"
                disabled={!chosen}
                onClick={() => {
                  if (chosen) void send({ type: 'floor.give', to: chosen });
                  setPick('');
                }}
              >
                {t('trainee.chair.call')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

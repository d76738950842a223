import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ballotIsFinal } from '../../../shared/meeting/ballot-final.ts';
import { useTrainee } from './context.ts';
import './moment-strings.ts';
import { useCandidateName } from './names.ts';

/** Up to maxChoices candidates, ticked; an empty ballot is a blank one. */
export function ElectionForm() {
  const { t } = useTranslation();
  const { live, item, me, send } = useTrainee();
  const nameOf = useCandidateName();
  const cast = Array.isArray(me.ballot) ? me.ballot : undefined;
  const [chosen, setChosen] = useState<string[]>(cast ?? []);
  const [busy, setBusy] = useState(false);
  const castKey = cast?.join(',');
  useEffect(() => {
    if (castKey !== undefined) setChosen(castKey ? castKey.split(',') : []);
  }, [castKey]);
  if (item?.kind !== 'election') return null;
  const final = ballotIsFinal(item, cast !== undefined);
  const candidates = live.item?.ballot?.candidates ?? [];
  const full = chosen.length >= item.maxChoices;
  const toggle = (id: string) =>
    setChosen((now) => (now.includes(id) ? now.filter((c) => c !== id) : [...now, id]));
  const submit = async () => {
    setBusy(true);
    await send({ type: 'election.cast', choices: chosen });
    setBusy(false);
  };
  return (
    <div className="tr-election">
      <fieldset disabled={final}>
        <legend>{t('trainee.election.choose', { max: item.maxChoices })}</legend>
        <ul className="tr-candidates">
          {candidates.map((id) => (
            <li key={id}>
              <label className={`tr-candidate${chosen.includes(id) ? ' tr-chosen' : ''}`}>
                <input
                  type="checkbox"
                  data-testid={`election-candidate-${id}`}
                  checked={chosen.includes(id)}
                  disabled={!chosen.includes(id) && full}
                  onChange={() => toggle(id)}
                />
                <span>{nameOf(id)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="hint">{t('trainee.election.count', { n: chosen.length, max: item.maxChoices })}</p>
      {!final && (
        <button
          type="button"
          className="primary tr-wide-button"
          data-testid="election-submit"
          disabled={busy}
          onClick={() => void submit()}
        >
          {chosen.length === 0
            ? t('trainee.election.blank')
            : cast
              ? t('trainee.election.change')
              : t('trainee.election.submit', { n: chosen.length })}
        </button>
      )}
      <p className="tr-my-ballot" role="status">
        {cast === undefined
          ? t('trainee.ballot.notYet')
          : t(final ? 'trainee.election.castFinal' : 'trainee.election.castOpen', {
              names:
                cast.length > 0 ? cast.map(nameOf).join(t('trainee.sep')) : t('trainee.election.blankBallot'),
            })}
      </p>
    </div>
  );
}

/** Putting names forward before an election opens. */
export function Nominations() {
  const { t } = useTranslation();
  const { live, me, send } = useTrainee();
  const nameOf = useCandidateName();
  const selectId = useId();
  const nominated = live.item?.ballot?.nominations ?? [];
  const choices = live.participants.filter((p) => p.roleId && !nominated.includes(p.id));
  const [pick, setPick] = useState('');
  return (
    <div className="tr-nominations">
      <h4>{t('trainee.election.nominated', { count: nominated.length })}</h4>
      {nominated.length > 0 ? (
        <ul className="list-plain">
          {nominated.map((id) => (
            <li key={id}>{nameOf(id)}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('trainee.election.noneYet')}</p>
      )}
      {me.card && choices.length > 0 && (
        <div className="inline-form">
          <label htmlFor={selectId}>
            <span>{t('trainee.election.nominate')}</span>
            <select id={selectId} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{t('trainee.election.pick')}</option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === me.participantId
                    ? t('trainee.election.self', { name: nameOf(p.id) })
                    : nameOf(p.id)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!pick}
            onClick={() => {
              void send({ type: 'candidate.nominate', participantId: pick });
              setPick('');
            }}
          >
            {t('trainee.election.nominateButton')}
          </button>
        </div>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../shared/meeting/rules.ts';
import { describeRule } from '../../../shared/views/rule-text.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { useLocalize } from '../ui/text.ts';
import '../ui/Turnout.tsx';
import { BallotResult } from './BallotResult.tsx';
import { useTrainee } from './context.ts';
import { ElectionForm, Nominations } from './Election.tsx';
import './moment-strings.ts';
import { useCandidateName } from './names.ts';

/** A vote or an election: the motion, the rule in plain words, my ballot, then the result. */
export function BallotPanel() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, item, scenario, me, may } = useTrainee();
  const ballot = live.item?.ballot;
  if (!ballot || (item?.kind !== 'vote' && item?.kind !== 'election')) return null;
  const rule = scenario.rules?.[item.rule];
  // Whether this card votes here is the authority's answer to casting a ballot, not a copy of it.
  const cast =
    item.kind === 'vote'
      ? may({ type: 'vote.cast', choice: item.options[0] ?? 'yes' })
      : may({ type: 'election.cast', choices: [] });
  const eligible = cast?.code !== 'vote/not_eligible';
  const record = live.record.ballots.findLast((b) => b.item === item.id);
  const status = ballot.closed ? 'closed' : ballot.open ? 'open' : 'pending';
  return (
    <section className={`panel tr-ballot ${status}`} data-testid="ballot" aria-labelledby="ballot-heading">
      <div className="tr-ballot-head">
        <h3 id="ballot-heading">{t(`kind.${item.kind}`)}</h3>
        <span className={`badge ${status === 'open' ? 'ok' : 'neutral'}`}>
          {t(`trainee.ballot.status.${status}`)}
        </span>
      </div>
      {item.kind === 'vote' ? (
        <div className="tr-motion">
          <p className="tr-eyebrow">{t('trainee.ballot.motion')}</p>
          <Markdown text={L(item.motion)} />
        </div>
      ) : (
        <p>{t('trainee.ballot.seats', { seats: item.seats, max: item.maxChoices })}</p>
      )}
      {rule && (
        <p className="tr-rule" data-testid="ballot-rule">
          <strong>{t('trainee.ballot.rule')}</strong>
          {L(describeRule(rule))}
        </p>
      )}
      <p className="hint">
        {item.ballot === 'secret' ? t('trainee.ballot.secret') : t('trainee.ballot.open')}
      </p>
      {status === 'pending' && (
        <>
          <p className="tr-waiting">{t('trainee.ballot.pending')}</p>
          {item.kind === 'election' && item.candidates === 'nominate' && <Nominations />}
        </>
      )}
      {status === 'open' && (
        <>
          {!eligible && <p className="tr-notice">{t('trainee.ballot.notEligible')}</p>}
          {eligible && item.kind === 'vote' && (
            <VoteOptions options={item.options} secret={item.ballot === 'secret'} />
          )}
          {eligible && item.kind === 'vote' && (
            <MyOwners options={item.options} secret={item.ballot === 'secret'} />
          )}
          {eligible && item.kind === 'election' && <ElectionForm />}
          <p className="hint" aria-live="polite">
            {t('trainee.ballot.progress', { cast: ballot.castCount, voters: ballot.voters.length })}
          </p>
          {ballot.votes && (
            <OpenTally votes={ballot.votes} options={item.kind === 'vote' ? item.options : []} />
          )}
        </>
      )}
      {status === 'closed' && record && <BallotResult record={record} />}
      {status === 'closed' && me.ballot !== undefined && <ClosedBallot />}
    </section>
  );
}

function VoteOptions({ options, secret }: { options: readonly Choice[]; secret: boolean }) {
  const { t } = useTranslation();
  const { me, send } = useTrainee();
  const mine = typeof me.ballot === 'string' ? me.ballot : undefined;
  const final = secret && mine !== undefined;
  return (
    <div className="tr-vote-options">
      <fieldset>
        <legend className="visually-hidden">{t('trainee.ballot.choose')}</legend>
        <div className="tr-option-buttons">
          {options.map((option) => (
            <button
              key={option}
              type="button"
              className={`tr-option ${option}`}
              data-testid={`ballot-option-${option}`}
              aria-pressed={mine === option}
              disabled={final}
              onClick={() => void send({ type: 'vote.cast', choice: option })}
            >
              {t(`choice.${option}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <p className="tr-my-ballot" role="status">
        {mine === undefined
          ? t('trainee.ballot.notYet')
          : final
            ? t('trainee.ballot.castFinal', { choice: t(`choice.${mine}`) })
            : t('trainee.ballot.castOpen', { choice: t(`choice.${mine}`) })}
      </p>
    </div>
  );
}

/**
 * A vote of the electorate: the owners this card votes for. One owner (or a
 * proxy) is named; a crowd card lists each owner with their own buttons, so
 * its holder can split the card's ballots.
 */
function MyOwners({ options, secret }: { options: readonly Choice[]; secret: boolean }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { me, send } = useTrainee();
  const owners = me.owners;
  if (!owners || owners.length === 0) return null;
  const label = (o: (typeof owners)[number]) => `${o.flats.join(t('turnout.owners.flatSep'))} ${L(o.name)}`;
  const [only] = owners;
  if (owners.length === 1 && only) {
    return (
      <p className="hint" data-testid="my-owners">
        {only.proxy
          ? t('turnout.mine.proxy', { label: label(only) })
          : t('turnout.mine.one', { label: label(only) })}
      </p>
    );
  }
  return (
    <div className="my-owners" data-testid="my-owners">
      <p className="hint">{t('turnout.mine.many', { count: owners.length })}</p>
      <ul>
        {owners.map((o) => {
          const flat = o.flats[0] ?? o.id;
          const mine = typeof o.mine === 'string' ? o.mine : undefined;
          const onPaper = o.source !== undefined && o.source !== 'room';
          return (
            <li key={o.id} data-testid={`my-owner-${o.id}`}>
              <span>{o.proxy ? t('turnout.owners.proxy', { name: label(o) }) : label(o)}</span>{' '}
              <span className="muted">
                {onPaper
                  ? t('turnout.mine.onPaper')
                  : mine
                    ? t('turnout.mine.yours', { choice: t(`choice.${mine}`) })
                    : t('turnout.mine.notYet')}
              </span>
              {!onPaper && !(secret && mine) && (
                <span className="tr-option-buttons small">
                  {options.map((option) => (
                    <button
                      key={option}
                      type="button"
                      className={`tr-option ${option}`}
                      aria-pressed={mine === option}
                      aria-label={`${label(o)}: ${t(`choice.${option}`)}`}
                      data-testid={`owner-option-${o.id}-${option}`}
                      onClick={() => void send({ type: 'vote.cast', choice: option, flats: [flat] })}
                    >
                      {t(`choice.${option}`)}
                    </button>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function OpenTally({ votes, options }: { votes: Record<string, Choice>; options: readonly Choice[] }) {
  const { t } = useTranslation();
  if (options.length === 0) return null;
  const counts = options.map(
    (o) => `${t(`choice.${o}`)} ${Object.values(votes).filter((v) => v === o).length}`,
  );
  return <p className="hint">{t('trainee.ballot.tally', { counts: counts.join(' · ') })}</p>;
}

function ClosedBallot() {
  const { t } = useTranslation();
  const { me } = useTrainee();
  const nameOf = useCandidateName();
  const mine = me.ballot;
  if (mine === undefined) return null;
  return (
    <p className="tr-my-ballot">
      {typeof mine === 'string'
        ? t('trainee.ballot.yourVote', { choice: t(`choice.${mine}`) })
        : t('trainee.ballot.yourChoices', {
            names:
              mine.length > 0 ? mine.map(nameOf).join(t('trainee.sep')) : t('trainee.election.blankBallot'),
          })}
    </p>
  );
}

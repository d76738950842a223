// The vote under way, counted live under its rule (secret ballots included:
// experts see every ballot), and the votes already closed with their outcome.
import { useTranslation } from 'react-i18next';
import type { ItemOf, Rule } from '../../../shared/scenario/index.ts';
import { describeRule } from '../../../shared/views/rule-text.ts';
import type { BallotView } from '../../../shared/views/types.ts';
import { useLiveSelect } from '../connection/live-slice.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { OwnersTable } from '../ui/OwnersTable.tsx';
import { Turnout } from '../ui/Turnout.tsx';
import { localize } from '../ui/text.ts';
import { Conditions, Tally, useMeasureFormat, Verdict } from './Arithmetic.tsx';
import { BallotRecords } from './BallotRecords.tsx';
import { ElectionBallots, ElectionResults } from './Election.tsx';
import { type Labels, useLabels } from './labels.ts';
import type { ObserverProps } from './ObserverConsole.tsx';
import { Section } from './Section.tsx';
import { VoteTable } from './VoteTable.tsx';

type BallotItem = ItemOf<'vote' | 'election'>;

function RuleLine({ rule, item }: { rule: Rule | undefined; item: BallotItem }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="obs-rule">
      <span className={`badge ${item.ballot === 'secret' ? 'warn' : 'neutral'}`}>
        {t(`observer.vote.ballot.${item.ballot}`)}
      </span>{' '}
      {rule ? localize(describeRule(rule), i18n.language) : item.rule}
    </p>
  );
}

function LiveBallot({
  scenario,
  ballot,
  item,
  labels,
}: ObserverProps & { ballot: BallotView | null | undefined; item: BallotItem; labels: Labels }) {
  const { t, i18n } = useTranslation();
  const rule = scenario.rules[item.rule];
  const f = useMeasureFormat(rule);
  // Every figure below is the engine's own count as it stands (shared/meeting/standing.ts).
  const standing = ballot?.standing;
  if (!ballot || !standing) return null;
  const areaOf = (id: string) => f.value('area', standing.seats.find((s) => s.id === id)?.area ?? 0);
  // Before the vote opens: the owners the room would cast for (or the eligible seats, without an electorate).
  const inRoom = standing.electorate
    ? standing.turnout.inRoom
    : { headcount: standing.seats.length, area: standing.seats.reduce((sum, s) => sum + s.area, 0) };
  const counted = ballot.open ? standing.outcome : null;
  return (
    <div className="obs-ballot">
      <h3>{localize(item.title, i18n.language)}</h3>
      {item.kind === 'election' && (
        <p className="obs-motion">{t('observer.vote.seats', { seats: item.seats, max: item.maxChoices })}</p>
      )}
      <RuleLine rule={rule} item={item} />
      {!ballot.open && !ballot.closed && (
        <p className="obs-pending">
          {t('observer.vote.pending', { count: inRoom.headcount, area: f.value('area', inRoom.area) })}
          {item.kind === 'election' && ballot.nominations.length > 0 && (
            <span className="obs-nominees">
              {' '}
              {t('observer.vote.nominees', {
                names: ballot.nominations.map(labels.candidate).join(t('observer.listSeparator')),
              })}
            </span>
          )}
        </p>
      )}
      {ballot.closed && <p className="muted">{t('observer.vote.closedSee')}</p>}
      {counted && (
        <div className="obs-arith" data-testid="vote-arithmetic">
          <p className="obs-progress">
            <span className="badge ok">{t('observer.vote.open')}</span>{' '}
            {t('observer.vote.castCount', { cast: ballot.castCount, total: ballot.voters.length })}
          </p>
          <Turnout turnout={standing.turnout} title={standing.electorate?.title} testId="observer-turnout" />
          {counted.kind === 'vote' ? (
            <>
              <Conditions outcome={counted.outcome} rule={rule} />
              <Verdict outcome={counted.outcome} running />
              <Tally
                outcome={counted.outcome}
                rule={rule}
                notVoted={ballot.voters.length - ballot.castCount}
              />
            </>
          ) : (
            <ElectionResults outcome={counted.outcome} rule={rule} labels={labels} running />
          )}
        </div>
      )}
      {(ballot.open || ballot.closed) && standing.electorate && (
        <OwnersTable
          rows={standing.electorate.owners}
          unlisted={standing.electorate.unlisted}
          tallies={standing.electorate.tallies}
          seatLabel={labels.participant}
          candidateLabel={labels.candidate}
          testId="observer-owners"
        />
      )}
      {(ballot.open || ballot.closed) &&
        !standing.electorate &&
        (item.kind === 'vote' ? (
          <VoteTable votes={ballot.votes ?? {}} voters={ballot.voters} labels={labels} areaOf={areaOf} />
        ) : (
          <ElectionBallots choices={ballot.choices ?? {}} voters={ballot.voters} labels={labels} />
        ))}
      {item.kind === 'vote' && (
        // Open before the vote, when the chair reads it out; folded while the count matters more.
        <details className="obs-details" open={!ballot.open}>
          <summary>{t('observer.vote.motion')}</summary>
          <Markdown className="obs-motion" text={localize(item.motion, i18n.language)} />
        </details>
      )}
    </div>
  );
}

export function VotePanel(props: ObserverProps) {
  const { scenario } = props;
  const live = useLiveSelect((l) => ({
    participants: l.participants,
    index: l.item?.index,
    ballot: l.item?.ballot,
  }));
  const { t } = useTranslation();
  const labels = useLabels(scenario);
  const item = live.index !== undefined ? scenario.agenda[live.index] : undefined;
  const ballotItem = item?.kind === 'vote' || item?.kind === 'election' ? item : undefined;
  const ballot = live.ballot;
  return (
    <Section
      id="votes"
      title={t('observer.vote.title')}
      testId="vote-panel"
      badge={
        ballot?.open && (
          <span className="badge ok">
            {t('observer.vote.castCount', { cast: ballot.castCount, total: ballot.voters.length })}
          </span>
        )
      }
    >
      {ballotItem ? (
        <LiveBallot {...props} ballot={ballot} item={ballotItem} labels={labels} />
      ) : (
        <p className="muted obs-empty">{t('observer.vote.none')}</p>
      )}
      <BallotRecords {...props} participants={live.participants} labels={labels} />
    </Section>
  );
}

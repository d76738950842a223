// Votes already closed in this attempt: the full outcome as the engine counted it.
import { useTranslation } from 'react-i18next';
import { seatVoters } from '../../../shared/meeting/ballots.ts';
import type { BallotRecord } from '../../../shared/meeting/context.ts';
import { ownerRows } from '../../../shared/meeting/standing.ts';
import type { ParticipantView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';
import { OwnersTable } from '../ui/OwnersTable.tsx';
import { Conditions, Tally, useMeasureFormat, Verdict } from './Arithmetic.tsx';
import { ElectionBallots, ElectionResults } from './Election.tsx';
import type { Labels } from './labels.ts';

const NONE: BallotRecord[] = [];

import type { ObserverProps } from './ObserverConsole.tsx';
import { VoteTable } from './VoteTable.tsx';

type RecordsProps = ObserverProps & { participants: ParticipantView[]; labels: Labels };

function Record({ scenario, participants, record, labels }: RecordsProps & { record: BallotRecord }) {
  const { t } = useTranslation();
  const rule = scenario.rules[record.outcome.rule];
  const f = useMeasureFormat(rule);
  const seats = Object.keys(record.kind === 'vote' ? record.votes : record.choices);
  const roleOf = (id: string) => participants.find((p) => p.id === id)?.roleId;
  const voters = seatVoters(scenario, roleOf, record.outcome.rule, seats);
  const electorate = scenario.electorate && record.electorate ? scenario.electorate : undefined;
  const areaOf = (id: string) => f.value('area', voters.find((v) => v.id === id)?.area ?? 0);
  const passed = record.kind === 'vote' ? record.outcome.passed : record.outcome.elected.length > 0;
  return (
    <li className="obs-record">
      <p className="obs-record-head">
        <strong>{labels.item(record.item)}</strong>
        <span className={`badge ${passed ? 'ok' : ''}`}>
          {record.kind === 'vote'
            ? record.outcome.passed
              ? t('observer.vote.passed')
              : t('observer.vote.notPassed')
            : t('observer.vote.electedCount', {
                count: record.outcome.elected.length,
                seats: record.outcome.seats,
              })}
        </span>
        <span className="muted">{labels.time(record.at)}</span>
      </p>
      {record.kind === 'vote' ? (
        <>
          <Conditions outcome={record.outcome} rule={rule} />
          <Verdict outcome={record.outcome} running={false} />
          <Tally outcome={record.outcome} rule={rule} />
        </>
      ) : (
        <ElectionResults outcome={record.outcome} rule={rule} labels={labels} running={false} />
      )}
      {electorate && record.electorate && (
        <details className="obs-details">
          <summary>
            {t('observer.vote.whoVoted', { count: Object.keys(record.electorate.ballots).length })}
          </summary>
          <OwnersTable
            rows={ownerRows(electorate, record.electorate)}
            unlisted={electorate.unlisted}
            tallies={record.electorate.tallies}
            seatLabel={labels.participant}
            candidateLabel={labels.candidate}
          />
        </details>
      )}
      {!electorate && seats.length > 0 && (
        <details className="obs-details">
          <summary>{t('observer.vote.whoVoted', { count: seats.length })}</summary>
          {record.kind === 'vote' ? (
            <VoteTable votes={record.votes} voters={seats} labels={labels} areaOf={areaOf} />
          ) : (
            <ElectionBallots choices={record.choices} voters={seats} labels={labels} />
          )}
        </details>
      )}
    </li>
  );
}

export function BallotRecords(props: RecordsProps) {
  const { t } = useTranslation();
  const ballots = useSession((s) => s.live?.record.ballots ?? NONE);
  const records = [...ballots].reverse();
  if (records.length === 0) return null;
  return (
    <>
      <h3 className="obs-sub">{t('observer.vote.closedTitle')}</h3>
      <ol className="obs-records">
        {records.map((record) => (
          <Record key={`${record.item}-${record.at}`} {...props} record={record} />
        ))}
      </ol>
    </>
  );
}

// Who voted what, with the area each seat carries.
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../shared/meeting/rules.ts';
import type { Labels } from './labels.ts';

export function VoteTable({
  votes,
  voters,
  labels,
  areaOf,
}: {
  votes: Record<string, Choice>;
  voters: string[];
  labels: Labels;
  areaOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="obs-voters">
      {voters.map((id) => {
        const choice = votes[id];
        return (
          <li key={id}>
            <span>{labels.participant(id)}</span>
            <span className="muted obs-num">{areaOf(id)}</span>
            <span className={`obs-choice ${choice ?? 'none'}`}>
              {choice ? t(`choice.${choice}`) : t('observer.vote.notVoted')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { BallotRecord } from '../../../shared/meeting/context.ts';
import { openSeatsSentence } from '../../../shared/meeting/election-words.ts';
import { type ConditionResult, formatShare, type VoteOutcome } from '../../../shared/meeting/rules.ts';
import type { LiveView, StaticView } from '../../../shared/views/types.ts';
import { candidateSpeaker, characterName, useLocalize } from '../ui/text.ts';
import '../ui/Turnout.tsx';

type T = ReturnType<typeof useTranslation>['t'];

/** "参与面积 81%（需 66.7%）" for one quorum or pass condition; a sealed pass condition says only its need. */
function conditionLine(t: T, kind: 'quorum' | 'pass', c: ConditionResult, sealed: boolean): string {
  const need = `${c.threshold.strict ? '>' : ''}${formatShare(c.threshold.num, c.threshold.den)}`;
  const what = t(`projector.result.${kind}_${c.dimension}`);
  if (sealed && kind === 'pass') return `${what} / ${need}`;
  return t('projector.result.condition', { what, share: formatShare(c.part, c.whole), need });
}

function VoteFigures({ outcome, sealed }: { outcome: VoteOutcome; sealed: boolean }) {
  const { t } = useTranslation();
  const conditions = [
    ...outcome.quorum.map((c) => ({
      c,
      key: `quorum-${c.dimension}`,
      text: conditionLine(t, 'quorum', c, sealed),
    })),
    ...outcome.pass.map((c) => ({
      c,
      key: `pass-${c.dimension}`,
      text: conditionLine(t, 'pass', c, sealed),
    })),
  ];
  return (
    <>
      {conditions.length > 0 && (
        <ul className="outcome-conditions">
          {conditions.map(({ c, key, text }) => (
            <li key={key} className={c.met ? 'met' : 'unmet'}>
              <span aria-hidden="true">{c.met ? '✓' : '✗'}</span> {text}
              <span className="visually-hidden">
                {c.met ? t('projector.result.met') : t('projector.result.unmet')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="outcome-counts">
        {sealed
          ? t('projector.result.sealed')
          : t('projector.result.counts', {
              yes: outcome.yes.headcount,
              no: outcome.no.headcount,
              abstain: outcome.abstain.headcount,
              eligible: outcome.eligible.headcount,
            })}
      </p>
    </>
  );
}

/** A vote of the electorate: both bases, the whole electorate and those taking part. */
function Bases({ record, staticView }: { record: BallotRecord; staticView: StaticView | undefined }) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const title = staticView?.scenario.electorate?.title;
  if (!record.participation || !title) return null;
  const locale = i18n.language === 'zh' ? 'zh-CN' : 'en-GB';
  const m = (x: { headcount: number; area: number }) =>
    t('turnout.measure', {
      headcount: x.headcount.toLocaleString(locale),
      area: x.area.toLocaleString(locale, { maximumFractionDigits: 1 }),
    });
  const o = record.outcome;
  return (
    <p className="outcome-bases" data-testid="outcome-bases">
      {t('turnout.bases', { title: L(title), whole: m(o.eligible), part: m(o.participating) })}
    </p>
  );
}

/** A counted vote or election: passed or failed, and the figures that decided it. */
export function BallotOutcome({
  record,
  live,
  staticView,
  testId,
}: {
  record: BallotRecord;
  live: LiveView;
  staticView: StaticView | undefined;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  if (record.kind === 'vote') {
    const { outcome } = record;
    return (
      <div className={`outcome ${outcome.passed ? 'passed' : 'failed'}`} data-testid={testId}>
        <p className="outcome-verdict">
          {outcome.passed ? t('projector.result.passed') : t('projector.result.failed')}
        </p>
        <Bases record={record} staticView={staticView} />
        <VoteFigures outcome={outcome} sealed={record.sealed === true} />
      </div>
    );
  }
  const { outcome } = record;
  const sealed = record.sealed === true;
  const open = openSeatsSentence(outcome, i18n.language === 'zh' ? 'zh' : 'en');
  // Candidates stand as their characters: the card first, then who plays it.
  const name = (id: string) => characterName(candidateSpeaker(id), live, staticView, i18n.language);
  return (
    <div className="outcome election" data-testid={testId}>
      <p className="outcome-verdict">
        {outcome.elected.length > 0
          ? t('projector.result.elected', { names: outcome.elected.map(name).join(t('projector.sep')) })
          : t('projector.result.noneElected')}
      </p>
      {open && (
        <p className="outcome-tied">
          {outcome.tiedForLastSeat.length > 0
            ? t('projector.result.tied', {
                open,
                names: outcome.tiedForLastSeat.map(name).join(t('projector.sep')),
              })
            : t('projector.result.open', { open })}
        </p>
      )}
      <Bases record={record} staticView={staticView} />
      <ul className="outcome-candidates">
        {outcome.candidates.map((c) => (
          <li key={c.candidate} className={c.elected ? 'met' : undefined}>
            <span>{name(c.candidate)}</span>
            {!sealed && (
              <span>
                {t('projector.result.candidateVotes', {
                  yes: c.outcome.yes.headcount,
                  share: formatShare(c.outcome.yes.headcount, c.outcome.participating.headcount),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {sealed && <p className="outcome-counts">{t('projector.result.sealed')}</p>}
      <p className="outcome-counts">
        {t('projector.result.turnout', {
          share: formatShare(outcome.participating.headcount, outcome.eligible.headcount),
          count: outcome.participating.headcount,
          eligible: outcome.eligible.headcount,
        })}
      </p>
    </div>
  );
}

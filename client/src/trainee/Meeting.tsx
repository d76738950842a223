import { useTranslation } from 'react-i18next';
import { CardGlance } from './CardGlance.tsx';
import { useTrainee } from './context.ts';
import { FloorPanel, SpeakControls } from './Floor.tsx';
import { Injects } from './Injects.tsx';
import { ItemHeader } from './ItemHeader.tsx';
import { MoodBar } from './MoodBar.tsx';
import { ActionsList, BallotPanel, ChairPanel, Moment, SignupPanel } from './moments.tsx';

/**
 * The meeting under way. On a phone everything is one column in the order a
 * trainee needs it (the chair's controls right after the item); on a laptop
 * the chair's controls and my card's key points sit beside the meeting.
 */
export function Meeting() {
  const { t } = useTranslation();
  const { live, me, item, isChair } = useTrainee();
  return (
    <>
      {live.phase === 'paused' && (
        <div className="tr-paused-banner" role="status">
          {t('trainee.meeting.paused')}
        </div>
      )}
      {!me.card && <p className="panel hint">{t('trainee.meeting.noCard')}</p>}
      <div className="tr-meeting-layout">
        <ItemHeader />
        <Injects />
        {(item?.kind === 'statement' ||
          item?.kind === 'speakers' ||
          item?.kind === 'open_floor' ||
          item?.kind === 'qa') && <FloorPanel />}
        {(item?.kind === 'vote' || item?.kind === 'election') && (
          <Moment>
            <BallotPanel />
          </Moment>
        )}
        {item?.kind === 'signup' && (
          <Moment>
            <SignupPanel />
          </Moment>
        )}
        {item?.kind === 'actions' && (
          <Moment>
            <ActionsList />
          </Moment>
        )}
        {item?.kind === 'break' && <p className="panel">{t('trainee.meeting.break')}</p>}
        {(isChair || me.card) && (
          <div className="tr-meeting-side">
            {isChair && (
              <Moment>
                <ChairPanel />
              </Moment>
            )}
            <CardGlance />
          </div>
        )}
        {me.card && <SpeakControls />}
        {me.card && <MoodBar />}
      </div>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { hasFloor } from '../../../shared/meeting/floor.ts';
import type { PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { Countdown } from '../ui/Countdown.tsx';
import { clocksStopAt, useServerNow } from '../ui/clock.ts';
import { useLocalize } from '../ui/text.ts';
import { ProjectorActivity } from './ProjectorActivity.tsx';
import { BallotMotion, BallotStatus } from './ProjectorBallot.tsx';
import { ProjectorQueue } from './ProjectorQueue.tsx';
import { useSpeaker } from './speaker.ts';

/** The meeting in progress: the item, who speaks and for how long, who is next, the vote. */
export function ProjectorStage({ live, scenario }: { live: LiveView; scenario: PublicScenario }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const speaker = useSpeaker();
  const tick = useServerNow(500);
  const state = live.item;
  const item = state ? scenario.agenda[state.index] : undefined;
  if (!state || !item) return null;
  const frozen = clocksStopAt(live);
  const floorItem = hasFloor(item);
  const ballotItem = item.kind === 'vote' || item.kind === 'election';
  const floor = state.floor;
  const bigIsFloor = floorItem && floor?.deadline !== undefined;
  const holder = floor ? speaker(floor.speaker) : null;
  const bigDeadline = bigIsFloor ? floor?.deadline : state.deadline;
  const over = bigDeadline !== undefined && bigDeadline < (frozen ?? tick);

  const bigClock = (bigIsFloor || state.deadline !== undefined) && (
    <div className="pj-big-clock" data-testid="projector-countdown">
      <span className={`pj-clock-label${over ? ' over' : ''}`}>
        {t(`projector.${bigIsFloor ? 'speaker' : 'item'}${over ? 'Over' : 'Left'}`)}
      </span>
      {bigIsFloor && floor?.deadline !== undefined ? (
        <Countdown deadline={floor.deadline} label={t('projector.speakerClock')} frozenAt={frozen} />
      ) : (
        state.deadline !== undefined && (
          <Countdown deadline={state.deadline} label={t('projector.itemClock')} frozenAt={frozen} />
        )
      )}
    </div>
  );

  return (
    <div className="pj-stage">
      <section className="pj-item" data-testid="projector-item" aria-labelledby="pj-item-title">
        <p className="pj-item-n">
          {t('projector.itemOf', { n: state.index + 1, total: scenario.agenda.length })} ·{' '}
          {t(`kind.${item.kind}`)}
          {bigIsFloor && state.deadline !== undefined && (
            <span className="pj-item-clock">
              {t('projector.itemLeft')}{' '}
              <Countdown deadline={state.deadline} label={t('projector.itemClock')} frozenAt={frozen} />
            </span>
          )}
        </p>
        <h2 id="pj-item-title" className="pj-item-title">
          {L(item.title)}
        </h2>
      </section>

      <div className="pj-body">
        <section className={`pj-main${ballotItem ? ' ballot' : ''}`} aria-label={t('projector.now')}>
          {floorItem && (
            <div
              className={`pj-floor${floor ? '' : ' empty'}`}
              data-testid="projector-floor"
              aria-live="polite"
            >
              {holder ? (
                <>
                  <p className="pj-floor-label">
                    {floor?.pointOfOrder ? t('projector.pointOfOrder') : t('projector.speaking')}
                  </p>
                  <p className="pj-floor-name">{holder.name}</p>
                  {holder.card && <p className="pj-floor-card">{holder.card}</p>}
                </>
              ) : (
                <p className="pj-floor-name muted-on-dark">{t('projector.nobodySpeaking')}</p>
              )}
            </div>
          )}
          {ballotItem && <BallotMotion live={live} scenario={scenario} />}
          {!floorItem && !ballotItem && <ProjectorActivity live={live} scenario={scenario} />}
          {(floorItem || ballotItem) && bigClock}
        </section>
        <section
          className="pj-side"
          aria-label={floorItem ? t('projector.queueLabel') : t('projector.statusLabel')}
        >
          {floorItem && <ProjectorQueue live={live} item={item} />}
          {ballotItem && <BallotStatus live={live} scenario={scenario} />}
          {!floorItem && !ballotItem && bigClock}
        </section>
      </div>
    </div>
  );
}

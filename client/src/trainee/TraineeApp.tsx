// The trainee's screen: connects with the seat kept on this device, then
// shows the meeting, their role card and their tips, one tap apart.
import './strings.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/protocol/errors.ts';
import { navigate } from '../app/router.ts';
import { forgetSeat, loadSeat } from '../app/seat-storage.ts';
import { mayFor } from '../connection/may-send.ts';
import { useSession } from '../connection/session-store.ts';
import { Shell } from '../ui/Shell.tsx';
import { useLocalize } from '../ui/text.ts';
import { Announcer } from './Announcer.tsx';
import { type Tab, type Trainee, TraineeContext } from './context.ts';
import { Dock } from './Dock.tsx';
import { MeetingTab } from './MeetingTab.tsx';
import { MyCardTab } from './MyCard.tsx';
import { warmMoments } from './moments.tsx';
import { PhaseStrip } from './PhaseStrip.tsx';
import { TabBar } from './TabBar.tsx';
import { TipsTab } from './Tips.tsx';
import './trainee.css';
import './cards.css';
import './meeting.css';
import './ballot.css';
import './extras.css';

export default function TraineeApp() {
  const { t } = useTranslation();
  const L = useLocalize();
  const [seat] = useState(loadSeat);
  const status = useSession((s) => s.status);
  const live = useSession((s) => s.live);
  const staticView = useSession((s) => s.static);
  const error = useSession((s) => s.error);
  const send = useSession((s) => s.send);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [tab, setTab] = useState<Tab>('meeting');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!seat) return;
    const session = useSession.getState();
    void session.connect({ role: 'trainee', resumeToken: seat.resumeToken });
    return () => session.disconnect();
  }, [seat]);

  // A failed connection is explained on the page itself, not also in the toast.
  useEffect(() => {
    if (status === 'failed' && error) {
      setFailure(error);
      useSession.getState().dismiss();
    }
  }, [status, error]);

  const show = useCallback((next: Tab) => {
    setTab(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);

  const scenario = staticView?.kind === 'public' ? staticView.scenario : undefined;
  const value = useMemo<Trainee | null>(() => {
    if (!live?.me || !scenario || !staticView) return null;
    const item = live.item ? scenario.agenda[live.item.index] : undefined;
    const isChair = scenario.roles.find((r) => r.id === live.me?.card?.id)?.chair === true;
    const may = mayFor(staticView, live, { kind: 'participant', id: live.me.participantId });
    return { live, me: live.me, scenario, staticView, item, isChair, may, send, show };
  }, [live, scenario, staticView, send, show]);

  // Once the meeting is on screen, fetch the screens this phone shows later while it is idle.
  const ready = value !== null;
  useEffect(() => {
    if (ready) warmMoments();
  }, [ready]);

  if (!seat) return <NoSeat />;
  if (status === 'failed' && failure) return <Failed failure={failure} code={seat.code} />;
  if (!value) {
    return (
      <Shell title={t('trainee.title')}>
        <p className="loading" role="status">
          {t('connection.connecting')}
        </p>
      </Shell>
    );
  }

  const tabs = value.me.card !== null || value.me.tips.length > 0;
  const current: Tab = tabs ? tab : 'meeting';
  return (
    <TraineeContext.Provider value={value}>
      <Shell title={L(value.scenario.title)}>
        <div className={`tr-trainee${tabs ? ' tr-with-tabs' : ''}`}>
          <PhaseStrip />
          <Announcer />
          <h2 ref={headingRef} tabIndex={-1} className="visually-hidden">
            {t(`trainee.tabs.${current}`)}
          </h2>
          {current === 'meeting' && <MeetingTab />}
          {current === 'card' && <MyCardTab />}
          {current === 'tips' && <TipsTab />}
          <Dock tab={current} />
          {tabs && <TabBar tab={current} onChange={show} />}
        </div>
      </Shell>
    </TraineeContext.Provider>
  );
}

function NoSeat() {
  const { t } = useTranslation();
  return (
    <Shell title={t('trainee.title')}>
      <section className="panel">
        <h2>{t('trainee.noSeat.heading')}</h2>
        <p>{t('trainee.noSeat.body')}</p>
        <a className="button primary" href="/join">
          {t('trainee.noSeat.join')}
        </a>
      </section>
    </Shell>
  );
}

function Failed({ failure, code }: { failure: ErrorPayload; code: string | undefined }) {
  const { t } = useTranslation();
  const badSeat = failure.code === 'auth/bad_credentials' || failure.code === 'session/not_found';
  const joinAgain = () => {
    forgetSeat();
    useSession.getState().disconnect();
    navigate(code ? `/join?code=${encodeURIComponent(code)}` : '/join');
  };
  return (
    <Shell title={t('trainee.title')}>
      <section className="panel" role="alert">
        <h2>{badSeat ? t('trainee.failed.seatHeading') : t('trainee.failed.heading')}</h2>
        <p>
          {badSeat
            ? t('trainee.failed.seatBody')
            : t(`errors.${failure.code}`, { defaultValue: failure.message })}
        </p>
        <div className="button-row">
          {!badSeat && (
            <button type="button" className="primary" onClick={() => location.reload()}>
              {t('trainee.failed.retry')}
            </button>
          )}
          <button type="button" className={badSeat ? 'primary' : undefined} onClick={joinAgain}>
            {t('trainee.failed.joinAgain')}
          </button>
        </div>
      </section>
    </Shell>
  );
}

export { Markdown } from '../ui/Markdown.tsx';
// For the studio's role card preview: the trainee's own components, taken from
// this chunk as it is (importing them one by one would split the trainee route's chunks).
export { MyCardTab, TraineeContext };

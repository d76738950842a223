import { useTranslation } from 'react-i18next';
import { hostOf } from '../../../shared/join/join-address.ts';
import type { PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useJoinBase } from '../ui/join-base.ts';
import { useLocalize } from '../ui/text.ts';
import { QrCode } from './QrCode.tsx';

/** Before the meeting: how to join (QR code and code), who is here; in the briefing, the agenda ahead. */
export function ProjectorLobby({
  live,
  scenario,
  code,
}: {
  live: LiveView;
  scenario: PublicScenario;
  code: string;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  // The address the console chose (the same rule, and this browser's pick): never localhost for a room.
  const base = useJoinBase().choice?.base;
  const joinUrl = base ? `${base}/join?code=${code}` : '';
  const briefing = live.phase === 'briefing';
  // People who joined: a card an expert plays is not one (it has no name in the room).
  const people = live.participants.filter((p) => p.name !== '');

  return (
    <div className={`pj-lobby${briefing ? ' briefing' : ''}`}>
      <section className="pj-join" aria-labelledby="pj-join-heading">
        <h2 id="pj-join-heading">{briefing ? t('projector.lateJoin') : t('projector.scanToJoin')}</h2>
        {base && (
          <>
            <QrCode
              value={joinUrl}
              alt={t('projector.qrAlt', { url: joinUrl })}
              className="pj-qr"
              testId="projector-qr"
            />
            <p className="pj-code-label">{t('projector.orType', { host: hostOf(base) })}</p>
          </>
        )}
        <p className="pj-code" data-testid="projector-code">
          {code}
        </p>
      </section>
      <section className="pj-lobby-side" aria-labelledby="pj-side-heading">
        {briefing ? (
          <>
            <h2 id="pj-side-heading" className="pj-big-line">
              {t('projector.readCards')}
            </h2>
            <p className="pj-sub">{t('projector.startsSoon')}</p>
            <h3>{t('projector.agenda')}</h3>
            <ol className="pj-agenda">
              {scenario.agenda.map((item) => (
                <li key={item.id}>
                  {L(item.title)} <span className="pj-kind">{t(`kind.${item.kind}`)}</span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <>
            <h2 id="pj-side-heading" className="pj-big-line">
              {t(`meeting.${scenario.meeting}`)}
            </h2>
            <p className="pj-sub">{L(scenario.summary).split(/(?<=[。.!?！？])/)[0]}</p>
            <p className="pj-joined" aria-live="polite">
              {t('projector.joined', { count: people.length })}
            </p>
            {people.length > 0 && (
              <ul className="pj-names">
                {people.slice(0, 30).map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
                {people.length > 30 && <li>…</li>}
              </ul>
            )}
          </>
        )}
      </section>
    </div>
  );
}

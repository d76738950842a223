import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../ui/text.ts';
import { isMe, queuePlace, useTrainee } from './context.ts';

interface Seen {
  phase: string;
  holding: boolean;
  next: boolean;
  tips: Set<string>;
  injects: Set<string>;
  ballotOpen: boolean;
}

/** Says politely what changed for me: my turn, a new tip, an inject, a vote opening. */
export function Announcer() {
  const { t } = useTranslation();
  const L = useLocalize();
  const { live, me } = useTrainee();
  const [message, setMessage] = useState('');
  const seen = useRef<Seen | null>(null);

  useEffect(() => {
    const now: Seen = {
      phase: live.phase,
      holding: isMe(live.item?.floor?.speaker, me),
      next: queuePlace(live.item?.queue ?? [], me) === 1 && !live.item?.floor,
      tips: new Set(me.tips.map((tip) => tip.id)),
      injects: new Set(live.injects.map((i) => i.id)),
      ballotOpen: live.item?.ballot?.open === true,
    };
    const before = seen.current;
    seen.current = now;
    if (!before) return;
    const said: string[] = [];
    if (now.phase !== before.phase)
      said.push(t('trainee.announce.phase', { phase: t(`phase.${now.phase}`) }));
    if (now.holding && !before.holding) said.push(t('trainee.announce.yourFloor'));
    if (now.next && !before.next) said.push(t('trainee.announce.next'));
    for (const tip of me.tips) {
      if (!before.tips.has(tip.id))
        said.push(t(tip.broadcast ? 'trainee.announce.hint' : 'trainee.announce.tip', { text: tip.text }));
    }
    for (const inject of live.injects) {
      if (!before.injects.has(inject.id)) said.push(t('trainee.announce.inject', { title: L(inject.title) }));
    }
    if (now.ballotOpen && !before.ballotOpen) said.push(t('trainee.announce.ballot'));
    if (said.length > 0) setMessage(said.join(' '));
  }, [live, me, t, L]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}

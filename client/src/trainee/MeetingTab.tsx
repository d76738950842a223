import { Briefing } from './Briefing.tsx';
import { useTrainee } from './context.ts';
import { Lobby } from './Lobby.tsx';
import { Meeting } from './Meeting.tsx';
import { Ended, Moment } from './moments.tsx';

/** The meeting as it stands: the lobby's cards, the briefing, the agenda item, or the end. */
export function MeetingTab() {
  const { live, me } = useTrainee();
  const body = (() => {
    switch (live.phase) {
      case 'lobby':
        return <Lobby />;
      case 'briefing':
        return me.card ? <Briefing /> : <Lobby />;
      case 'running':
      case 'paused':
        return <Meeting />;
      case 'closed':
      case 'debrief':
        return (
          <Moment>
            <Ended />
          </Moment>
        );
    }
  })();
  return <div className="tr-view">{body}</div>;
}

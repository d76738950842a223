// The layout of the single-sided screen: a status strip, then three columns
// (the meeting as it happens · coaching · the scenario behind it) and the
// rubric across the bottom. Built for a laptop, 1280–1600 px wide.
import type { Scenario } from '../../../shared/scenario/index.ts';
import { useLive } from '../connection/live-slice.ts';
import { useSession } from '../connection/session-store.ts';
import { CarriedNextTime } from '../roster/CarriedNextTime.tsx';
import { Backchannel } from './Backchannel.tsx';
import { Composer } from './Composer.tsx';
import { FloorPanel } from './FloorPanel.tsx';
import { Guidance } from './Guidance.tsx';
import { HeaderStrip } from './HeaderStrip.tsx';
import { InjectsPanel } from './InjectsPanel.tsx';
import { Markers } from './Markers.tsx';
import { PlayedCards } from './PlayedCards.tsx';
import { RoleCards } from './RoleCards.tsx';
import { ScoringPanel } from './ScoringPanel.tsx';
import { Transcript } from './Transcript.tsx';
import { VotePanel } from './VotePanel.tsx';

/** What every panel is given; each selects the parts of the live view it reads (useLive). */
export interface ObserverProps {
  scenario: Scenario;
  /** This expert's observer id (empty until the server has said it). */
  myId: string;
}

export function ObserverConsole({
  scenario,
  myId,
  myName,
  onRename,
  linkToken,
  sessionId,
}: ObserverProps & {
  sessionId: string;
  myName: string;
  onRename?: (() => void) | undefined;
  /** A guest expert's link token, for the HTTP reads (an expert's account uses its cookie). */
  linkToken?: string;
}) {
  const props = { scenario, myId };
  const firstAttempt = useSession((s) => s.live?.attempt === 1);
  // During a vote the floor is quiet: the ballot goes to the top of the first column.
  const voting = useSession((s) => {
    const kind = s.live?.item ? scenario.agenda[s.live.item.index]?.kind : undefined;
    return kind === 'vote' || kind === 'election';
  });
  return (
    <div className="obs">
      <HeaderStrip {...props} myName={myName} {...(onRename && { onRename })} />
      <div className="obs-grid">
        <div className="obs-col">
          <PlayedCards {...props} />
          {voting && <VotePanel key="votes" {...props} />}
          <FloorPanel key="floor" {...props} />
          {!voting && <VotePanel key="votes" {...props} />}
          <Transcript key="transcript" {...props} />
        </div>
        <div className="obs-col">
          {firstAttempt && <CarriedForSeats sessionId={sessionId} {...(linkToken && { linkToken })} />}
          <Guidance {...props} />
          <Composer {...props} />
          <Markers {...props} />
        </div>
        <div className="obs-col">
          <InjectsPanel {...props} />
          <Backchannel {...props} />
        </div>
      </div>
      <RoleCards {...props} />
      <ScoringPanel {...props} />
    </div>
  );
}

/** Every roster seat's "next time" from their last session, named as the room sees them. */
function CarriedForSeats({ sessionId, linkToken }: { sessionId: string; linkToken?: string }) {
  const { participants } = useLive('participants');
  return (
    <CarriedNextTime
      sessionId={sessionId}
      {...(linkToken && { bearer: linkToken })}
      nameOf={(id) => participants.find((p) => p.id === id)?.name ?? ''}
      seats={participants.map((p) => p.id).join(' ')}
    />
  );
}

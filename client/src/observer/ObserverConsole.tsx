// The layout of the single-sided screen: a status strip, then three columns
// (the meeting as it happens · coaching · the scenario behind it) and the
// rubric across the bottom. Built for a laptop, 1280–1600 px wide.
import type { Scenario } from '../../../shared/scenario/index.ts';
import type { LiveView } from '../../../shared/views/types.ts';
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

export interface ObserverProps {
  scenario: Scenario;
  live: LiveView;
  /** This expert's observer id (empty until the server has said it). */
  myId: string;
}

export function ObserverConsole({
  scenario,
  live,
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
  const props = { scenario, live, myId };
  // During a vote the floor is quiet: the ballot goes to the top of the first column.
  const kind = live.item ? scenario.agenda[live.item.index]?.kind : undefined;
  const voting = kind === 'vote' || kind === 'election';
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
          {live.attempt === 1 && (
            <CarriedNextTime
              sessionId={sessionId}
              {...(linkToken && { bearer: linkToken })}
              nameOf={(id) => live.participants.find((p) => p.id === id)?.name ?? ''}
            />
          )}
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

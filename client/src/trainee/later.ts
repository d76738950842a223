// The trainee screens a phone shows only at certain moments, one chunk
// loaded after the first screen (see moments.tsx): one fetch, and one
// compressed file instead of several small ones that compress worse.
export { BallotPanel } from './Ballot.tsx';
export { ChairPanel } from './ChairPanel.tsx';
export { Ended } from './Ended.tsx';
export { ActionsList, SignupPanel } from './ItemPanels.tsx';

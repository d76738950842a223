// A vote or an election in a dry run (simulate.ts): nominations, ballots cast
// at random from a leaning room, and for a vote of the electorate the paper
// forms and the ballot box's tally of owners not listed by flat.
import { fromAreaUnits } from '../scenario/electorate.ts';
import type { Item } from '../scenario/index.ts';
import { talliedSoFar } from './electorate.ts';
import { FACILITATOR, type SimulatedRoom } from './simulate-room.ts';

type BallotItem = Item & { kind: 'vote' | 'election' };

export function runBallot(room: SimulatedRoom, item: BallotItem, seated: string[]): void {
  const { session, random, chair } = room;
  if (item.kind === 'election' && item.candidates === 'nominate') {
    for (const who of [...seated].sort(() => random() - 0.5).slice(0, item.seats + 1)) {
      room.act(who, { type: 'candidate.nominate', participantId: who }, 5);
    }
  }
  if (!room.act(chair, { type: 'vote.open' }, 10)) return;
  const ballot = session.context.item?.ballot;
  if (!ballot || ballot.voters.length === 0) {
    room.problems.push({
      item: item.id,
      reason: 'no_voter',
      message: `nobody seated is eligible to vote in "${item.id}"`,
    });
  } else if (item.kind === 'election' && ballot.candidates.length === 0) {
    room.problems.push({
      item: item.id,
      reason: 'no_candidate',
      message: `"${item.id}" has no candidate with a card`,
    });
  }
  const lean = random(); // how the room leans this time
  for (const voter of ballot?.voters ?? []) {
    if (random() < 0.1) continue; // someone always forgets to vote
    if (item.kind === 'vote') {
      const r = random();
      const choice = r < lean * 0.9 + 0.1 ? 'yes' : r < 0.92 ? 'no' : 'abstain';
      room.act(voter, { type: 'vote.cast', choice: item.options.includes(choice) ? choice : 'yes' }, 3);
    } else {
      const shuffled = [...(ballot?.candidates ?? [])].sort(() => random() - 0.5);
      room.act(
        voter,
        { type: 'election.cast', choices: shuffled.slice(0, Math.floor(random() * (item.maxChoices + 1))) },
        3,
      );
    }
  }
  if (ballot?.electorate) paperBallots(room, item);
  room.act(chair, { type: 'vote.close' }, 10);
}

/** A vote of the electorate: household forms come back for some absent owners; one is mis-entered and corrected. */
function paperBallots(room: SimulatedRoom, item: BallotItem): void {
  const { session, scenario, random } = room;
  const state = session.context.item?.ballot;
  const electorate = scenario.electorate;
  const eb = state?.electorate;
  if (!state || !eb || !electorate) return;
  const inRoom = new Set(Object.values(eb.seats).flat());
  const absent = electorate.owners.filter((o) => !inRoom.has(o.id) && !Object.hasOwn(eb.ballots, o.id));
  let corrected = false;
  for (const owner of absent) {
    if (random() < 0.4) continue; // not every form comes back
    const flat = owner.flats[0] ?? owner.id;
    if (item.kind === 'vote') {
      const choice = room.pick(item.options) ?? 'yes';
      room.send(FACILITATOR, { type: 'ballot.paper.enter', flat, choice }, 8);
      if (!corrected && item.options.length > 1) {
        corrected = true;
        const other = item.options.find((o) => o !== choice) ?? choice;
        room.send(FACILITATOR, { type: 'ballot.paper.correct', flat, choice: other }, 8);
      }
    } else {
      const candidates = [...(state.candidates ?? [])].sort(() => random() - 0.5);
      room.send(
        FACILITATOR,
        { type: 'ballot.paper.enter', flat, choices: candidates.slice(0, item.maxChoices) },
        8,
      );
    }
  }
  // Owners not listed by flat: the ballot box's count, as one tally.
  // Only those not already counted (the written ballots declared in the scenario are).
  const so = talliedSoFar(eb);
  const left = {
    owners: electorate.unlisted.owners - so.owners,
    area_m2: electorate.unlisted.area_m2 - fromAreaUnits(so.areaUnits),
  };
  if (item.kind === 'vote' && left.owners > 0) {
    const owners = Math.floor(left.owners * (so.owners > 0 ? 0.1 * random() : 0.5 + random() * 0.3));
    const area_m2 = Math.floor((left.area_m2 * owners) / left.owners);
    if (owners > 0) room.send(FACILITATOR, { type: 'ballot.tally.enter', choice: 'yes', owners, area_m2 }, 8);
  }
}

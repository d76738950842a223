// Ballots of a vote of the electorate: a seat casting for the owners it sits
// for (all of them, or some: a split crowd card), and the console's paper
// ballots and tallies. One owner, one ballot: the first counted stands, and a
// mis-entered paper ballot is corrected by a logged correction, never edited.
// Checks (what would be refused, and why) and updates live side by side so
// they can never disagree.
import { fromAreaUnits, ownerOfFlat, toAreaUnits } from '../scenario/electorate.ts';
import type { ElectorateOwner, ItemOf, Scenario } from '../scenario/index.ts';
import type { Actor, CommandOf } from './commands.ts';
import type { BallotState } from './context.ts';
import { type ElectorateBallot, hasBallot, type OwnerBallot, ownerById, talliedSoFar } from './electorate.ts';
import { MEETING_ERRORS as E, type MeetingError, refuse } from './errors.ts';

type BallotItem = ItemOf<'vote' | 'election'>;
type CastCommand = CommandOf<'vote.cast' | 'election.cast'>;
export type PaperCommand = CommandOf<
  'ballot.paper.enter' | 'ballot.paper.correct' | 'ballot.tally.enter' | 'ballot.tally.correct'
>;

const who = (o: ElectorateOwner) => `flat ${o.flats.join('+')} (${o.name.zh})`;

function howVoted(eb: ElectorateBallot, owner: ElectorateOwner): string {
  const ballot = eb.ballots[owner.id];
  if (ballot?.source === 'room') return `the owner of ${who(owner)} has already voted in the room`;
  if (ballot?.source === 'written')
    return `the owner of ${who(owner)} returned a written ballot before the meeting`;
  return `the owner of ${who(owner)} already has a paper ballot`;
}

/** A ballot's choices for an election: each candidate once, only candidates, at most max_choices. */
export function checkElectionChoices(
  item: ItemOf<'election'>,
  ballot: BallotState,
  choices: readonly string[],
): MeetingError | null {
  if (new Set(choices).size !== choices.length) return refuse(E.invalidOption, 'a candidate is chosen twice');
  const unknown = choices.find((c) => !ballot.candidates.includes(c));
  if (unknown) return refuse(E.unknownCandidate, `"${unknown}" is not a candidate`);
  if (choices.length > item.maxChoices)
    return refuse(E.tooManyChoices, `at most ${item.maxChoices} choices, found ${choices.length}`);
  return null;
}

/**
 * The owners a seat's ballot goes to. Without `flats`: every owner the seat
 * sits for that has no ballot from elsewhere (and, in a secret vote, none yet).
 */
export function castTargets(
  scenario: Scenario,
  item: BallotItem,
  eb: ElectorateBallot,
  seat: string,
  flats: readonly string[] | undefined,
): string[] | MeetingError {
  const electorate = scenario.electorate;
  const mine = Object.hasOwn(eb.seats, seat) ? (eb.seats[seat] ?? []) : [];
  if (!electorate || mine.length === 0)
    return refuse(E.notEligible, 'your card votes for no owner of the electorate in this vote');
  const secret = item.ballot === 'secret';
  const blocked = (id: string): MeetingError | null => {
    const owner = ownerById(electorate, id);
    const ballot = eb.ballots[id];
    if (!owner || !ballot || !hasBallot(eb, id)) return null;
    if (ballot.source !== 'room')
      return refuse(
        E.alreadyVoted,
        `${howVoted(eb, owner)}; one owner, one ballot: the first counted stands`,
      );
    return secret ? refuse(E.ballotFinal, 'a secret ballot cannot be changed once cast') : null;
  };
  if (flats === undefined) {
    const open = mine.filter((id) => blocked(id) === null);
    if (open.length > 0) return open;
    return blocked(mine[0] ?? '') ?? refuse(E.notEligible, 'your card votes for no owner in this vote');
  }
  const owners: string[] = [];
  for (const flat of flats) {
    const owner = ownerOfFlat(electorate, flat);
    if (!owner) return refuse(E.unknownFlat, `flat ${flat} is not in the electorate`);
    if (!mine.includes(owner.id)) {
      const yours = mine.map((id) => ownerById(electorate, id)?.flats.join('+') ?? id).join(', ');
      return refuse(E.notYourOwner, `flat ${flat} is not one of the owners your card votes for (${yours})`);
    }
    const no = blocked(owner.id);
    if (no) return no;
    if (!owners.includes(owner.id)) owners.push(owner.id);
  }
  return owners;
}

export function applyElectorateCast(
  scenario: Scenario,
  item: BallotItem,
  ballot: BallotState,
  seat: string,
  command: CastCommand,
  at: number,
): BallotState {
  const eb = ballot.electorate;
  if (!eb) return ballot;
  const targets = castTargets(scenario, item, eb, seat, command.flats);
  if (!Array.isArray(targets)) return ballot;
  const cast: Pick<OwnerBallot, 'choice' | 'choices'> =
    command.type === 'vote.cast' ? { choice: command.choice } : { choices: [...command.choices] };
  const ballots = { ...eb.ballots };
  for (const owner of targets) ballots[owner] = { source: 'room', seat, at, ...cast };
  return {
    ...ballot,
    ...(command.type === 'vote.cast'
      ? { votes: { ...ballot.votes, [seat]: command.choice } }
      : { choices: { ...ballot.choices, [seat]: [...command.choices] } }),
    electorate: { ...eb, ballots },
  };
}

function checkChoice(
  item: BallotItem,
  ballot: BallotState,
  command: CommandOf<'ballot.paper.enter' | 'ballot.paper.correct'>,
): MeetingError | null {
  if (command.type === 'ballot.paper.correct' && command.withdraw) {
    return command.choice === undefined && command.choices === undefined
      ? null
      : refuse(E.invalidOption, 'a withdrawal carries no choice');
  }
  if (item.kind === 'vote') {
    if (command.choice === undefined || command.choices !== undefined)
      return refuse(E.invalidOption, 'a paper ballot in a vote carries one choice: yes, no or abstain');
    return item.options.includes(command.choice)
      ? null
      : refuse(E.invalidOption, `"${command.choice}" is not an option in this vote`);
  }
  if (command.choices === undefined || command.choice !== undefined)
    return refuse(E.invalidOption, 'a paper ballot in an election carries the candidates it names');
  return checkElectionChoices(item, ballot, command.choices);
}

const m2 = (units: number) => `${fromAreaUnits(Math.round(units / 100) * 100)} m²`;

/** Why the console's paper command would be refused, or null. The ballot is open (checked before). */
export function checkPaper(
  scenario: Scenario,
  item: BallotItem,
  ballot: BallotState,
  command: PaperCommand,
): MeetingError | null {
  const eb = ballot.electorate;
  const electorate = scenario.electorate;
  if (!eb || !electorate)
    return refuse(
      E.noElectorate,
      'this vote counts only the cards in the room: there is no electorate to enter paper ballots for',
    );
  if (command.type === 'ballot.paper.enter' || command.type === 'ballot.paper.correct') {
    const owner = ownerOfFlat(electorate, command.flat);
    if (!owner) return refuse(E.unknownFlat, `flat ${command.flat} is not in the electorate`);
    const existing = eb.ballots[owner.id];
    const has = existing !== undefined && hasBallot(eb, owner.id);
    if (command.type === 'ballot.paper.enter' && has)
      return refuse(
        E.alreadyVoted,
        `${howVoted(eb, owner)}; one owner, one ballot: the first counted stands${existing.source === 'room' ? '' : ' (correct it if it was entered wrongly)'}`,
      );
    if (command.type === 'ballot.paper.correct' && (!has || existing.source === 'room'))
      return refuse(
        E.notOnPaper,
        has
          ? `the owner of ${who(owner)} voted in the room, not on paper: there is no paper ballot to correct`
          : `there is no paper ballot for ${who(owner)} to correct`,
      );
    return checkChoice(item, ballot, command);
  }
  if (item.kind !== 'vote') return refuse(E.wrongState, 'tallies are counted for votes, not elections');
  if (command.type === 'ballot.tally.enter' && !item.options.includes(command.choice))
    return refuse(E.invalidOption, `"${command.choice}" is not an option in this vote`);
  if (electorate.unlisted.owners === 0)
    return refuse(
      E.noUnlistedOwners,
      'every owner of this electorate is listed by flat: enter their ballots flat by flat',
    );
  const except = command.type === 'ballot.tally.correct' ? command.entry : undefined;
  if (except !== undefined && eb.tallies[except] === undefined)
    return refuse(E.unknownTallyEntry, `there is no tally entry ${except + 1}`);
  const so = talliedSoFar(eb, except);
  const owners = so.owners + command.owners;
  const units = so.areaUnits + toAreaUnits(command.area_m2);
  const room = { owners: electorate.unlisted.owners, units: toAreaUnits(electorate.unlisted.area_m2) };
  if (owners > room.owners || units > room.units)
    return refuse(
      E.tallyExceedsElectorate,
      `with this entry the tallies would count ${owners} owners and ${m2(units)}, more than the ${room.owners} owners and ${m2(room.units)} not listed by flat; nothing was changed`,
    );
  return null;
}

export function applyPaper(
  scenario: Scenario,
  ballot: BallotState,
  command: PaperCommand,
  actor: Actor,
  at: number,
): BallotState {
  const eb = ballot.electorate;
  const electorate = scenario.electorate;
  if (!eb || !electorate) return ballot;
  switch (command.type) {
    case 'ballot.paper.enter':
    case 'ballot.paper.correct': {
      const owner = ownerOfFlat(electorate, command.flat);
      if (!owner) return ballot;
      const cast: Pick<OwnerBallot, 'choice' | 'choices'> =
        command.choice !== undefined
          ? { choice: command.choice }
          : command.choices !== undefined
            ? { choices: [...command.choices] }
            : {};
      const ballots = { ...eb.ballots };
      const existing = ballots[owner.id];
      const entry = { flat: command.flat, owner: owner.id, by: actor, at };
      if (command.type === 'ballot.paper.enter') {
        ballots[owner.id] = { source: 'paper', at, ...cast };
        return {
          ...ballot,
          electorate: { ...eb, ballots, paper: [...eb.paper, { action: 'enter', ...entry, ...cast }] },
        };
      }
      if (!existing) return ballot;
      const was = {
        source: existing.source,
        ...(existing.choice !== undefined && { choice: existing.choice }),
        ...(existing.choices !== undefined && { choices: existing.choices }),
      };
      if (command.withdraw) delete ballots[owner.id];
      else ballots[owner.id] = { source: existing.source, at: existing.at, ...cast };
      const correction = {
        action: 'correct' as const,
        ...entry,
        ...cast,
        ...(command.withdraw && { withdrawn: true as const }),
        was,
      };
      return { ...ballot, electorate: { ...eb, ballots, paper: [...eb.paper, correction] } };
    }
    case 'ballot.tally.enter':
      return {
        ...ballot,
        electorate: {
          ...eb,
          tallies: [
            ...eb.tallies,
            {
              choice: command.choice,
              owners: command.owners,
              areaUnits: toAreaUnits(command.area_m2),
              source: 'paper',
              by: actor,
              at,
            },
          ],
        },
      };
    case 'ballot.tally.correct': {
      const tallies = eb.tallies.map((t, i) =>
        i === command.entry
          ? {
              ...t,
              owners: command.owners,
              areaUnits: toAreaUnits(command.area_m2),
              was: [...(t.was ?? []), { owners: t.owners, areaUnits: t.areaUnits, by: actor, at }],
            }
          : t,
      );
      return { ...ballot, electorate: { ...eb, tallies } };
    }
  }
}

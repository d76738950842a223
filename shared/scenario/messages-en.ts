// The English catalogue of scenario messages. These are the messages
// `scenarios:check` has always printed; tests compare against them.
import { type Catalogue, type Found, foundParam, param } from './messages.ts';

export function foundEn(found: Found): string {
  switch (found.found) {
    case 'nothing':
      return 'nothing';
    case 'null':
      return 'an empty value (null)';
    case 'list':
      return `a list of ${found.length}`;
    case 'map':
      return found.keys.length === 0 ? 'an empty map {}' : `a map with ${found.keys.join(', ')}`;
    case 'string':
      return `"${found.text}"`;
    case 'other':
      return `${found.type} ${found.text}`;
  }
}

const REF_EN: Record<string, string> = {
  speaker: 'a speaker',
  answerer: 'an answerer',
  candidate: 'a candidate',
  voter: 'a voter',
  recipient: 'a recipient',
};

const LIST_EN: Record<string, string> = {
  roles: 'role',
  agenda: 'agenda item',
  injects: 'inject',
  handouts: 'handout',
  competencies: 'competency',
};

export const MESSAGES_EN: Catalogue = {
  idMismatch: (p) => `expected the id to equal the file name "${p.expected}", found "${p.found}"`,
  unknownRef: (p) =>
    `${REF_EN[String(p.ref)] ?? p.ref}: expected a role id (one of ${p.ids}), found "${p.found}"`,
  unknownRule: (p) => `expected a rule id (one of ${p.ids}), found "${p.found}"`,
  maxChoicesOverSeats: (p) => `expected max_choices ≤ seats (${p.seats}), found ${p.found}`,
  injectTrigger: (p) => `expected exactly one of at, manual: true or spare: true, found ${p.ways}`,
  unknownItem: (p) => `expected an agenda item id (one of ${p.ids}), found "${p.found}"`,
  unknownCompetency: (p) => `expected a competency id (one of ${p.ids}), found "${p.found}"`,
  missingTitle: (p) => `a new competency "${p.id}" needs a title`,
  scaleOrder: (p) => `expected [low, high] with low < high, found [${p.low}, ${p.high}]`,
  duplicateId: (p) =>
    `expected a unique ${LIST_EN[String(p.list)] ?? p.list} id, found "${p.found}" again (first at ${p.at}[${p.first}])`,
  twoChairs: (p) =>
    `expected at most one chair, found a second: "${p.found}" (roles[${p.first}] "${p.firstId}" already chairs)`,
  seatsOrder: (p) => `expected seats.min ≤ seats.max, found min ${p.min} > max ${p.max}`,
  npcRequired: () => 'an npc card is voiced by an expert, not held by a trainee, so it cannot be required',
  builtinRuleId: (p) => `"${p.id}" is a built-in rule; give the custom rule another id`,
  missingThreshold: () => 'expected a pass threshold: area, headcount or both',
  npcVoter: (p) => `"${p.id}" is an npc card; npc cards do not vote`,
  noVoters: () => 'expected at least one trainee role to be eligible, found none',
  missingAttribute: (p) =>
    `rule "${p.rule}" needs attributes.${p.attribute} on every eligible role, missing on: ${p.missing}`,
  duplicateFlat: (p) =>
    `flat ${p.flat} is listed twice (first at electorate.flats[${p.first}]); a flat has one entry — write co-owners together as owner: [name, name]`,
  flatOwnerMissing: (p) =>
    `missing required key "owner" for flat ${p.flat} (or developer: true for a flat the developer still holds)`,
  totalOwnersOver: (p) => `the flats listed belong to ${p.listed} owners, more than total.owners ${p.total}`,
  totalAreaOver: (p) => `the flats listed add up to ${p.listed}, more than total.area_m2 ${p.total}`,
  totalAreaMismatch: (p) =>
    `every one of the ${p.owners} owners is listed, and their flats add up to ${p.listed}, not the ${p.total} of total.area_m2`,
  totalAreaNoneLeft: (p) =>
    `the listed flats already hold all ${p.total}, leaving none for the ${p.left} owners not listed`,
  flatsWithoutElectorate: (p) =>
    `${p.key} names flats of the electorate, but the scenario declares none (add electorate: with its flats)`,
  unknownFlat: (p) => `flat ${p.flat} is not in the electorate (its flats: ${p.flats})`,
  unknownProxyFlat: (p) =>
    `a proxy for flat ${p.flat}, which is not in the electorate (its flats: ${p.flats})`,
  ownerTwice: (p) =>
    `the owner of flat ${p.flat} (${p.owner}, flat ${p.ownerFlats}) is already voted for at ${p.earlier}; one owner casts one ballot`,
  writtenNeedsQuorum: () =>
    'written ballots count against the electorate, so the vote needs a rule with a quorum (owners_ordinary, owners_special or your own)',
  writtenNeedsElectorate: () => 'written ballots count against the electorate: declare one under electorate:',
  weightedElectorate: (p) =>
    `rule "${p.rule}" is weighted by ${p.weight}, but a vote of the electorate counts each owner as one head (art. 278); drop weight`,
  noOwner: (p) =>
    `this vote counts against the electorate, but eligible cards stand for no owner: ${p.ids} (give them stands_for or proxy_for, or leave them out of eligible)`,
  unknownWrittenFlat: (p) =>
    `a written ballot for flat ${p.flat}, which is not in the electorate (its flats: ${p.flats})`,
  writtenTwice: (p) =>
    `a second written ballot for the owner of flat ${p.flat} (first at written_ballots.flats[${p.first}]); one owner, one ballot`,
  writtenChoice: (p) => `expected one of this vote's options (${p.options}), found "${p.found}"`,
  tallyAllListed: () =>
    'every owner of the electorate is listed by flat: write their ballots under written_ballots.flats',
  tallyOver: (p) =>
    `the tally counts ${p.owners} owners and ${p.area}, more than the ${p.unlisted} owners and ${p.unlistedArea} not listed by flat`,
  roomAsElectorate: (p) =>
    `"${param(p, 'title', 'en')}" uses ${p.rule}, but the scenario declares no electorate: its quorum counts only the cards in the room, so absent owners can never sink it (add electorate:)`,
  electionWrittenNominated: () =>
    'written ballots name candidates from the list, but this election takes nominations in the meeting: list its candidates',
  notACandidate: (p) => `"${p.id}" is not a candidate of this election (its candidates: ${p.candidates})`,
  electionChoiceTwice: () => 'a ballot names each candidate at most once',
  electionTooManyChoices: (p) =>
    `a ballot may name at most ${p.max} candidates (max_choices), this one names ${p.count}`,
  electionBlankOver: () => 'more blank ballots than ballots',
  candidateNamedOver: (p) =>
    `${p.id} is named on ${p.owners} ballots (${p.area}), more than the ${p.naming} ballots (${p.namingArea}) that name anyone`,
  candidateNamesOver: (p) =>
    `the candidates' counts add up to more names than ${p.naming} ballots of at most ${p.max} names can carry`,
  missingKey: (p) => `missing required key "${p.key}"`,
  unknownKey: (p) =>
    `unknown key "${p.key}"${p.hint ? ` (did you mean "${p.hint}"?)` : ''}; expected one of: ${p.allowed}`,
  expected: (p) => `${param(p, 'expected', 'en')}, found ${foundEn(foundParam(p))}`,
  yamlSyntax: (p) => `YAML syntax: ${p.detail}`,
  unreadable: (p) => `cannot read the file: ${p.reason}`,
};

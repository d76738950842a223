// Every way a scenario file can be wrong, as stable codes. Tools and tests
// match on the code; people read the message.
export const SCENARIO_ISSUE = {
  yamlSyntax: 'scenario/yaml_syntax',
  unknownKey: 'scenario/unknown_key',
  missingKey: 'scenario/missing_key',
  invalidValue: 'scenario/invalid_value',
  idMismatch: 'scenario/id_mismatch',
  duplicateId: 'scenario/duplicate_id',
  twoChairs: 'scenario/two_chairs',
  unknownRole: 'scenario/unknown_role',
  unknownItem: 'scenario/unknown_item',
  unknownRule: 'scenario/unknown_rule',
  unknownCompetency: 'scenario/unknown_competency',
  injectTrigger: 'scenario/inject_trigger',
  missingTitle: 'scenario/missing_title',
  missingThreshold: 'scenario/missing_threshold',
  missingAttribute: 'scenario/missing_attribute',
  noVoters: 'scenario/no_voters',
  npcVoter: 'scenario/npc_voter',
  npcRequired: 'scenario/npc_required',
  outOfRange: 'scenario/out_of_range',
  unknownFlat: 'scenario/unknown_flat',
  duplicateFlat: 'scenario/duplicate_flat',
  ownerTwice: 'scenario/owner_twice',
  electorateTotal: 'scenario/electorate_total',
  noElectorate: 'scenario/no_electorate',
  noOwner: 'scenario/no_owner',
  /** A warning, not an error: an owners' vote that can only count the cards in the room. */
  roomAsElectorate: 'scenario/room_as_electorate',
  unreadable: 'scenario/unreadable',
} as const;

export type ScenarioIssueCode = (typeof SCENARIO_ISSUE)[keyof typeof SCENARIO_ISSUE];

/** One problem, located by its path in the data; the loader adds line and column. */
export interface ScenarioIssue {
  code: ScenarioIssueCode;
  path: (string | number)[];
  message: string;
}

/** `roles[2].seats.max` — how a path is shown to instructors. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(top level)' : out;
}

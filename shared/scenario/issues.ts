// Every way a scenario file can be wrong, as stable codes. Tools and tests
// match on the code; people read the message, rendered in their language
// from the issue's `text` (a catalogue key and parameters, messages.ts).

import type { IssueText, MessageKey, MessageParams } from './messages.ts';
import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_ZH } from './messages-zh.ts';
import type { Language } from './primitives.ts';

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
  /** The English message (what logs and older tools read); `text` renders it in either language. */
  message: string;
  text: IssueText;
}

/** An issue with its message from the catalogues. */
export function scenarioIssue(
  code: ScenarioIssueCode,
  path: (string | number)[],
  key: MessageKey,
  params: MessageParams = {},
): ScenarioIssue {
  const text = { key, params };
  return { code, path, message: renderText(text, 'en'), text };
}

export function renderText(text: IssueText, lang: Language): string {
  return (lang === 'zh' ? MESSAGES_ZH : MESSAGES_EN)[text.key](text.params, lang);
}

/** What the issue says, in `lang`. */
export function issueMessage(issue: Pick<ScenarioIssue, 'text'>, lang: Language): string {
  return renderText(issue.text, lang);
}

/** `roles[2].seats.max` — how a path is shown to instructors. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(top level)' : out;
}

// What a scenario issue says, apart from its code: a message key with
// parameters, rendered from a Chinese or an English catalogue
// (messages-en.ts, messages-zh.ts). The CLI, the server and the studio's
// in-browser validation all render through `issueMessage`, so they say the
// same thing in the same language.
import type { Language, LocalText } from './primitives.ts';

/** "found …": what was in the file, described in the reader's language when rendered. */
export type Found =
  | { found: 'nothing' }
  | { found: 'null' }
  | { found: 'list'; length: number }
  | { found: 'map'; keys: string[] }
  | { found: 'string'; text: string }
  | { found: 'other'; type: string; text: string };

export type MessageParam = string | number | LocalText | Found;
export type MessageParams = Record<string, MessageParam>;

export const MESSAGE_KEYS = [
  'idMismatch',
  'unknownRef',
  'unknownRule',
  'maxChoicesOverSeats',
  'injectTrigger',
  'unknownItem',
  'unknownCompetency',
  'missingTitle',
  'scaleOrder',
  'duplicateId',
  'twoChairs',
  'seatsOrder',
  'npcRequired',
  'builtinRuleId',
  'missingThreshold',
  'npcVoter',
  'noVoters',
  'missingAttribute',
  'duplicateFlat',
  'flatOwnerMissing',
  'totalOwnersOver',
  'totalAreaOver',
  'totalAreaMismatch',
  'totalAreaNoneLeft',
  'flatsWithoutElectorate',
  'unknownFlat',
  'unknownProxyFlat',
  'ownerTwice',
  'writtenNeedsQuorum',
  'writtenNeedsElectorate',
  'weightedElectorate',
  'noOwner',
  'unknownWrittenFlat',
  'writtenTwice',
  'writtenChoice',
  'tallyAllListed',
  'tallyOver',
  'roomAsElectorate',
  'electionWrittenNominated',
  'notACandidate',
  'electionChoiceTwice',
  'electionTooManyChoices',
  'electionBlankOver',
  'candidateNamedOver',
  'candidateNamesOver',
  'missingKey',
  'unknownKey',
  'expected',
  'yamlSyntax',
  'unreadable',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** What an issue says: a key of the catalogues and its parameters. */
export interface IssueText {
  key: MessageKey;
  params: MessageParams;
}

export type Catalogue = Record<MessageKey, (p: MessageParams, lang: Language) => string>;

/** Reads a parameter as text in the reader's language (a LocalText picks its language). */
export function param(p: MessageParams, name: string, lang: Language): string {
  const value = p[name];
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('found' in value) return '';
  return value[lang];
}

export function foundParam(p: MessageParams, name = 'found'): Found {
  const value = p[name];
  return value !== null && typeof value === 'object' && 'found' in value ? value : { found: 'nothing' };
}

/** The value an issue points at, as a `Found` (rendered later in either language). */
export function describeFound(value: unknown): Found {
  if (value === undefined) return { found: 'nothing' };
  if (value === null) return { found: 'null' };
  if (Array.isArray(value)) return { found: 'list', length: value.length };
  if (typeof value === 'object') return { found: 'map', keys: Object.keys(value) };
  if (typeof value === 'string')
    return { found: 'string', text: value.length > 40 ? `${value.slice(0, 40)}…` : value };
  return { found: 'other', type: typeof value, text: String(value) };
}

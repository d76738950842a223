export * from './defaults.ts';
export * from './issues.ts';
export * from './messages.ts';
export * from './primitives.ts';
export type { BallotOption, ItemKind, MeetingKind, ScenarioFile } from './schema.ts';
export { BALLOT_OPTIONS, FEWEST, ITEM_KINDS, MEETING_KINDS } from './schema.ts';
export * from './source.ts';
export type * from './types.ts';
export { validateScenario } from './validate.ts';

// A secret ballot, once cast, is final: the one rule, for the engine and every
// screen's buttons. Its own file, with no imports beyond types, so the
// trainee's phone can ask it without loading the counting rules.
import type { ItemOf } from '../scenario/index.ts';

export const ballotIsFinal = (
  item: Pick<ItemOf<'vote' | 'election'>, 'ballot'>,
  alreadyCast: boolean,
): boolean => alreadyCast && item.ballot === 'secret';

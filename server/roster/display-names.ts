// A roster trainee's seat is logged under a pseudonym (the log is append-only
// and must not hold names that deleting the person has to erase); the name
// people see comes from the roster at the moment a view is made. Pure.
import type { MeetingContext } from '../../shared/meeting/context.ts';

/** The pseudonym a roster seat is logged under: the seat's number, no name. */
export const pseudonymFor = (seatNumber: number): string => `学员${seatNumber}`;

/** The context with each linked seat's roster name in place of its pseudonym (the same object when none). */
export function withRosterNames<C extends Pick<MeetingContext, 'participants'>>(
  context: C,
  names: ReadonlyMap<string, string>,
): C {
  if (names.size === 0) return context;
  const participants = Object.fromEntries(
    Object.entries(context.participants).map(([id, p]) => {
      const name = names.get(id);
      return [id, name === undefined ? p : { ...p, name }];
    }),
  );
  return { ...context, participants };
}

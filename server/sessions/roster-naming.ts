// Roster seats under their roster names. The log holds a pseudonym for a
// seat taken by a roster person (docs/roster.md): the names people see are
// read beside it, kept here, and put into each context views are made from.
import { withRosterNames } from '../roster/display-names.ts';

export class RosterNaming {
  private names?: ReadonlyMap<string, string>;
  /** The last context named, so views made from one state share one object. */
  private named?: { from: object; to: object };

  constructor(private readonly read: (() => ReadonlyMap<string, string>) | undefined) {}

  /** Reads the names again (a roster trainee joined, or a person was deleted). */
  refresh(): void {
    this.names = this.read?.();
    this.named = undefined;
  }

  /** The context as people see it. */
  apply<C extends { participants: Record<string, { name: string }> }>(context: C): C {
    if (!this.read) return context;
    if (!this.names) this.refresh();
    if (this.named?.from === context) return this.named.to as C;
    const to = withRosterNames(context as never, this.names ?? new Map()) as C;
    this.named = { from: context, to };
    return to;
  }
}

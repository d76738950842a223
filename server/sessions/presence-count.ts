// Who is online, counted per id: one person may have several tabs or phones
// open, and is online while any of them is. Presence is shown, not logged.
export class PresenceCount {
  private readonly counts = new Map<string, number>();
  /** Bumped whenever an id comes online or goes offline (views compare it to know they are stale). */
  version = 0;

  /** One connection of `id` opened or closed; true when that made `id` come online or go offline. */
  set(id: string, online: boolean): boolean {
    const wasOnline = this.counts.has(id);
    const count = (this.counts.get(id) ?? 0) + (online ? 1 : -1);
    if (count > 0) this.counts.set(id, count);
    else this.counts.delete(id);
    const changed = wasOnline !== this.counts.has(id);
    if (changed) this.version++;
    return changed;
  }

  /** The ids online now. */
  ids(): Set<string> {
    return new Set(this.counts.keys());
  }
}

// Which scenario a session runs, as a content hash of the normalised
// scenario: two files that read the same (comments, key order, spelling of
// a duration) hash the same; any change to what the engine reads does not.
// Stored with every session and snapshot, so a restore knows whether the
// scenario changed under it (docs/architecture.md).
import { createHash } from 'node:crypto';
import type { Scenario } from '../../shared/scenario/index.ts';

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const cache = new WeakMap<Scenario, string>();

/** "sha256:" and the first 32 hex digits of the normalised scenario's canonical JSON. */
export function scenarioHash(scenario: Scenario): string {
  let hash = cache.get(scenario);
  if (!hash) {
    hash = `sha256:${createHash('sha256').update(canonicalJson(scenario)).digest('hex').slice(0, 32)}`;
    cache.set(scenario, hash);
  }
  return hash;
}

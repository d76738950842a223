// Updates as patches instead of whole views: after the welcome, a client
// gets only what changed since the view it last had. The meeting record is
// append-only within an attempt, so most updates are "one more statement,
// a new queue": a few hundred bytes instead of the whole meeting.
//
// A patch mirrors the view's shape; at each changed place it holds one op:
//   { $set: value }        the value is replaced
//   { $append: [...] }     the array keeps its elements and gains these
//   { $unset: true }       the key is gone
// Data keys never start with "$" (ids are slugs or base64url), so ops and
// nested patches cannot be confused.

export type Patch = { $set: unknown } | { $append: unknown[] } | { $unset: true } | { [key: string]: Patch };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) if (!(k in b) || !deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * Remembers diffs between pairs of objects. One fan-out diffs many members'
 * views that share most of their parts (every trainee's `record` is the same
 * object): with a memo, each shared part is compared once, not once per member.
 */
export type DiffMemo = WeakMap<object, WeakMap<object, Patch | undefined>>;

/** The patch turning `prev` into `next`, or undefined when they are equal. */
export function diff(prev: unknown, next: unknown, memo?: DiffMemo): Patch | undefined {
  if (prev === next) return undefined;
  if (memo && prev !== null && next !== null && typeof prev === 'object' && typeof next === 'object') {
    let known = memo.get(prev);
    if (known?.has(next)) return known.get(next);
    const result = diffUncached(prev, next, memo);
    if (!known) {
      known = new WeakMap();
      memo.set(prev, known);
    }
    known.set(next, result);
    return result;
  }
  return diffUncached(prev, next, memo);
}

function diffUncached(prev: unknown, next: unknown, memo?: DiffMemo): Patch | undefined {
  if (Array.isArray(prev) && Array.isArray(next)) {
    if (next.length >= prev.length && prev.length > 0) {
      let i = 0;
      while (i < prev.length && (prev[i] === next[i] || deepEqual(prev[i], next[i]))) i++;
      if (i === prev.length)
        return next.length === prev.length ? undefined : { $append: next.slice(prev.length) };
    }
    return deepEqual(prev, next) ? undefined : { $set: next };
  }
  if (isObject(prev) && isObject(next)) {
    const out: Record<string, Patch> = {};
    let changed = false;
    for (const key of Object.keys(next)) {
      // An undefined value is an absent key, as JSON has it.
      if (next[key] === undefined) continue;
      const sub =
        key in prev && prev[key] !== undefined ? diff(prev[key], next[key], memo) : { $set: next[key] };
      if (sub) {
        out[key] = sub;
        changed = true;
      }
    }
    for (const key of Object.keys(prev)) {
      if (prev[key] !== undefined && next[key] === undefined) {
        out[key] = { $unset: true };
        changed = true;
      }
    }
    return changed ? (out as Patch) : undefined;
  }
  return deepEqual(prev, next) ? undefined : { $set: next };
}

/** Applies a patch without mutating `base` (new objects along every changed path). */
export function applyPatch<T>(base: T, patch: Patch): T {
  if ('$set' in patch) return patch.$set as T;
  if ('$append' in patch) return [...(base as unknown[]), ...(patch.$append as unknown[])] as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, sub] of Object.entries(patch)) {
    if (sub !== null && typeof sub === 'object' && '$unset' in sub) delete out[key];
    else out[key] = applyPatch(out[key], sub as Patch);
  }
  return out as T;
}

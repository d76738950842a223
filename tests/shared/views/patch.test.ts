import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, deepEqual, diff } from '../../../shared/views/patch.ts';

describe('view patches', () => {
  it('sends only the appended elements of an append-only list', () => {
    const statement = { text: 'a' };
    const prev = { seq: 1, record: { statements: [statement] }, phase: 'running' };
    const next = { seq: 2, record: { statements: [statement, { text: 'b' }] }, phase: 'running' };
    expect(diff(prev, next)).toEqual({
      seq: { $set: 2 },
      record: { statements: { $append: [{ text: 'b' }] } },
    });
  });

  it('replaces a list that changed in the middle, and unsets removed keys', () => {
    expect(diff({ queue: [1, 2, 3], floor: { id: 'p1' } }, { queue: [1, 3] })).toEqual({
      queue: { $set: [1, 3] },
      floor: { $unset: true },
    });
  });

  it('finds nothing to send when only new objects with equal content arrive', () => {
    expect(
      diff({ participants: [{ id: 'p1', online: true }] }, { participants: [{ id: 'p1', online: true }] }),
    ).toBeUndefined();
  });

  it('treats an undefined value as an absent key, as JSON does', () => {
    expect(diff({ a: 1 }, { a: 1, b: undefined })).toBeUndefined();
    expect(diff({ a: 1, b: 2 }, { a: 1, b: undefined })).toEqual({ b: { $unset: true } });
  });

  it('does not mutate the view it patches', () => {
    const prev = { record: { turns: [1] }, item: { queue: [] as number[] } };
    const frozen = JSON.stringify(prev);
    const next = applyPatch(prev, { record: { turns: { $append: [2] } }, item: { queue: { $set: [5] } } });
    expect(JSON.stringify(prev)).toBe(frozen);
    expect(next).toEqual({ record: { turns: [1, 2] }, item: { queue: [5] } });
  });

  // JSON-like values without "$" keys (data keys never start with "$").
  const key = fc
    .string({ minLength: 1, maxLength: 6 })
    .filter((k) => !k.startsWith('$') && k !== '__proto__');
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 5 }),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('applying diff(prev, next) to prev gives next, for any JSON values (through a JSON round trip)', () => {
    fc.assert(
      fc.property(json, json, (prev, next) => {
        const patch = diff(prev, next);
        const wire = patch === undefined ? undefined : JSON.parse(JSON.stringify(patch));
        const result = wire === undefined ? prev : applyPatch(prev, wire);
        expect(deepEqual(result, next)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same patches with a memo, and diffs a shared part only once', () => {
    fc.assert(
      fc.property(json, json, json, (shared, before, after) => {
        const memo = new WeakMap();
        const prevShared = { shared, n: before };
        const nextShared = { shared, n: after };
        const a = diff({ part: prevShared, me: 1 }, { part: nextShared, me: 2 }, memo);
        const b = diff({ part: prevShared, me: 3 }, { part: nextShared, me: 3 }, memo);
        expect(a).toEqual(diff({ part: prevShared, me: 1 }, { part: nextShared, me: 2 }));
        expect(b).toEqual(diff({ part: prevShared, me: 3 }, { part: nextShared, me: 3 }));
      }),
      { numRuns: 500 },
    );
    let compared = 0;
    const counting = new Proxy(
      { n: 1 },
      {
        ownKeys: (t) => {
          compared++;
          return Reflect.ownKeys(t);
        },
      },
    );
    const memo = new WeakMap();
    const next = { n: 2 };
    for (let i = 0; i < 10; i++) diff({ part: counting }, { part: next }, memo);
    expect(compared).toBe(1);
  });

  it('turns a list into its extension with an append, whatever the elements', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1 }), fc.array(json, { minLength: 1 }), (head, tail) => {
        const patch = diff({ list: head }, { list: [...head, ...tail] });
        expect(patch).toEqual({ list: { $append: tail } });
      }),
    );
  });
});

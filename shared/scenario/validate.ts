// Validates parsed scenario data (from YAML or JSON) and normalises it.
// Pure: positions in the source are the loader's job; this reports paths.
import type { z } from 'zod';
import { checkCrossReferences } from './crossrefs.ts';
import { electorateWarnings } from './electorate-check.ts';
import { SCENARIO_ISSUE, type ScenarioIssue, scenarioIssue } from './issues.ts';
import { describeFound } from './messages.ts';
import { foundEn } from './messages-en.ts';
import { expectationZh } from './messages-zh.ts';
import { normalizeScenario } from './normalize.ts';
import { type ScenarioFile, scenarioFileSchema } from './schema.ts';
import type { Scenario } from './types.ts';

/** `warnings` point at what is valid but probably not meant (an owners' vote with no electorate). */
export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

type Path = (string | number)[];

/** Removes `x-` keys everywhere (they are kept, unvalidated, only at the top level). */
export function stripExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExtensions);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!key.startsWith('x-')) out[key] = stripExtensions(v);
  return out;
}

export function validateScenario(data: unknown, expectedId?: string): ValidationResult {
  const stripped = stripExtensions(data);
  const parsed = scenarioFileSchema.safeParse(stripped);
  if (!parsed.success) {
    const issues = translateZodIssues(parsed.error.issues, data);
    return { ok: false, issues: [...issues, ...crossReferencesDespite(issues, stripped, expectedId)] };
  }
  const issues = checkCrossReferences(parsed.data, expectedId);
  if (issues.length > 0) return { ok: false, issues };
  const extensions = Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(([key]) => key.startsWith('x-')),
  );
  return {
    ok: true,
    scenario: normalizeScenario(parsed.data, extensions),
    warnings: electorateWarnings(parsed.data),
  };
}

/**
 * So that an instructor sees every problem at once, cross-references are also
 * checked on a file with structural errors, best effort: a check that trips
 * over a malformed part is dropped, and so is anything inside a part that
 * already has an error.
 */
function crossReferencesDespite(
  structural: ScenarioIssue[],
  data: unknown,
  expectedId?: string,
): ScenarioIssue[] {
  let issues: ScenarioIssue[];
  try {
    issues = checkCrossReferences(data as ScenarioFile, expectedId);
  } catch {
    return [];
  }
  const within = (inner: Path, outer: Path) => outer.every((part, i) => inner[i] === part);
  return issues.filter((c) => !structural.some((s) => within(c.path, s.path) || within(s.path, c.path)));
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** "found …" in words an instructor recognises. */
export function describeValue(value: unknown): string {
  return foundEn(describeFound(value));
}

function translateZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  data: unknown,
  prefix: Path = [],
): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of zodIssues) {
    const path = [...prefix, ...(issue.path as Path)];
    const found = valueAt(data, path);
    // A required key that is simply absent (whatever its type: Text, Duration, enum, literal…)
    // is reported as missing, not as a bad value.
    if (found === undefined && path.length > 0 && issue.code !== 'unrecognized_keys') {
      out.push(scenarioIssue(SCENARIO_ISSUE.missingKey, path, 'missingKey', { key: String(path.at(-1)) }));
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const allowed = allowedKeysAt(data, path);
          const hint = closest(key, allowed);
          out.push(
            scenarioIssue(SCENARIO_ISSUE.unknownKey, [...path, key], 'unknownKey', {
              key,
              hint: hint ?? '',
              allowed: allowed.join(', '),
            }),
          );
        }
        break;
      case 'invalid_union': {
        const branch = closestBranch(issue.errors, found);
        if (branch) out.push(...translateZodIssues(branch, data, path));
        else
          out.push(
            scenarioIssue(SCENARIO_ISSUE.invalidValue, path, 'expected', {
              expected: { en: issue.message, zh: expectationZh(issue) },
              found: describeFound(found),
            }),
          );
        break;
      }
      default:
        out.push(
          scenarioIssue(SCENARIO_ISSUE.invalidValue, path, 'expected', {
            expected: { en: plain(issue.message), zh: expectationZh(issue) },
            found: describeFound(found),
          }),
        );
    }
  }
  return out;
}

/** zod's "Invalid input: expected number, received string" → "expected number". */
function plain(message: string): string {
  return message
    .replace(/^Invalid (input|option|value):\s*/i, '')
    .replace(/,?\s*received .*$/i, '')
    .replace(/^Too (small|big): /i, '')
    .replace(/^expected (\w+) to (?:be|have) /, 'expected $1 ')
    .trim();
}

/**
 * For a union that failed, the branch that came closest: a map given where a
 * map was allowed is better explained by that branch's own issues than by
 * "expected a string or a map".
 */
function closestBranch(branches: z.core.$ZodIssue[][], found: unknown) {
  if (found === null || typeof found !== 'object' || Array.isArray(found)) return undefined;
  return branches.find((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
}

// biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definitions
type AnySchema = any;

/** The keys the schema accepts for the map at `path` (used to suggest a fix for a typo). */
export function allowedKeysAt(data: unknown, path: Path): string[] {
  let schema: AnySchema = scenarioFileSchema;
  for (let depth = 0; depth <= path.length; depth++) {
    schema = unwrap(schema, valueAt(data, path.slice(0, depth)));
    if (depth === path.length || !schema) break;
    const def = schema._zod.def;
    const key = path[depth];
    if (def.type === 'object') schema = def.shape[key as string];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return [];
  }
  return schema?._zod.def.type === 'object' ? Object.keys(schema._zod.def.shape) : [];
}

export function unwrap(schema: AnySchema, value: unknown): AnySchema {
  let s = schema;
  for (;;) {
    const def = s?._zod.def;
    if (!def) return undefined;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union') {
      const options: AnySchema[] = def.options;
      const discriminator: string | undefined = def.discriminator;
      const record = value as Record<string, unknown> | undefined;
      s = discriminator
        ? options.find((o) =>
            o._zod.def.shape?.[discriminator]?._zod.def.values?.includes(record?.[discriminator]),
          )
        : options.find((o) => o._zod.def.type === 'object');
      if (!s) return undefined;
    } else return s;
  }
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

// Reads scenario files from disk. A file that fails to load is kept in the
// library as invalid, with its errors, so one bad file never stops the server.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Scenario } from '../../shared/scenario/index.ts';
import {
  type LocatedIssue,
  loadScenarioSource,
  SCENARIO_ISSUE,
  scenarioIssue,
} from '../../shared/scenario/index.ts';
import { scenarioHash } from './scenario-hash.ts';

export type LibraryEntry =
  | { id: string; file: string; status: 'valid'; scenario: Scenario; warnings?: LocatedIssue[] }
  | { id: string; file: string; status: 'invalid'; issues: LocatedIssue[] };

/** `shownAs` is the name used in messages (a path relative to the working directory by default). */
export function loadScenarioFile(
  path: string,
  shownAs = relative(process.cwd(), path) || path,
): LibraryEntry {
  const id = basename(path).replace(/\.ya?ml$/, '');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const issue = scenarioIssue(SCENARIO_ISSUE.unreadable, [], 'unreadable', { reason });
    return {
      id,
      file: shownAs,
      status: 'invalid',
      issues: [{ ...issue, file: shownAs, line: 1, column: 1 }],
    };
  }
  const result = loadScenarioSource(text, shownAs, id);
  return result.ok
    ? { id, file: shownAs, status: 'valid', scenario: result.scenario, warnings: result.warnings }
    : { id, file: shownAs, status: 'invalid', issues: result.issues };
}

export function listScenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export class ScenarioLibrary {
  private readonly entries = new Map<string, LibraryEntry>();
  private readonly paths = new Map<string, string>();
  private versions?: (id: string, version: number) => Scenario | undefined;

  static load(dir: string): ScenarioLibrary {
    const library = new ScenarioLibrary();
    for (const file of listScenarioFiles(dir)) library.add(loadScenarioFile(file), file);
    return library;
  }

  add(entry: LibraryEntry, path?: string): void {
    this.entries.set(entry.id, entry);
    if (path) this.paths.set(entry.id, path);
  }

  /** Where a shipped file is on disk. */
  pathOf(id: string): string | undefined {
    return this.paths.get(id);
  }

  /** Where stored versions come from (the studio, server/scenarios/studio.ts). */
  readVersionsFrom(lookup: (id: string, version: number) => Scenario | undefined): void {
    this.versions = lookup;
  }

  /** A session's scenario: the shipped file (version null or absent) or the stored version it was created from. */
  scenarioAt(id: string, version: number | null | undefined): Scenario | undefined {
    return version === null || version === undefined ? this.scenario(id) : this.versions?.(id, version);
  }

  all(): LibraryEntry[] {
    return [...this.entries.values()];
  }

  get(id: string): LibraryEntry | undefined {
    return this.entries.get(id);
  }

  /** The scenario when it loaded; undefined when unknown or invalid. */
  scenario(id: string): Scenario | undefined {
    const entry = this.entries.get(id);
    return entry?.status === 'valid' ? entry.scenario : undefined;
  }

  /** Its content hash (scenario-hash.ts), when it loaded. */
  hash(id: string): string | undefined {
    const scenario = this.scenario(id);
    return scenario ? scenarioHash(scenario) : undefined;
  }
}

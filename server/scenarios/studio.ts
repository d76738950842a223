// The studio's library: the shipped files (read-only) beside the scenarios
// stored as versions in the database. Every save is a new version; a save
// based on an older version than the latest is refused, so two instructors
// never overwrite each other silently. A version's YAML is kept exactly as
// written, so an export is the file that was imported or typed.

import { readFileSync } from 'node:fs';
import type { MeetingKind } from '../../shared/scenario/index.ts';
import {
  type LocatedIssue,
  loadScenarioSource,
  MEETING_KINDS,
  type Scenario,
} from '../../shared/scenario/index.ts';
import {
  type ScenarioOrigin,
  STUDIO_ERRORS,
  type StudioScenarioSummary,
  type StudioVersion,
  type VersionAuthor,
  type VersionInfo,
} from '../../shared/studio/api.ts';
import { templateSource } from '../../shared/studio/templates.ts';
import type { NewVersion, ScenarioStore, VersionRow } from '../storage/scenario-store.ts';
import type { ScenarioLibrary } from './library.ts';
import { scenarioHash } from './scenario-hash.ts';
import { fail, hasErrors, notFound, readOnly, type StudioResult } from './studio-result.ts';
import { studioSummaries, totalSessions, versionInfo } from './studio-summaries.ts';
import { checkImportFiles, ID_PATTERN, type ImportFile, withId } from './studio-texts.ts';

type Loaded = { issues: LocatedIssue[]; scenario?: Scenario };

export class Studio {
  private readonly loaded = new Map<string, Loaded>();

  constructor(
    private readonly store: ScenarioStore,
    private readonly library: ScenarioLibrary,
    private readonly now: () => number = Date.now,
  ) {}

  /** What the loader makes of a text saved as `<id>.yaml`. */
  static check(id: string, source: string): Loaded {
    const result = loadScenarioSource(source, `${id}.yaml`, id);
    return result.ok ? { issues: [], scenario: result.scenario } : { issues: result.issues };
  }

  private load(row: VersionRow): Loaded {
    const key = `${row.scenarioId}@${row.version}`;
    let loaded = this.loaded.get(key);
    if (!loaded) {
      loaded = Studio.check(row.scenarioId, row.source);
      this.loaded.set(key, loaded);
    }
    return loaded;
  }

  isShipped(id: string): boolean {
    return this.library.get(id) !== undefined;
  }

  /** The scenario a session runs: a shipped file (version null) or a stored version, when valid. */
  scenarioAt(id: string, version: number | null): Scenario | undefined {
    if (version === null) return this.library.scenario(id);
    const row = this.store.version(id, version);
    return row ? this.load(row).scenario : undefined;
  }

  latestVersion(id: string): number | undefined {
    return this.store.latestVersion(id);
  }

  summaries(): StudioScenarioSummary[] {
    return studioSummaries(this.library, this.store, (row) => this.load(row).scenario);
  }

  versions(id: string): StudioResult<VersionInfo[]> {
    if (!this.store.get(id)) return this.isShipped(id) ? { ok: true, value: [] } : notFound(id);
    const sessions = this.store.sessionsUsing(id);
    return { ok: true, value: this.store.versions(id).map((v) => versionInfo(v, sessions)) };
  }

  /** One version's text (the latest when `version` is undefined; a shipped file has no versions). */
  read(id: string, version?: number): StudioResult<StudioVersion> {
    const shipped = this.library.get(id);
    if (shipped) {
      if (version !== undefined)
        return fail(STUDIO_ERRORS.notFound, `"${id}" is a shipped file: it has no stored versions`);
      let source: string;
      try {
        source = readFileSync(this.library.pathOf(id) ?? '', 'utf8');
      } catch {
        return notFound(id);
      }
      return {
        ok: true,
        value: {
          id,
          kind: 'shipped',
          version: null,
          latestVersion: null,
          source,
          issues: shipped.status === 'invalid' ? shipped.issues : [],
          info: null,
        },
      };
    }
    const latest = this.store.latestVersion(id);
    if (latest === undefined) return notFound(id);
    const row = this.store.version(id, version ?? latest);
    if (!row) return fail(STUDIO_ERRORS.notFound, `"${id}" has no version ${version}`);
    return {
      ok: true,
      value: {
        id,
        kind: 'studio',
        version: row.version,
        latestVersion: latest,
        source: row.source,
        issues: this.load(row).issues,
        info: versionInfo(row, this.store.sessionsUsing(id)),
      },
    };
  }

  private newVersion(id: string, source: string, author: VersionAuthor): NewVersion {
    const checked = Studio.check(id, source);
    return {
      source,
      author,
      savedAt: this.now(),
      issueCount: checked.issues.length,
      scenarioHash: checked.scenario ? scenarioHash(checked.scenario) : null,
    };
  }

  /** A new version on top of `baseVersion`. A text with errors is saved too, as a draft. */
  save(id: string, baseVersion: number, source: string, author: VersionAuthor): StudioResult<StudioVersion> {
    if (this.isShipped(id)) return readOnly(id);
    if (!this.store.get(id)) return notFound(id);
    const saved = this.store.save(id, baseVersion, this.newVersion(id, source, author));
    if (!saved.ok)
      return fail(
        STUDIO_ERRORS.staleVersion,
        `version ${saved.latest} was saved after the version ${baseVersion} you edited; compare with it before saving again`,
        { latestVersion: saved.latest, baseVersion },
      );
    return this.read(id, saved.version);
  }

  /** The text of an older version saved again as the newest. */
  restore(
    id: string,
    version: number,
    baseVersion: number,
    author: VersionAuthor,
  ): StudioResult<StudioVersion> {
    const old = this.store.version(id, version);
    if (!old)
      return this.isShipped(id)
        ? readOnly(id)
        : fail(STUDIO_ERRORS.notFound, `"${id}" has no version ${version}`);
    return this.save(id, baseVersion, old.source, author);
  }

  /** Whether a shipped file or a stored scenario has this id. */
  private taken(id: string): boolean {
    return this.isShipped(id) || this.store.get(id) !== undefined;
  }

  /** `stem`, or `stem-2`, `stem-3`… : the first id no scenario has. */
  private freeId(stem: string): string {
    let id = stem;
    for (let n = 2; this.taken(id); n++) id = `${stem}-${n}`;
    return id;
  }

  /** A copy of a shipped file or of a stored version, under a new id. */
  duplicate(of: string, version: number | null, author: VersionAuthor): StudioResult<StudioVersion> {
    const source = this.read(of, version ?? undefined);
    if (!source.ok) return source;
    const id = this.freeId(`${of.slice(0, 40)}-copy`);
    const text = withId(source.value.source, id);
    const origin: ScenarioOrigin = { kind: 'duplicate', of, version: source.value.version };
    this.store.create(id, origin, this.newVersion(id, text, author));
    return this.read(id);
  }

  fromTemplate(
    meeting: string,
    requestedId: string | undefined,
    author: VersionAuthor,
  ): StudioResult<StudioVersion> {
    if (!(MEETING_KINDS as readonly string[]).includes(meeting))
      return fail(
        STUDIO_ERRORS.badRequest,
        `no template for "${meeting}"; one of ${MEETING_KINDS.join(', ')}`,
      );
    const id = requestedId ?? this.freeId(`new-${meeting.replace(/_/g, '-')}`);
    if (!ID_PATTERN.test(id))
      return fail(
        STUDIO_ERRORS.badRequest,
        `"${id}" is not an id: a lowercase letter, then up to 47 of a-z 0-9 _ -`,
      );
    if (this.taken(id))
      return fail(STUDIO_ERRORS.idTaken, `a scenario "${id}" exists already; choose another id`);
    const text = templateSource(meeting as MeetingKind, id);
    this.store.create(id, { kind: 'template', meeting }, this.newVersion(id, text, author));
    return this.read(id);
  }

  /**
   * YAML files as new scenarios, all or none: a file that is not YAML, not a
   * scenario, or whose id is taken refuses the whole import and changes
   * nothing. A scenario with errors is imported as a draft.
   */
  import(files: ImportFile[], author: VersionAuthor): StudioResult<StudioVersion[]> {
    const { problems, accepted } = checkImportFiles(files, (id) => this.taken(id));
    const items = accepted.map(({ id, file }) => ({
      id,
      origin: { kind: 'import', file: file.name } satisfies ScenarioOrigin,
      first: this.newVersion(id, file.text, author),
    }));
    const first = problems[0];
    if (first) return fail(first.code, `nothing was imported: ${first.file}: ${first.message}`, problems);
    if (!this.store.createAll(items))
      return fail(STUDIO_ERRORS.idTaken, 'nothing was imported: an id was taken meanwhile');
    return {
      ok: true,
      value: items.map((item) => this.read(item.id)).flatMap((r) => (r.ok ? [r.value] : [])),
    };
  }

  /** Lists a valid version on the public library (its public side only). */
  publish(id: string, version: number | null): StudioResult<null> {
    if (this.isShipped(id)) return readOnly(id);
    if (!this.store.get(id)) return notFound(id);
    if (version !== null) {
      const row = this.store.version(id, version);
      if (!row) return fail(STUDIO_ERRORS.notFound, `"${id}" has no version ${version}`);
      if (row.issueCount > 0) return hasErrors(id, version);
    }
    this.store.setPublished(id, version);
    return { ok: true, value: null };
  }

  archive(id: string, archived: boolean): StudioResult<null> {
    if (this.isShipped(id)) return readOnly(id);
    if (!this.store.get(id)) return notFound(id);
    this.store.setArchived(id, archived ? this.now() : null);
    return { ok: true, value: null };
  }

  /** Deletes a scenario no session uses; one in use is archived instead. */
  delete(id: string): StudioResult<null> {
    if (this.isShipped(id)) return readOnly(id);
    if (!this.store.get(id)) return notFound(id);
    const using = totalSessions(this.store.sessionsUsing(id));
    if (using > 0)
      return fail(
        STUDIO_ERRORS.inUse,
        `${using} session(s) were created from "${id}": archive it instead, so they keep their version`,
        { sessions: using },
      );
    this.store.delete(id);
    return { ok: true, value: null };
  }

  /** Which version a new session of `id` runs: a shipped file (null), the one asked for, or the latest; refused when it has errors. */
  sessionVersion(
    id: string,
    version: number | undefined,
  ): StudioResult<{ scenario: Scenario; version: number | null }> {
    if (this.isShipped(id)) {
      const scenario = this.library.scenario(id);
      return scenario ? { ok: true, value: { scenario, version: null } } : hasErrors(id, null);
    }
    const row = this.store.get(id);
    const v = version ?? this.store.latestVersion(id);
    if (!row || v === undefined) return notFound(id);
    const scenario = this.scenarioAt(id, v);
    return scenario ? { ok: true, value: { scenario, version: v } } : hasErrors(id, v);
  }

  /** Published, not archived stored scenarios, at their published version (for the public library). */
  published(): Scenario[] {
    return this.store
      .list()
      .filter((row) => row.publishedVersion !== null && row.archivedAt === null)
      .flatMap((row) => {
        const scenario = this.scenarioAt(row.id, row.publishedVersion);
        return scenario ? [scenario] : [];
      });
  }
}

// The studio's scenarios in SQLite (migration 5): one row per scenario and
// one per saved version, the YAML kept exactly as written. A save names the
// version it was based on; the check and the insert are one transaction, so
// two instructors saving at once cannot both win.
import type Database from 'better-sqlite3';
import type { ScenarioOrigin, VersionAuthor } from '../../shared/studio/api.ts';

export interface StudioScenarioRow {
  id: string;
  origin: ScenarioOrigin;
  createdAt: number;
  publishedVersion: number | null;
  archivedAt: number | null;
}

export interface VersionRow {
  scenarioId: string;
  version: number;
  source: string;
  author: VersionAuthor;
  savedAt: number;
  issueCount: number;
  scenarioHash: string | null;
}

export type NewVersion = Omit<VersionRow, 'scenarioId' | 'version'>;

export type SaveResult = { ok: true; version: number } | { ok: false; latest: number };

interface RawScenario {
  id: string;
  origin: string;
  createdAt: number;
  publishedVersion: number | null;
  archivedAt: number | null;
}
type RawVersion = Omit<VersionRow, 'author'> & { author: string };

const SCENARIO_COLUMNS = `id, origin, created_at AS createdAt, published_version AS publishedVersion,
  archived_at AS archivedAt`;
const VERSION_COLUMNS = `scenario_id AS scenarioId, version, source, author, saved_at AS savedAt,
  issue_count AS issueCount, scenario_hash AS scenarioHash`;

const scenarioRow = (r: RawScenario): StudioScenarioRow => ({
  ...r,
  origin: JSON.parse(r.origin) as ScenarioOrigin,
});
const versionRow = (r: RawVersion): VersionRow => ({ ...r, author: JSON.parse(r.author) as VersionAuthor });

export class ScenarioStore {
  private readonly stmt;
  private readonly saveTx: (id: string, base: number, row: NewVersion) => SaveResult;
  private readonly createTx: (id: string, origin: ScenarioOrigin, row: NewVersion) => boolean;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      insertScenario: db.prepare<[string, string, number], void>(
        'INSERT INTO studio_scenarios (id, origin, created_at) VALUES (?, ?, ?)',
      ),
      getScenario: db.prepare<[string], RawScenario>(
        `SELECT ${SCENARIO_COLUMNS} FROM studio_scenarios WHERE id = ?`,
      ),
      listScenarios: db.prepare<[], RawScenario>(
        `SELECT ${SCENARIO_COLUMNS} FROM studio_scenarios ORDER BY id`,
      ),
      latest: db.prepare<[string], { latest: number | null }>(
        'SELECT max(version) AS latest FROM scenario_versions WHERE scenario_id = ?',
      ),
      insertVersion: db.prepare<[VersionRow & { authorJson: string }], void>(
        `INSERT INTO scenario_versions (scenario_id, version, source, author, saved_at, issue_count, scenario_hash)
         VALUES (@scenarioId, @version, @source, @authorJson, @savedAt, @issueCount, @scenarioHash)`,
      ),
      getVersion: db.prepare<[string, number], RawVersion>(
        `SELECT ${VERSION_COLUMNS} FROM scenario_versions WHERE scenario_id = ? AND version = ?`,
      ),
      listVersions: db.prepare<[string], Omit<RawVersion, 'source'>>(
        `SELECT scenario_id AS scenarioId, version, author, saved_at AS savedAt, issue_count AS issueCount,
           scenario_hash AS scenarioHash
         FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC`,
      ),
      setPublished: db.prepare<[number | null, string], void>(
        'UPDATE studio_scenarios SET published_version = ? WHERE id = ?',
      ),
      setArchived: db.prepare<[number | null, string], void>(
        'UPDATE studio_scenarios SET archived_at = ? WHERE id = ?',
      ),
      deleteVersions: db.prepare<[string], void>('DELETE FROM scenario_versions WHERE scenario_id = ?'),
      deleteScenario: db.prepare<[string], void>('DELETE FROM studio_scenarios WHERE id = ?'),
      sessionsUsing: db.prepare<[string], { version: number | null; count: number }>(
        `SELECT scenario_version AS version, count(*) AS count FROM sessions
         WHERE scenario_id = ? AND status != 'deleted' GROUP BY scenario_version`,
      ),
    };
    const insert = (id: string, version: number, row: NewVersion) =>
      this.stmt.insertVersion.run({
        ...row,
        scenarioId: id,
        version,
        authorJson: JSON.stringify(row.author),
      });
    this.saveTx = db.transaction((id: string, base: number, row: NewVersion): SaveResult => {
      const latest = this.latestVersion(id) ?? 0;
      if (latest !== base) return { ok: false, latest };
      insert(id, latest + 1, row);
      return { ok: true, version: latest + 1 };
    });
    this.createTx = db.transaction((id: string, origin: ScenarioOrigin, row: NewVersion): boolean => {
      if (this.stmt.getScenario.get(id)) return false;
      this.stmt.insertScenario.run(id, JSON.stringify(origin), row.savedAt);
      insert(id, 1, row);
      return true;
    });
  }

  /** A new scenario with its first version; false when the id exists. */
  create(id: string, origin: ScenarioOrigin, first: NewVersion): boolean {
    return this.createTx(id, origin, first);
  }

  /** Several new scenarios, all or none (an import): false, and nothing stored, when an id exists. */
  createAll(items: { id: string; origin: ScenarioOrigin; first: NewVersion }[]): boolean {
    try {
      this.db.transaction(() => {
        for (const item of items) if (!this.createTx(item.id, item.origin, item.first)) throw new RollBack();
      })();
      return true;
    } catch (error) {
      if (error instanceof RollBack) return false;
      throw error;
    }
  }

  /** A new version on top of `base`; refused (with the latest) when `base` is no longer the latest. */
  save(id: string, base: number, row: NewVersion): SaveResult {
    return this.saveTx(id, base, row);
  }

  get(id: string): StudioScenarioRow | undefined {
    const raw = this.stmt.getScenario.get(id);
    return raw && scenarioRow(raw);
  }

  list(): StudioScenarioRow[] {
    return this.stmt.listScenarios.all().map(scenarioRow);
  }

  latestVersion(id: string): number | undefined {
    return this.stmt.latest.get(id)?.latest ?? undefined;
  }

  version(id: string, version: number): VersionRow | undefined {
    const raw = this.stmt.getVersion.get(id, version);
    return raw && versionRow(raw);
  }

  versions(id: string): Omit<VersionRow, 'source'>[] {
    return this.stmt.listVersions
      .all(id)
      .map((r) => ({ ...r, author: JSON.parse(r.author) as VersionAuthor }));
  }

  setPublished(id: string, version: number | null): void {
    this.stmt.setPublished.run(version, id);
  }

  setArchived(id: string, at: number | null): void {
    this.stmt.setArchived.run(at, id);
  }

  /** Removes a scenario no session uses (the caller checks). */
  delete(id: string): void {
    this.db.transaction(() => {
      this.stmt.deleteVersions.run(id);
      this.stmt.deleteScenario.run(id);
    })();
  }

  /** Sessions not deleted, by the version they were created from (null: the shipped file). */
  sessionsUsing(id: string): Map<number | null, number> {
    return new Map(this.stmt.sessionsUsing.all(id).map((r) => [r.version, r.count]));
  }
}

class RollBack extends Error {}

// The studio's list of scenarios: every shipped file and every stored
// scenario in one row each, with its latest version and how many sessions
// were created from it; and one version's line in a scenario's history.
import type { Scenario } from '../../shared/scenario/index.ts';
import type { StudioScenarioSummary, VersionInfo } from '../../shared/studio/api.ts';
import type { ScenarioStore, VersionRow } from '../storage/scenario-store.ts';
import type { ScenarioLibrary } from './library.ts';

/** Sessions created from a scenario, counted by version: their total. */
export const totalSessions = (byVersion: Map<number | null, number>): number =>
  [...byVersion.values()].reduce((a, b) => a + b, 0);

export function versionInfo(
  row: Omit<VersionRow, 'source'>,
  sessions: Map<number | null, number>,
): VersionInfo {
  return {
    version: row.version,
    author: row.author,
    savedAt: row.savedAt,
    issueCount: row.issueCount,
    sessions: sessions.get(row.version) ?? 0,
  };
}

/** Stored scenarios first, then the shipped files; `scenarioOf` loads a version (cached by the studio). */
export function studioSummaries(
  library: ScenarioLibrary,
  store: ScenarioStore,
  scenarioOf: (row: VersionRow) => Scenario | undefined,
): StudioScenarioSummary[] {
  const shipped: StudioScenarioSummary[] = library.all().map((entry) => ({
    id: entry.id,
    kind: 'shipped',
    title: entry.status === 'valid' ? entry.scenario.title : null,
    meeting: entry.status === 'valid' ? entry.scenario.meeting : null,
    latest: null,
    publishedVersion: null,
    archived: false,
    origin: null,
    sessions: totalSessions(store.sessionsUsing(entry.id)),
  }));
  const stored = store.list().map((row): StudioScenarioSummary => {
    const sessions = store.sessionsUsing(row.id);
    const latest = store.versions(row.id)[0];
    const full = latest && store.version(row.id, latest.version);
    const scenario = full && scenarioOf(full);
    return {
      id: row.id,
      kind: 'studio',
      title: scenario?.title ?? null,
      meeting: scenario?.meeting ?? null,
      latest: latest ? versionInfo(latest, sessions) : null,
      publishedVersion: row.publishedVersion,
      archived: row.archivedAt !== null,
      origin: row.origin,
      sessions: totalSessions(sessions),
    };
  });
  return [...stored, ...shipped];
}

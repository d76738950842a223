// The studio's side of the HTTP API, as the signed-in instructor.
import type { TFunction } from 'i18next';
import type { StudioScenarioSummary, StudioVersion, VersionInfo } from '../../../shared/studio/api.ts';
import { ApiError, api } from '../account/api.ts';

export { ApiError };

/** Through the accounts' request helper: the sign-in cookie, and the CSRF token on every change. */
function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return api<T>(path, init);
}

/**
 * A refusal in the screen's language: the studio's words for its code, else
 * the common catalogue's, and the server's (English) message only for a code
 * neither knows, or a failure with no code (offline).
 */
export function studioRefusal(t: TFunction, error: unknown): string {
  const message = (error as Error).message;
  if (!(error instanceof ApiError)) return message;
  return t(`studio.refusals.${error.code}`, {
    defaultValue: t(`errors.${error.code}`, { defaultValue: message }),
  });
}

const at = (id: string) => `/api/studio/scenarios/${encodeURIComponent(id)}`;
const post = (body: unknown) => ({ method: 'POST', body });

export const studioApi = {
  list: () => call<{ scenarios: StudioScenarioSummary[] }>('/api/studio/scenarios').then((b) => b.scenarios),
  read: (id: string, version?: number) =>
    call<StudioVersion>(version === undefined ? at(id) : `${at(id)}/versions/${version}`),
  versions: (id: string) => call<{ versions: VersionInfo[] }>(`${at(id)}/versions`).then((b) => b.versions),
  save: (id: string, source: string, baseVersion: number) =>
    call<StudioVersion>(at(id), { method: 'PUT', body: { source, baseVersion } }),
  duplicate: (id: string, version?: number) =>
    call<StudioVersion>('/api/studio/scenarios', post({ duplicate: { id, ...(version && { version }) } })),
  fromTemplate: (meeting: string) =>
    call<StudioVersion>('/api/studio/scenarios', post({ template: meeting })),
  import: (files: { name: string; text: string }[]) =>
    call<{ scenarios: StudioVersion[] }>('/api/studio/import', post({ files })).then((b) => b.scenarios),
  restore: (id: string, version: number, baseVersion: number) =>
    call<StudioVersion>(`${at(id)}/restore`, post({ version, baseVersion })),
  archive: (id: string, archived: boolean) => call(`${at(id)}/archive`, post({ archived })),
  /** Lists this version's public side in the library (null: takes it off). */
  publish: (id: string, version: number | null) => call(`${at(id)}/publish`, post({ version })),
  remove: (id: string) => call(at(id), { method: 'DELETE' }),
  exportUrl: (id: string, version: number | null) =>
    `${at(id)}/export${version === null ? '' : `?version=${version}`}`,
};

/** The export as a download, fetched with the sign-in cookie, then saved as `<id>.yaml`. */
export async function downloadExport(id: string, version: number | null): Promise<void> {
  const res = await fetch(studioApi.exportUrl(id, version), { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'studio/export', `HTTP ${res.status}`);
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${id}.yaml`;
  link.click();
  URL.revokeObjectURL(url);
}

// The studio's side of the HTTP API, with the instructor password this tab
// signed in with (the facilitator home's).
import type { StudioScenarioSummary, StudioVersion, VersionInfo } from '../../../shared/studio/api.ts';
import { ApiError, loadPassword } from '../facilitator/api.ts';

export { ApiError };

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const password = loadPassword();
  if (password) headers.authorization = `Bearer ${password}`;
  const res = await fetch(path, { ...init, headers });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as T & {
    error?: { code: string; message: string; details?: unknown };
  };
  if (!res.ok)
    throw new ApiError(
      res.status,
      body.error?.code ?? 'server/internal',
      body.error?.message ?? `HTTP ${res.status}`,
      body.error?.details,
    );
  return body;
}

const at = (id: string) => `/api/studio/scenarios/${encodeURIComponent(id)}`;
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

export const studioApi = {
  list: () => call<{ scenarios: StudioScenarioSummary[] }>('/api/studio/scenarios').then((b) => b.scenarios),
  read: (id: string, version?: number) =>
    call<StudioVersion>(version === undefined ? at(id) : `${at(id)}/versions/${version}`),
  versions: (id: string) => call<{ versions: VersionInfo[] }>(`${at(id)}/versions`).then((b) => b.versions),
  save: (id: string, source: string, baseVersion: number) =>
    call<StudioVersion>(at(id), { method: 'PUT', body: JSON.stringify({ source, baseVersion }) }),
  duplicate: (id: string, version?: number) =>
    call<StudioVersion>('/api/studio/scenarios', post({ duplicate: { id, ...(version && { version }) } })),
  fromTemplate: (meeting: string) =>
    call<StudioVersion>('/api/studio/scenarios', post({ template: meeting })),
  import: (files: { name: string; text: string }[]) =>
    call<{ scenarios: StudioVersion[] }>('/api/studio/import', post({ files })).then((b) => b.scenarios),
  restore: (id: string, version: number, baseVersion: number) =>
    call<StudioVersion>(`${at(id)}/restore`, post({ version, baseVersion })),
  archive: (id: string, archived: boolean) => call(`${at(id)}/archive`, post({ archived })),
  remove: (id: string) => call(at(id), { method: 'DELETE' }),
  exportUrl: (id: string, version: number | null) =>
    `${at(id)}/export${version === null ? '' : `?version=${version}`}`,
};

/** The export as a download: it needs the password header, so it is fetched, then saved as `<id>.yaml`. */
export async function downloadExport(id: string, version: number | null): Promise<void> {
  const password = loadPassword();
  const res = await fetch(studioApi.exportUrl(id, version), {
    headers: password ? { authorization: `Bearer ${password}` } : {},
  });
  if (!res.ok) throw new ApiError(res.status, 'studio/export', `HTTP ${res.status}`);
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${id}.yaml`;
  link.click();
  URL.revokeObjectURL(url);
}

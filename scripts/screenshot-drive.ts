// How the screenshot scripts drive a meeting they photograph: commands from
// headless clients, JSON over HTTP as a script or as the signed-in
// administrator, and the exit code once the pictures are written.
import type { Page } from 'playwright-core';
import type { HeadlessClient } from '../client/headless/client.ts';
import type { AnyCommand } from '../shared/protocol/messages.ts';

/** Sends a command, waiting out the socket's rate limit (a burst of scores passes it), and fails if refused. */
export async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  for (;;) {
    const ack = await client.send(command);
    if (ack.ok) return;
    if (ack.error.code !== 'protocol/rate_limited')
      throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The competencies of the scenario a connected client sees whole (a host or an expert). */
export const scenarioCompetencies = (client: HeadlessClient): string[] =>
  client.static?.kind === 'full' ? client.static.scenario.rubric.competencies.map((c) => c.id) : [];

/** JSON over HTTP from the script (with the API token as `bearer`, or none). */
export async function call<T>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<T> {
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = (await res.json().catch(() => ({}))) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** JSON over HTTP as the person signed in on `page` (their cookie, and a CSRF token). */
export function asSignedIn<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session', { cache: 'no-store' })).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
      return answer as T;
    },
    { method, path, body },
  );
}

/** Runs a script's work and exits: 0 when done, 1 (with the error printed) when not. */
export function exitWhenDone(work: Promise<void>): void {
  work.then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

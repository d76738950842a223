// A headless client for the protocol: what the tests, the benchmarks and the
// bot CLI use to join a session without a browser. It keeps the latest
// projected view, records every frame it receives (the leak test reads
// them), resyncs from its last sequence number after a reconnect, and
// retries a command with the same client id so it is applied once.
import { io, type Socket } from 'socket.io-client';
import type {
  AnyCommand,
  CommandAck,
  Handshake,
  HistoryAck,
  Notice,
  SyncAck,
  Welcome,
} from '../../shared/protocol/messages.ts';
import type { LiveView, StaticView, TimelineEntry } from '../../shared/views/types.ts';

export interface Frame {
  event: string;
  payload: unknown;
  at: number;
}

export type Credentials =
  | { role: 'trainee'; resumeToken: string }
  | { role: 'observer'; sessionId: string; token: string; name: string; observerId?: string }
  | { role: 'facilitator'; sessionId: string; token: string }
  | { role: 'projector'; code: string };

export interface JoinResult {
  sessionId: string;
  participantId: string;
  resumeToken: string;
}

let counter = 0;
const newCid = () =>
  `c${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export class HeadlessClient {
  readonly frames: Frame[] = [];
  welcome: Welcome | undefined;
  live: LiveView | undefined;
  static: StaticView | undefined;
  missed: TimelineEntry[] = [];
  notices: Notice[] = [];
  private readonly socket: Socket;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly url: string,
    readonly credentials: Credentials,
    options: { reconnection?: boolean } = {},
  ) {
    // auth as a function: every reconnect tells the server how far this client got.
    const auth = (cb: (data: Handshake) => void) =>
      cb({ ...credentials, ...(this.live && { lastSeq: this.live.seq }) } as Handshake);
    this.socket = io(url, {
      auth,
      transports: ['websocket'],
      reconnection: options.reconnection ?? true,
      forceNew: true,
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.frames.push({ event, payload, at: Date.now() });
      if (event === 'welcome') {
        const welcome = payload as Welcome;
        this.welcome = welcome;
        this.static = welcome.static;
        this.live = welcome.live;
        this.missed.push(...welcome.missed);
      } else if (event === 'view') {
        this.live = (payload as { live: LiveView }).live;
      } else if (event === 'notice') {
        this.notices.push(payload as Notice);
      }
      for (const wake of this.waiters) wake();
    });
  }

  static connect(
    url: string,
    credentials: Credentials,
    options?: { reconnection?: boolean },
  ): Promise<HeadlessClient> {
    const client = new HeadlessClient(url, credentials, options);
    return new Promise((resolve, reject) => {
      client.socket.once('connect_error', (error: Error & { data?: unknown }) => {
        client.socket.close();
        reject(Object.assign(new Error(error.message), { data: error.data }));
      });
      client.waitFor(() => client.welcome !== undefined, 10_000).then(() => resolve(client), reject);
    });
  }

  /** Joins with a code and a name over HTTP, then connects as that trainee. */
  static async join(
    url: string,
    code: string,
    name: string,
  ): Promise<{ client: HeadlessClient; seat: JoinResult }> {
    const res = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name }),
    });
    const body = (await res.json()) as JoinResult & { error?: { code: string; message: string } };
    if (!res.ok)
      throw Object.assign(new Error(body.error?.message ?? `HTTP ${res.status}`), { data: body.error });
    const client = await HeadlessClient.connect(url, { role: 'trainee', resumeToken: body.resumeToken });
    return { client, seat: body };
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  get id(): string | undefined {
    const viewer = this.welcome?.viewer;
    if (viewer?.kind === 'trainee') return viewer.participantId;
    if (viewer?.kind === 'observer') return viewer.observerId;
    return viewer?.kind;
  }

  /** Sends a command and waits for its acknowledgement (retrying with the same id if the link drops). */
  async send(command: AnyCommand, cid: string = newCid(), timeoutMs = 10_000): Promise<CommandAck> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const ack = (await this.socket
          .timeout(Math.max(100, deadline - Date.now()))
          .emitWithAck('command', { cid, command })) as CommandAck;
        this.frames.push({ event: 'ack', payload: ack, at: Date.now() });
        return ack;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.waitFor(() => this.connected, deadline - Date.now());
      }
    }
  }

  /** Raw emit, for tests that send malformed payloads. */
  async emitRaw(event: string, payload: unknown, timeoutMs = 2_000): Promise<unknown> {
    const answer: unknown = await this.socket.timeout(timeoutMs).emitWithAck(event, payload);
    this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
    return answer;
  }

  async sync(): Promise<SyncAck> {
    const answer = (await this.socket
      .timeout(10_000)
      .emitWithAck('sync', { lastSeq: this.live?.seq ?? 0 })) as SyncAck;
    this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
    if (answer.ok) this.live = answer.live;
    return answer;
  }

  async history(fromSeq = 0, limit?: number): Promise<HistoryAck> {
    const answer = (await this.socket
      .timeout(10_000)
      .emitWithAck('history', { fromSeq, ...(limit && { limit }) })) as HistoryAck;
    this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
    return answer;
  }

  /** Resolves once `predicate` holds (checked on every frame), rejects after the timeout. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`timed out after ${timeoutMs} ms waiting for ${predicate.toString().slice(0, 120)}`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        this.socket.off('connect', wake);
      };
      this.waiters.add(wake);
      this.socket.on('connect', wake);
    });
  }

  /** Waits until the live view satisfies `predicate`. */
  async until(predicate: (live: LiveView) => boolean, timeoutMs = 10_000): Promise<LiveView> {
    await this.waitFor(() => this.live !== undefined && predicate(this.live), timeoutMs);
    return this.live as LiveView;
  }

  disconnect(): void {
    this.socket.disconnect();
  }

  reconnect(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
  }
}

// A headless client for the protocol: what the tests, the benchmarks and the
// bot CLI use to join a session without a browser. It keeps the latest
// projected view, records every frame it receives (the leak test reads
// them), resyncs from its last sequence number after a reconnect, and
// retries a command with the same client id so it is applied once.
import { io, type Socket } from 'socket.io-client';
import type { ErrorPayload } from '../../shared/protocol/errors.ts';
import type {
  AnyCommand,
  CommandAck,
  DebriefAck,
  Handshake,
  HistoryAck,
  Notice,
  RecordAck,
  StateAtAck,
  SyncAck,
  ViewPatchMessage,
  Welcome,
} from '../../shared/protocol/messages.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { applyPatch } from '../../shared/views/patch.ts';
import type { LiveView, StaticView, TimelineEntry } from '../../shared/views/types.ts';

export interface Frame {
  event: string;
  payload: unknown;
  at: number;
  /** The client's whole view once this frame was applied (welcome and patch frames). */
  live?: LiveView;
}

export type Credentials =
  | { role: 'trainee'; resumeToken: string }
  /** A guest expert, by the observer link. */
  | { role: 'observer'; sessionId: string; token: string; name: string; observerId?: string }
  /** The console: signed in (the browser's cookie, or `cookie` below), or a script's API token. */
  | { role: 'facilitator'; sessionId: string; apiToken?: string }
  /** An expert's account (signed in). */
  | { role: 'expert'; sessionId: string }
  | { role: 'projector'; code: string };

export interface ClientOptions {
  reconnection?: boolean;
  /** Keep every received frame (tests read them); browsers turn this off. */
  recordFrames?: boolean;
  /** A Cookie header for the handshake, outside a browser (which sends its own): a sign-in. */
  cookie?: string;
}

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
  /**
   * Set while the session is stopped after a server error (notice
   * session_failed, or a session/failed answer); cleared by a sync that
   * succeeds, which happens by itself once the instructor reloads it.
   */
  sessionFailed: ErrorPayload | undefined;
  /** How many "your debrief changed" notices arrived: a debrief page asks again when it moves. */
  debriefChanges = 0;
  private readonly socket: Socket;
  private readonly waiters = new Set<() => void>();
  private readonly keepFrames: boolean;

  private constructor(
    readonly url: string,
    readonly credentials: Credentials,
    options: ClientOptions = {},
  ) {
    this.keepFrames = options.recordFrames ?? true;
    // auth as a function: every reconnect tells the server how far this client got.
    // An observer comes back as the same observer (its tips and markers stay its own).
    // `protocol` names the version of this protocol the client speaks (shared/protocol/version.ts).
    const auth = (cb: (data: Handshake & { protocol: number }) => void) =>
      cb({
        ...credentials,
        protocol: PROTOCOL_VERSION,
        ...(this.welcome?.viewer.kind === 'observer' && { observerId: this.welcome.viewer.observerId }),
        ...(this.live && { lastSeq: this.live.seq }),
        ...(this.static && this.welcome && { staticKey: this.welcome.staticKey }),
      } as Handshake & { protocol: number });
    this.socket = io(url, {
      auth,
      transports: ['websocket'],
      reconnection: options.reconnection ?? true,
      forceNew: true,
      ...(options.cookie && { extraHeaders: { cookie: options.cookie } }),
    });
    this.socket.on('connect', () => this.wake());
    this.socket.on('disconnect', () => this.wake());
    this.socket.onAny((event: string, payload: unknown) => {
      this.receivedAt = Date.now();
      const frame: Frame = { event, payload, at: this.receivedAt };
      if (this.keepFrames) this.frames.push(frame);
      if (event === 'welcome') {
        const welcome = payload as Welcome;
        this.welcome = welcome;
        // A reconnecting client that still holds the static view gets only its key.
        if (welcome.static) this.static = welcome.static;
        this.live = welcome.live;
        this.ownSeq = welcome.ownSeq ?? 0;
        this.missed.push(...welcome.missed);
        this.sessionFailed = undefined;
      } else if (event === 'patch') {
        this.applyPatchMessage(payload as ViewPatchMessage);
      } else if (event === 'notice') {
        const notice = payload as Notice;
        this.notices.push(notice);
        if (notice.kind === 'session_failed') this.sessionFailed = notice.error;
        // The instructor reloaded it: this view may be ahead of what was stored.
        if (notice.kind === 'session_recovered') void this.sync().catch(() => undefined);
        if (notice.kind === 'debrief_changed') this.debriefChanges++;
      }
      if (event === 'welcome' || event === 'patch') frame.live = this.live;
      this.wake();
    });
  }

  /** The version of this trainee's own part (`me`, `injects`) the view holds. */
  private ownSeq = 0;

  /** A patch applies to the view it was made from; a client that missed one resyncs. */
  private applyPatchMessage(message: ViewPatchMessage): void {
    const at = message.part === 'own' ? this.ownSeq : this.live?.seq;
    if (!this.live || at !== message.base) {
      void this.sync().catch(() => undefined);
      return;
    }
    this.live = applyPatch(this.live, message.patch);
    if (message.part === 'own') this.ownSeq = message.seq;
  }

  /** When the last frame arrived (to run clocks from the view's serverNow). */
  receivedAt = Date.now();

  private wake(): void {
    for (const wake of this.waiters) wake();
  }

  /** Calls `listener` on every frame and every connect or disconnect; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.waiters.add(listener);
    return () => this.waiters.delete(listener);
  }

  static connect(url: string, credentials: Credentials, options?: ClientOptions): Promise<HeadlessClient> {
    const client = new HeadlessClient(url, credentials, options);
    return new Promise((resolve, reject) => {
      // Only the first connection's refusal is fatal: once welcomed, a failed
      // reconnection attempt (the server restarting) must not close the socket.
      const refused = (error: Error & { data?: unknown }) => {
        client.socket.close();
        reject(Object.assign(new Error(error.message), { data: error.data }));
      };
      client.socket.once('connect_error', refused);
      client
        .waitFor(() => client.welcome !== undefined || client.sessionFailed !== undefined, 10_000)
        .then(() => {
          client.socket.off('connect_error', refused);
          if (client.welcome) return resolve(client);
          // The session failed while its welcome was being made: told so instead of a welcome.
          client.socket.close();
          reject(Object.assign(new Error(client.sessionFailed?.message), { data: client.sessionFailed }));
        }, reject);
    });
  }

  /** Joins over HTTP: a seat, and the resume token that brings the trainee back to it. */
  static async requestSeat(url: string, code: string, name: string): Promise<JoinResult> {
    const res = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name }),
    });
    const body = (await res.json()) as JoinResult & { error?: { code: string; message: string } };
    if (!res.ok)
      throw Object.assign(new Error(body.error?.message ?? `HTTP ${res.status}`), { data: body.error });
    return body;
  }

  /** Joins with a code and a name, then connects as that trainee. */
  static async join(
    url: string,
    code: string,
    name: string,
  ): Promise<{ client: HeadlessClient; seat: JoinResult }> {
    const seat = await HeadlessClient.requestSeat(url, code, name);
    const client = await HeadlessClient.connect(url, { role: 'trainee', resumeToken: seat.resumeToken });
    return { client, seat };
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
        if (this.keepFrames) this.frames.push({ event: 'ack', payload: ack, at: Date.now() });
        if (!ack.ok && ack.error.code === 'session/failed') {
          this.sessionFailed = ack.error;
          this.wake();
        }
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
    if (answer.ok) {
      this.live = answer.live;
      this.ownSeq = answer.ownSeq ?? 0;
      this.sessionFailed = undefined;
    } else if (answer.error.code === 'session/failed') this.sessionFailed = answer.error;
    this.wake();
    return answer;
  }

  /** After a failure: resync if connected, else connect again (the handshake resyncs). */
  retry(): void {
    if (this.connected) void this.sync().catch(() => undefined);
    else this.socket.connect();
  }

  async history(fromSeq = 0, limit?: number): Promise<HistoryAck> {
    const answer = (await this.socket
      .timeout(10_000)
      .emitWithAck('history', { fromSeq, ...(limit && { limit }) })) as HistoryAck;
    this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
    return answer;
  }

  /** The debrief as this viewer may read it (every attempt, scores, plans, minutes, timeline). */
  async debrief(): Promise<DebriefAck> {
    const answer = (await this.socket.timeout(15_000).emitWithAck('debrief', {})) as DebriefAck;
    if (this.keepFrames) this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
    return answer;
  }

  /** The live view as it stood just after log entry `seq`, projected for this viewer. */
  async stateAt(seq: number): Promise<StateAtAck> {
    const answer = (await this.socket.timeout(10_000).emitWithAck('state_at', { seq })) as StateAtAck;
    if (this.keepFrames) this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
    return answer;
  }

  /** Older turns or statements of the current attempt than the live view carries: the `limit` before index `before`. */
  async record(list: 'statements' | 'turns', before: number, limit?: number): Promise<RecordAck> {
    const answer = (await this.socket
      .timeout(10_000)
      .emitWithAck('record', { list, before, ...(limit && { limit }) })) as RecordAck;
    if (this.keepFrames) this.frames.push({ event: 'ack', payload: answer, at: Date.now() });
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

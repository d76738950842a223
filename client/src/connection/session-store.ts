// The one live session a page is connected to, as a zustand store: the
// connection's status, the projected views, the clock offset to the server,
// and `send` for commands. Screens read from it; none talks to the socket.
import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/protocol/errors.ts';
import type { AnyCommand, CommandAck, Welcome } from '../../../shared/protocol/messages.ts';
import type { LiveView, StaticView } from '../../../shared/views/types.ts';
import { type Credentials, HeadlessClient } from '../../headless/client.ts';
import { setServerZone } from '../ui/time.ts';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'failed';

export interface SessionStore {
  status: ConnectionStatus;
  welcome?: Welcome;
  static?: StaticView;
  live?: LiveView;
  /** serverNow − local now when the last view arrived: countdowns use local time plus this. */
  clockOffset: number;
  /** Bumped by the server's "your debrief changed" notices (trainees: experts' work sends no data). */
  debriefChanges: number;
  /** The last refusal or failure, for a toast; cleared by `dismiss`. */
  error?: ErrorPayload;
  /**
   * Set while the session is stopped after a server error (session/failed):
   * screens say so and offer `retry`; it clears by itself once the
   * instructor has reloaded the session.
   */
  sessionFailed?: ErrorPayload;
  client?: HeadlessClient;
  connect(credentials: Credentials): Promise<void>;
  send(command: AnyCommand): Promise<CommandAck>;
  /** Resync (or connect again, after a refused connection) once the session may be back. */
  retry(): void;
  dismiss(): void;
  disconnect(): void;
}

/**
 * How far the measured clock offset may wander before the store takes the new
 * one. Each view's offset differs from the last by the network's jitter (a few
 * ms); clocks show whole seconds, and every screen's clocks re-render when the
 * offset changes, so taking each would re-render them on every patch.
 */
export const CLOCK_SLACK_MS = 250;

/** What the store keeps when a live view arrives at local time `receivedAt`. */
export function viewArrived(
  clockOffset: number,
  live: LiveView,
  receivedAt: number,
): Pick<SessionStore, 'live' | 'clockOffset'> {
  const measured = live.serverNow - receivedAt;
  return { live, clockOffset: Math.abs(measured - clockOffset) > CLOCK_SLACK_MS ? measured : clockOffset };
}

// Bumped by every connect and disconnect: a connection that completes after a
// newer call (React's StrictMode mounts effects twice) is closed, not kept.
let generation = 0;
/** What the last connect() was for, so a retry after a refused connection can connect again. */
let lastCredentials: Credentials | undefined;

export const useSession = create<SessionStore>((set, get) => ({
  status: 'idle',
  clockOffset: 0,
  debriefChanges: 0,
  async connect(credentials) {
    const mine = ++generation;
    lastCredentials = credentials;
    get().client?.close();
    set({ status: 'connecting', error: undefined });
    try {
      const client = await HeadlessClient.connect(location.origin, credentials, { recordFrames: false });
      if (mine !== generation) {
        client.close();
        return;
      }
      const sync = () => {
        const live = client.live;
        setServerZone(client.welcome?.timeZone);
        // The sign-in behind this connection ended: the server has cut it, and it will not come back.
        if (client.notices.some((n) => n.kind === 'signed_out')) {
          set({ status: 'failed', error: { code: 'auth/signed_out', message: 'your sign-in has ended' } });
          return;
        }
        set({
          client,
          sessionFailed: client.sessionFailed,
          status: client.connected ? 'online' : 'reconnecting',
          ...(client.welcome && { welcome: client.welcome }),
          ...(client.static && { static: client.static }),
          ...(live && viewArrived(get().clockOffset, live, client.receivedAt)),
          debriefChanges: client.debriefChanges,
        });
      };
      client.subscribe(sync);
      sync();
    } catch (error) {
      if (mine !== generation) return;
      const data = (error as { data?: ErrorPayload }).data;
      set({ status: 'failed', error: data ?? { code: 'server/internal', message: String(error) } });
    }
  },
  async send(command) {
    const client = get().client;
    if (!client) return { ok: false, error: { code: 'server/internal', message: 'not connected' } };
    const ack = await client.send(command).catch(
      (): CommandAck => ({
        ok: false,
        error: { code: 'server/internal', message: 'no answer from the server; check the connection' },
      }),
    );
    if (!ack.ok) set({ error: ack.error });
    return ack;
  },
  retry() {
    const { client, status } = get();
    if (client && status !== 'failed') client.retry();
    else if (lastCredentials) void get().connect(lastCredentials);
  },
  dismiss() {
    set({ error: undefined });
  },
  disconnect() {
    generation++;
    get().client?.close();
    set({ status: 'idle', client: undefined, live: undefined, welcome: undefined, static: undefined });
  },
}));

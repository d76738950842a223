// One load-generator process: a slice of the rooms, driven on the
// coordinator's signal. Several run side by side so that the generator, not
// the server, is never what a measurement measures. Latencies are taken
// within one process (send and receipt on the same clock).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type Collector,
  closeRooms,
  type LoadShape,
  type Room,
  setUpRooms,
  stepRoom,
} from './pipeline-load.ts';
import { closeRelayRooms, type RelayRoom, setUpRelayRooms, stepRelayRoom } from './relay-load.ts';

export type ToWorker =
  | { type: 'setup'; mode: 'relay' | 'pipeline'; url: string; apiToken: string; shape: LoadShape }
  | { type: 'run' }
  | { type: 'measure'; on: boolean }
  | { type: 'stop' }
  | { type: 'arm-recovery' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; setupSeconds: number }
  | {
      type: 'result';
      latencies: number[];
      acked: number;
      refused: number;
      loopDelayP99Ms: number;
      loopDelayMaxMs: number;
    }
  | { type: 'armed'; members: number }
  | { type: 'resynced'; members: number; lost: number; at: number };

const send = (message: FromWorker) => process.send?.(message);
// How late this generator runs its own callbacks: arrivals are timestamped
// when they run, so a busy generator would show up as server latency.
const LAG_RESOLUTION_MS = 10;
const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
const lagMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LAG_RESOLUTION_MS) * 100) / 100);
const collector: Collector = { latencies: [], acked: 0, refused: 0, measuring: false };
let rooms: Room[] = [];
let relayRooms: RelayRoom[] = [];
let rate = 2;
const timers: NodeJS.Timeout[] = [];

function run(count: number, step: (room: number, tick: number) => void) {
  const period = 1000 / rate;
  for (let r = 0; r < count; r++) {
    let tick = 0;
    // Rooms start out of phase, as real rooms would.
    const offset = Math.random() * period;
    timers.push(setTimeout(() => timers.push(setInterval(() => step(r, tick++), period)), offset));
  }
}

/** The relay keeps nothing: a member is back once it has reconnected. */
function armRelayRecovery() {
  const sockets = relayRooms.flatMap((r) => r.members);
  let back = 0;
  for (const socket of sockets) {
    socket.io.once('reconnect', () => {
      back++;
      if (back === sockets.length) send({ type: 'resynced', members: back, lost: 0, at: Date.now() });
    });
  }
  send({ type: 'armed', members: sockets.length });
}

function armRecovery() {
  const lastAcked = rooms.map((r) => r.lastAcked);
  const sockets = rooms.flatMap((r) => [r.facilitator, ...r.members.map((m) => m.socket)]);
  const welcomedSeq = new Map<Room, number>();
  let resynced = 0;
  for (const room of rooms) {
    room.facilitator.once('welcome', (payload: { live: { seq: number } }) =>
      welcomedSeq.set(room, payload.live.seq),
    );
  }
  for (const socket of sockets) {
    socket.once('welcome', () => {
      resynced++;
      if (resynced === sockets.length) {
        const lost = rooms.filter((room, i) => (welcomedSeq.get(room) ?? -1) < (lastAcked[i] ?? 0)).length;
        send({ type: 'resynced', members: resynced, lost, at: Date.now() });
      }
    });
  }
  send({ type: 'armed', members: sockets.length });
}

process.on('message', async (message: ToWorker) => {
  switch (message.type) {
    case 'setup': {
      rate = message.shape.rate;
      const t = performance.now();
      if (message.mode === 'relay')
        relayRooms = await setUpRelayRooms(message.url, message.shape, collector, `w${process.pid}`);
      else rooms = await setUpRooms(message.url, message.apiToken, message.shape, collector);
      send({ type: 'ready', setupSeconds: (performance.now() - t) / 1000 });
      break;
    }
    case 'run':
      if (relayRooms.length > 0)
        run(relayRooms.length, (r, tick) => stepRelayRoom(relayRooms[r] as RelayRoom, tick, collector));
      else run(rooms.length, (r) => stepRoom(rooms[r] as Room, collector));
      break;
    case 'measure':
      collector.measuring = message.on;
      if (message.on) {
        lag.reset();
        lag.enable();
      } else lag.disable();
      break;
    case 'stop':
      for (const t of timers) clearInterval(t);
      // Let the last commands' updates arrive before reporting.
      setTimeout(
        () =>
          send({
            type: 'result',
            latencies: collector.latencies,
            acked: collector.acked,
            refused: collector.refused,
            loopDelayP99Ms: lagMs(lag.percentile(99)),
            loopDelayMaxMs: lagMs(lag.max),
          }),
        1500,
      );
      break;
    case 'arm-recovery':
      if (relayRooms.length > 0) armRelayRecovery();
      else armRecovery();
      break;
    case 'close':
      closeRooms(rooms);
      closeRelayRooms(relayRooms);
      process.exit(0);
  }
});

// The same room shapes on the bare relay: every member of a room gets every
// message; latency is from the send to each member's receipt.
import { io, type Socket } from 'socket.io-client';
import { type Collector, type LoadShape, SOCKET_OPTIONS } from './pipeline-load.ts';

export interface RelayRoom {
  members: Socket[];
}

function connect(url: string, room: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { ...SOCKET_OPTIONS, auth: { room } });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** `prefix` keeps room names apart between generator processes. */
export async function setUpRelayRooms(
  url: string,
  shape: LoadShape,
  collector: Collector,
  prefix: string,
): Promise<RelayRoom[]> {
  const rooms: RelayRoom[] = [];
  for (let s = 0; s < shape.sessions; s++) {
    const members = await Promise.all(
      Array.from({ length: shape.trainees + shape.observers }, () => connect(url, `${prefix}-${s}`)),
    );
    for (const socket of members) {
      socket.on('msg', (payload: { t0: number }) => {
        if (collector.measuring) collector.latencies.push(performance.now() - payload.t0);
      });
    }
    rooms.push({ members });
  }
  return rooms;
}

export function stepRelayRoom(room: RelayRoom, step: number, collector: Collector): void {
  room.members[step % room.members.length]?.emit('msg', {
    t0: performance.now(),
    text: `Point ${step} from the floor.`,
  });
  if (collector.measuring) collector.acked++;
}

export function closeRelayRooms(rooms: RelayRoom[]): void {
  for (const room of rooms) for (const socket of room.members) socket.close();
}

// The floor no meeting server can beat: a bare Socket.IO server that only
// re-emits each message to its room. Run as a child of the benchmark.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  const room = String(socket.handshake.auth.room ?? '');
  void socket.join(room);
  socket.on('msg', (payload: unknown) => {
    io.to(room).emit('msg', payload);
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: (http.address() as AddressInfo).port }));
});

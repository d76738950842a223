// V8 flags the server runs with (npm start and the benchmark alike); each
// earns its place by a measurement in docs/benchmarks.md.
//
// --max-old-space-size=256: V8 otherwise lets a busy server's heap grow
// toward its default limit (about 4 GB on this machine) before collecting
// in earnest. At the benchmark's default point (5,678 sockets, 667
// commands/s) the heap holds about 120 MB live; with the cap RSS stays near
// 280 MB instead of 430-590 MB, at no measured cost in latency. A server
// for more sockets than that should raise it.
export const SERVER_NODE_ARGS = ['--max-old-space-size=256'];

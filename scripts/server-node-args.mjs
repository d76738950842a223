// V8 flags the server runs with (npm start and the benchmark alike). Empty
// until a measurement in docs/benchmarks.md shows a flag earns its place.
export const SERVER_NODE_ARGS = [];

/** V8 flags the server runs with. */
export const SERVER_NODE_ARGS: string[];

/** Bundles the server into dist/server/main.mjs. */
export function buildServer(): Promise<void>;

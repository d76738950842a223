/** Bundles the server (by default into dist/server/main.mjs). */
export function buildServer(outfile?: string): Promise<void>;

// The instructor password: FACILITATOR_PASSWORD from the environment, or one
// generated on first start, kept under DATA_DIR and printed once (as Jupyter
// prints its token).

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.ts';

export interface FacilitatorAuth {
  check(candidate: string | undefined): boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function facilitatorAuth(dataDir: string, env: NodeJS.ProcessEnv, logger: Logger): FacilitatorAuth {
  let password = env.FACILITATOR_PASSWORD;
  if (!password) {
    const file = join(dataDir, 'facilitator-password');
    if (existsSync(file)) {
      password = readFileSync(file, 'utf8').trim();
    } else {
      password = randomBytes(12).toString('base64url');
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, `${password}\n`, { mode: 0o600 });
      logger.warn(
        { file },
        `facilitator password generated: ${password} (set FACILITATOR_PASSWORD to choose your own)`,
      );
    }
  }
  const expected = digest(password);
  return { check: (candidate) => candidate !== undefined && timingSafeEqual(digest(candidate), expected) };
}

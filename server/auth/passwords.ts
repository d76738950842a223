// Passwords: argon2id through @node-rs/argon2 (prebuilt binaries, nothing to
// compile on install), with its default cost (19 MiB, 2 passes: OWASP's
// recommended minimum). Only the PHC string is ever stored.

import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id; the package's const enum cannot be imported under isolatedModules. */
const ARGON2ID = 2;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(stored: string, candidate: string): Promise<boolean> {
  try {
    return await verify(stored, candidate);
  } catch {
    return false;
  }
}

/** A password worth the same work as a real one, so an unknown login takes as long to refuse. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(candidate: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await decoy, candidate);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): 'too_short' | 'too_long' | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  return null;
}

/** A generated password: 16 characters of base64url (96 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

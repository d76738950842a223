// Free text a roster person wrote (or that names them) is kept sealed with
// their own key: AES-256-GCM, a fresh 96-bit nonce per text, the entry's
// place in the log as associated data (a sealed text moved to another entry
// does not open). Deleting the person deletes the key (person_keys), and the
// text can never be read again. Keys never leave the server.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const newPersonKey = (): Buffer => randomBytes(KEY_BYTES);

/** nonce ‖ tag ‖ ciphertext, base64url. */
export function sealText(key: Buffer, plaintext: string, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** The text, or undefined when the box is not this key's (or was tampered with). */
export function openText(key: Buffer, box: string, aad: string): string | undefined {
  const bytes = Buffer.from(box, 'base64url');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * A short random id made in the browser (tips, markers, plan items, messages).
 * getRandomValues, not randomUUID: a classroom server on plain http is not a
 * secure context, and randomUUID exists only in one.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

// The protocol's version. A client names the version it speaks in the
// handshake's `auth.protocol`; the server refuses one it does not speak
// (protocol/unsupported_version) and says its own in every welcome. Bumped
// when a message changes meaning: version 2 numbers everything a trainee or
// the projector receives in that viewer's own sequence (docs/protocol.md §7).
// No zod here: the client bundle imports this file.

export const PROTOCOL_VERSION = 2;

/** The version a handshake asks for, or undefined when it names none (absent: whatever the server speaks). */
export function requestedProtocol(auth: unknown): unknown {
  if (typeof auth !== 'object' || auth === null || !Object.hasOwn(auth, 'protocol')) return undefined;
  return (auth as { protocol: unknown }).protocol;
}

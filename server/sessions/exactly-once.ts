// Exactly-once commands: a client retries a command under the same id
// (cid) when an answer is lost, so a session host must answer a retry
// with the first answer, never apply it twice. A stored receipt answers
// a retry after the command was stored (even across a restart); while the
// first is still on its way to disk, the retry waits for its answer.
import { ERROR_CODES } from '../../shared/protocol/errors.ts';
import type { CommandAck } from '../../shared/protocol/messages.ts';
import type { CommandReceipt, Storage } from '../storage/storage.ts';

type Reply = (ack: CommandAck) => void;

/** What a failed write answers: nothing was stored, so the same cid may be sent again. */
const NOT_STORED: CommandAck = {
  ok: false,
  error: { code: ERROR_CODES.internal, message: 'the server could not store this command; please retry' },
};

export class ExactlyOnce {
  /** Commands applied in memory but not yet stored, by sender and cid: their waiting replies. */
  private readonly inflight = new Map<string, Reply[]>();

  constructor(
    private readonly storage: Pick<Storage, 'findReceipt'>,
    private readonly sessionId: string,
  ) {}

  /** Answers `reply` if this cid was seen before (stored, or on its way); true if it did. */
  answeredBefore(senderId: string, cid: string, reply: Reply): boolean {
    const waiting = this.inflight.get(key(senderId, cid));
    if (waiting) {
      waiting.push(reply);
      return true;
    }
    const previous = this.storage.findReceipt(this.sessionId, senderId, cid);
    if (!previous) return false;
    reply(JSON.parse(previous.result) as CommandAck);
    return true;
  }

  /**
   * A first run, accepted with `ack`: the receipt to store with its
   * entries, and the function to call once they are stored (or not),
   * which answers the first send and every retry that waited for it.
   */
  begin(
    senderId: string,
    cid: string,
    ack: CommandAck,
    reply: Reply,
  ): { receipt: CommandReceipt; settle: (error?: Error) => void } {
    const k = key(senderId, cid);
    const waiting = [reply];
    this.inflight.set(k, waiting);
    return {
      receipt: { sessionId: this.sessionId, sender: senderId, commandId: cid, result: JSON.stringify(ack) },
      settle: (error) => {
        this.inflight.delete(k);
        const answer = error ? NOT_STORED : ack;
        for (const r of waiting) r(answer);
      },
    };
  }
}

function key(senderId: string, cid: string): string {
  return `${senderId}\u0000${cid}`;
}

// One client message as the server reads it, whatever shape it came in.
// Socket.IO hands a listener the event's arguments with the ack callback
// last, if the client asked for one: a client that sends only a callback
// gives the callback as the "payload", one that sends two values gives two.
// Here the callback is taken from the end, the payload from the front, and
// every message gets a way to be answered: its ack, or (none) an `answer`
// event, so nothing a client sends goes unanswered.
import type { Socket } from 'socket.io';
import { ERROR_CODES, type ErrorPayload } from '../../shared/protocol/errors.ts';
import { SERVER_EVENTS, type UnackedAnswer } from '../../shared/protocol/messages.ts';

export interface Incoming {
  event: string;
  payload: unknown;
  /** More than one value came before the callback. */
  extra: boolean;
  /** The client gave an acknowledgement callback. */
  acked: boolean;
  /** Answers once: through the ack, or the `answer` event when there is none. */
  reply(answer: UnackedAnswer['answer'], cid?: string): void;
}

export function readIncoming(socket: Socket, event: string, args: readonly unknown[]): Incoming {
  const values = [...args];
  const last = values.at(-1);
  const ack = typeof last === 'function' ? (values.pop() as (answer: unknown) => void) : undefined;
  let answered = false;
  return {
    event,
    payload: values[0],
    extra: values.length > 1,
    acked: ack !== undefined,
    reply(answer, cid) {
      if (answered) return;
      answered = true;
      if (ack) return ack(answer);
      const message: UnackedAnswer = { event, ...(cid !== undefined && { cid }), answer };
      socket.emit(SERVER_EVENTS.answer, message);
    },
  };
}

export const refusal = (code: ErrorPayload['code'], message: string, details?: unknown) => ({
  ok: false as const,
  error: { code, message, ...(details !== undefined && { details }) },
});

export const unknownEvent = (event: unknown) =>
  refusal(
    ERROR_CODES.unknownEvent,
    `the server has no message called ${JSON.stringify(String(event)).slice(0, 80)}; send command, sync, history, state_at, record or debrief`,
  );

export const ackRequired = (event: string) =>
  refusal(
    ERROR_CODES.ackRequired,
    `send ${event} with an acknowledgement callback: its answer comes back in it`,
  );

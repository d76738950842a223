// Structured logs (pino): one JSON line per event, readable by any log tool.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { app: 'civic-rehearsal' } });
}

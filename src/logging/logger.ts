// The process logger (pino): short readable lines when a person watches the
// terminal, one JSON object per line otherwise (log collectors, files, tests).
// Logs never contain IP addresses or cookies: requests are logged as method and
// path, responses as their status code.
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export interface LoggerSettings {
  /** Human-readable lines (default: when stdout is a terminal). */
  pretty?: boolean;
  /** Where lines go (default: stdout). */
  destination?: DestinationStream;
}

export const serializers: LoggerOptions['serializers'] = {
  req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  err: pino.stdSerializers.err,
};

export function createLogger(config: { logLevel: string }, opts: LoggerSettings = {}): Logger {
  const options: LoggerOptions = { level: config.logLevel, serializers };
  const wantPretty = opts.pretty ?? (!opts.destination && process.stdout.isTTY === true);
  if (!wantPretty) return pino(options, opts.destination ?? pino.destination(1));
  const stream = pretty({
    destination: opts.destination ?? 1,
    sync: true,
    colorize: opts.destination ? false : undefined,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId',
    singleLine: true,
  });
  return pino(options, stream);
}

// The one logger: pino, handed to core code through the Context and to Fastify.
// Logs never hold IP addresses or cookies: personal data we do not need there.
import pino, { type Logger } from 'pino';

export function createLogger(config: { logLevel: string }): Logger {
  return pino({
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  });
}

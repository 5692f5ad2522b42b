// `node dist/collector.js`: the collector from the environment (see config.ts), stopped cleanly on a signal.
import { startServer } from './server.ts';

const server = await startServer({ logger: process.env.COMPAGNON_LOG === '1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

// Once per `vitest run`, before any worker starts: a run id for the collector's PostgreSQL test schemas
// (`t_<run>_…`, see packages/collector/src/db/testing.ts), all dropped at the end of the run.
import { randomBytes } from 'node:crypto';

export default function setup(): () => Promise<void> {
  const run = randomBytes(4).toString('hex');
  process.env.COMPAGNON_TEST_RUN = run;
  return async () => {
    try {
      const { dropRunSchemas } = await import('../packages/collector/src/db/testing.ts');
      await dropRunSchemas(run);
    } catch (error) {
      // No PostgreSQL (its suites were skipped), or it went away: nothing of ours to drop, or nothing to drop it with.
      console.warn(`vitest teardown: the run's PostgreSQL schemas (t_${run}_*) were not dropped: ${String(error)}`);
    }
  };
}

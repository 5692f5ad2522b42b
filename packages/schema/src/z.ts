// The one module that imports zod. `jitless` must be set before any schema is built: the SDK runs in host pages
// whose CSP forbids `new Function`, which zod's JIT object parser would otherwise try (and log) at first parse.
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };

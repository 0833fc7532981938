/**
 * Turns off zod's JIT before any schema is built. The page's CSP forbids
 * eval, and zod otherwise probes it with `Function('')`, which fails safely
 * but makes the browser report a CSP violation on every load. The renderer
 * never parses with these schemas (main does), so speed is not affected.
 */
import { z } from 'zod';

z.config({ jitless: true });

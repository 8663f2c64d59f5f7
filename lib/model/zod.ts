// One zod entry point for the whole project. `zod/mini` keeps bundles small
// (the reader content script includes it) and `jitless` skips zod's
// `new Function` probe, which extension CSPs forbid and web-ext lint flags.
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };

// The job thread's entry when Atrium runs from its TypeScript sources (tests,
// `tsx src/main.ts`): registers tsx in the thread, then loads the real entry.
// The built server starts dist/server/job-thread.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./job-thread.ts');

// Response shape of a site's passwords (src/http/routes/protection.ts).
import { z } from 'zod';
import { Timestamp } from './common.js';

export const Protection = z
  .object({
    site: z.object({
      protected: z.boolean().meta({ description: 'The whole site asks for a password (pages with their own ask for theirs instead)' }),
      updatedAt: Timestamp.nullable(),
    }),
    pages: z.array(z.object({ pageId: z.string(), updatedAt: Timestamp })).meta({ description: 'Pages of the draft with their own password' }),
  })
  .meta({ id: 'Protection' });

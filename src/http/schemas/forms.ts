// Response shape of the published-site form endpoint (src/http/routes/forms.ts).
import { z } from 'zod';

export const FormReceived = z.object({
  ok: z.literal(true),
  message: z.string().meta({ description: 'The form’s thank-you message' }),
  redirect: z.string().optional().meta({ description: 'Where the form sends the visitor next, if it names a page' }),
});

// What the optional beacon script may send to POST /_atrium/a on a site's own
// host (navigator.sendBeacon, a text/plain body holding JSON), one event per
// request:
//   { "type": "engagement", "page": location.href, "screen": 1280, "duration": 5400 }
//   { "type": "outbound" | "download", "page": location.href, "target": "https://other.example/file.pdf" }
//   { "type": "custom", "page": location.href, "name": "Signup", "props": { "plan": "pro" } }
// The request's host decides the site; `page` must be a URL of that same host
// and a page the site serves. Anything else is refused and never stored.
import { z } from 'zod';

export const BEACON_MAX_BYTES = 2048;

const Page = z.string().max(1000).url();
const Props = z
  .record(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
    z.union([z.string().max(100), z.number().finite(), z.boolean()]),
  )
  .refine((p) => Object.keys(p).length <= 10, 'at most 10 properties');

export const BeaconBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('engagement'),
    page: Page,
    /** Screen width in CSS pixels; stored only as a size class. */
    screen: z.number().int().min(1).max(100_000).optional(),
    /** Time on the page in milliseconds. */
    duration: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600_000)
      .optional(),
  }),
  z.strictObject({ type: z.enum(['outbound', 'download']), page: Page, target: z.string().max(1000).url() }),
  z.strictObject({
    type: z.literal('custom'),
    page: Page,
    name: z.string().trim().min(1).max(60),
    props: Props.optional(),
  }),
]);

export type BeaconEvent = z.infer<typeof BeaconBody>;

/** Screen size classes (no exact widths are kept). */
export function screenClass(width: number): string {
  return width < 576 ? 'Mobile' : width < 992 ? 'Tablet' : width < 1440 ? 'Laptop' : 'Desktop';
}

/** What an outbound link or download is called in the goals list: the target's host and path, without query. */
export function targetName(target: string): string {
  const u = new URL(target);
  return (u.host + u.pathname).slice(0, 200);
}

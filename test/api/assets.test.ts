import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'images@example.com');
});
afterAll(async () => t?.close());

// A 3000x2000 photo taken "sideways" (EXIF orientation 6) carrying identifying metadata.
const photo = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 90, b: 200 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Artist: 'Jane Private', Copyright: 'Jane Private' } })
    .toBuffer();

describe('images', () => {
  it('resizes uploads into WebP variants without metadata, and publishes them with srcset', async () => {
    const site = (await c.post('/api/sites', { name: 'Gallery', slug: 'gallery', template: 'saas', region: 'de-frankfurt' })).json;
    const up = await c.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw: await photo(), headers: { 'content-type': 'image/jpeg' } });
    expect(up.status).toBe(201);
    const img = up.json;
    expect({ width: img.width, height: img.height }).toEqual({ width: 2000, height: 3000 }); // auto-rotated
    expect(img.srcset.map((v: { width: number }) => v.width)).toEqual([320, 640, 960, 1280, 1920, 2000]);

    // Served to the editor on the app host, as WebP, with no EXIF left.
    const variant = await c.get(img.srcset[0].src);
    expect(variant.status).toBe(200);
    expect(variant.headers['content-type']).toBe('image/webp');
    const meta = await sharp(variant.body).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 480 });
    expect(meta.exif).toBeUndefined();
    expect(variant.body.includes(Buffer.from('Jane Private'))).toBe(false);
    expect((await c.get('/api/sites/' + site.id + '/assets')).json.assets[0].id).toBe(img.id);

    const doc = site.document;
    doc.pages[0].blocks.push({
      type: 'image',
      props: { id: 'photo1', image: { src: img.src, alt: 'Our team at work', width: img.width, height: img.height, srcset: img.srcset } },
    });
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const html = (await c.get('/', { host: 'gallery.localhost' })).text;
    expect(html).toContain('alt="Our team at work"');
    expect(html).toContain('width="2000" height="3000"');
    expect(html).toContain(`srcSet="${img.srcset[0].src} 320w`);
    const live = await c.get(img.srcset[2].src, { host: 'gallery.localhost', headers: { 'accept-encoding': 'br, gzip' } });
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toBe('image/webp');
    expect(live.headers['content-encoding']).toBeUndefined();
    expect(live.headers['cache-control']).toContain('immutable');
  });

  it('refuses files that are not images, and oversized ones', async () => {
    const site = (await c.post('/api/sites', { name: 'Bad', slug: 'bad-images', template: 'saas', region: 'us-oregon' })).json;
    const fake = await c.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw: 'not really a png', headers: { 'content-type': 'image/png' } });
    expect(fake.status).toBe(400);
    expect(fake.json.message).toMatch(/not an image we can read/);
    const svg = await c.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw: '<svg/>', headers: { 'content-type': 'image/svg+xml' } });
    expect(svg.status).toBe(415);
    const huge = await c.request('POST', `/api/sites/${site.id}/assets`, undefined, {
      raw: Buffer.alloc(16 * 1024 * 1024),
      headers: { 'content-type': 'image/png' },
    });
    expect(huge.status).toBe(413);
    expect((await c.get('/_atrium/img/' + 'a'.repeat(64) + '.webp')).status).toBe(404);
  });

  it('takes photos wider than the largest variant, with each width once', async () => {
    const site = (await c.post('/api/sites', { name: 'Wide', slug: 'wide-images', template: 'saas', region: 'us-oregon' })).json;
    const wide = await sharp({ create: { width: 4032, height: 3024, channels: 3, background: { r: 10, g: 120, b: 60 } } })
      .jpeg()
      .toBuffer();
    const up = await c.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw: wide, headers: { 'content-type': 'image/jpeg' } });
    expect(up.status).toBe(201);
    expect(up.json.srcset.map((v: { width: number }) => v.width)).toEqual([320, 640, 960, 1280, 1920, 2560]);
  });

  it('answers 400, never 500, for damaged images and animations too large to decode', async () => {
    const site = (await c.post('/api/sites', { name: 'Broken', slug: 'broken-images', template: 'saas', region: 'us-oregon' })).json;
    const upload = (raw: Buffer, type: string) => c.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw, headers: { 'content-type': type } });
    // A PNG cut off after its header: the size reads fine, the pixels do not.
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 1, g: 2, b: 3 } } })
      .png()
      .toBuffer();
    const truncated = await upload(png.subarray(0, 200), 'image/png');
    expect(truncated.status).toBe(400);
    expect(truncated.json).toMatchObject({ error: 'invalid_input', issues: [{ path: '(body)' }] });
    expect(truncated.json.message).toMatch(/damaged or incomplete/);
    // Three 5000x5000 frames: each under the pixel limit, together far over it.
    const le = (n: number) => [n & 255, n >> 8];
    const frame = [0x21, 0xf9, 4, 4, 10, 0, 0, 0, 0x2c, 0, 0, 0, 0, ...le(5000), ...le(5000), 0, 2, 2, 0x44, 0x01, 0];
    const gif = Buffer.from([...Buffer.from('GIF89a'), ...le(5000), ...le(5000), 0x80, 0, 0, 0, 0, 0, 255, 255, 255, ...frame, ...frame, ...frame, 0x3b]);
    const bomb = await upload(gif, 'image/gif');
    expect(bomb.status).toBe(400);
    expect(bomb.json.message).toMatch(/too large to process .* across its frames/);
    expect((await c.get(`/api/sites/${site.id}/assets`)).json.assets).toEqual([]);
  });
});

// bench:publish — time to publish a 100-page site (render, compress, store,
// switch), side by side with the floor it cannot beat: rendering the same
// pages to strings in memory with nothing compressed or stored.
import { publish } from '../src/publishing/publishing.js';
import { renderSite } from '../src/rendering/render-site.js';
import { SiteDocument } from '../src/site-document/schema.js';
import { saveDraft } from '../src/sites/sites.js';
import { benchContext } from './setup.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 100);
const { ctx, store, subscriber, dataDir, newSite } = await benchContext();
const site = await newSite('publish-bench');
const base = site.document;
const pages = Array.from({ length: PAGES }, (_, i) => {
  const p = structuredClone(base.pages[i % base.pages.length]!);
  return i === 0 ? { ...p, path: '/' } : { ...p, id: `p${i}`, path: `/page-${i}`, title: `${p.title} ${i}` };
});
const doc = SiteDocument.parse({ ...base, pages });
await saveDraft(ctx, subscriber.id, site.id, { revision: site.revision, document: doc });

/** Median of `runs` timings, in ms. */
const time = async (fn: () => unknown, runs = 5) => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};

renderSite(doc, { siteUrl: 'http://x', siteName: 'Bench Co' }); // warm the JIT, as a running server would be
const renderOnly = await time(() => renderSite(doc, { siteUrl: 'http://x', siteName: 'Bench Co' }));
let revision = site.revision + 1;
const edit = async (pageIndex: number) => {
  doc.pages[pageIndex]!.title = `Edited ${revision}`;
  await saveDraft(ctx, subscriber.id, site.id, { revision, document: doc });
  revision++;
};
// Every page new: a fresh site-wide change (the brand) alters every page.
const first = await time(async () => {
  doc.navigation.brand = `Bench ${revision}`;
  await saveDraft(ctx, subscriber.id, site.id, { revision: revision++, document: doc });
  await publish(ctx, subscriber, site.id);
});
const oneChanged = await time(async () => {
  await edit(1);
  await publish(ctx, subscriber, site.id);
});
const unchanged = await time(() => publish(ctx, subscriber, site.id));
// After going live, new files are recompressed at brotli's best quality in the background.
doc.navigation.brand = 'Background';
await saveDraft(ctx, subscriber.id, site.id, { revision: revision++, document: doc });
await store.idle();
const t0 = performance.now();
await publish(ctx, subscriber, site.id);
const live = performance.now() - t0;
await store.idle();
const background = performance.now() - t0;

const row = (name: string, ms: number) => `| ${name.padEnd(36)} | ${ms.toFixed(0).padStart(7)} | ${(ms / renderOnly).toFixed(1).padStart(6)}× |`;
console.log(`\nbench:publish — ${PAGES}-page site (${ctx.dbs.dialect}), median of 5\n`);
console.log(`| ${'step'.padEnd(36)} | ms      | vs render |`);
console.log(`|${'-'.repeat(38)}|---------|-----------|`);
console.log(row('reference: render to strings only', renderOnly));
console.log(row('publish, every page changed', first));
console.log(row('publish, one page changed', oneChanged));
console.log(row('publish, nothing changed', unchanged));
console.log(
  `\nbackground brotli q11 of all ${PAGES} changed pages finished ${(background / 1000).toFixed(1)} s after publishing (live after ${live.toFixed(0)} ms)`,
);
console.log(`target: well under 1000 ms for ${PAGES} pages`);
await ctx.dbs.close();
(await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });

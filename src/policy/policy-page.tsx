// A generated policy as a readable web page: version and date at the top, a
// table of contents, sections with tables that reflow on phones, and links to
// every earlier version. Server-rendered, no script.
import { renderToStaticMarkup } from 'react-dom/server';
import type { Block, PolicyDocument } from '../lib/policy-document.js';

export interface PolicyPageInput {
  document: PolicyDocument;
  version: number;
  createdAt: string;
  effectiveAt: string;
  /** The version in effect now. */
  current: number;
  /** A materially changed version waiting out its notice period. */
  upcoming?: { version: number; effectiveAt: string };
  versions: { version: number; createdAt: string; effectiveAt: string; material: string[] }[];
  /** Where the document lives: /privacy (default) or /dpa; versions are at <base>/versions/<n>. */
  base?: string;
  /** What the document is called in notes ("policy", "agreement"). */
  noun?: string;
}

const CSS = `
:root{color-scheme:light;--ink:#1c2330;--muted:#5a6475;--line:#e3e7ee;--accent:#3b5bdb;--bg:#fbfcfd}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-top:.5rem;border-top:1px solid var(--line)}
.meta{color:var(--muted);margin:0 0 1.5rem}.notice{background:#fff8e6;border:1px solid #f0d48a;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
nav.toc{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1rem 1.25rem;margin:1.5rem 0}nav.toc ol{margin:.25rem 0 0;padding-left:1.25rem}
a{color:var(--accent)}a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
table{width:100%;border-collapse:collapse;margin:1rem 0;font-size:.94rem;background:#fff}
th,td{text-align:left;vertical-align:top;padding:.6rem .7rem;border:1px solid var(--line)}th{background:#f3f5f9;font-weight:600;white-space:nowrap}
td:first-child{font-weight:500}
@media (max-width:640px){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}tr{border:1px solid var(--line);border-radius:8px;margin:0 0 .75rem;padding:.25rem 0}td{border:0;padding:.35rem .8rem}td::before{content:attr(data-label);display:block;font-size:.78rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}}
footer{margin-top:3rem;color:var(--muted);font-size:.94rem}
`;

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function BlockView({ block }: { block: Block }) {
  if (block.kind === 'p') return <p>{block.text}</p>;
  if (block.kind === 'list')
    return (
      <ul>
        {block.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    );
  return (
    <table>
      <thead>
        <tr>
          {block.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((r, i) => (
          <tr key={i}>
            {r.map((cell, j) => (
              <td key={j} data-label={block.head[j]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function renderPolicyPage(input: PolicyPageInput): string {
  const { document: doc } = input;
  const old = input.version < input.current;
  const future = input.version > input.current;
  const base = input.base ?? '/privacy';
  const noun = input.noun ?? 'policy';
  return (
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang="en">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{doc.title}</title>
          <style>{CSS}</style>
        </head>
        <body>
          <main>
            <h1>{doc.title}</h1>
            <p className="meta">
              Version {input.version}, last updated {day(input.createdAt)}
              {input.effectiveAt > input.createdAt ? `, in effect from ${day(input.effectiveAt)}` : ''}.
            </p>
            {old && (
              <p className="notice" role="note">
                This is an earlier version. <a href={base}>Read the current one</a>.
              </p>
            )}
            {future && (
              <p className="notice" role="note">
                This version takes effect on {day(input.effectiveAt)}. Until then, <a href={base}>the current version</a> applies.
              </p>
            )}
            {!future && input.upcoming && (
              <p className="notice" role="note">
                This {noun} changes on {day(input.upcoming.effectiveAt)}: <a href={`${base}/versions/${input.upcoming.version}`}>read the new version</a>.
              </p>
            )}
            <nav className="toc" aria-label="Contents">
              <strong>Contents</strong>
              <ol>
                {doc.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`}>{s.title}</a>
                  </li>
                ))}
              </ol>
            </nav>
            {doc.sections.map((s) => (
              <section key={s.id} aria-labelledby={s.id}>
                <h2 id={s.id}>{s.title}</h2>
                {s.blocks.map((b, i) => (
                  <BlockView key={i} block={b} />
                ))}
              </section>
            ))}
            <footer>
              <h2 id="versions">All versions</h2>
              <ul>
                {input.versions.map((v) => (
                  <li key={v.version}>
                    <a href={`${base}/versions/${v.version}`}>Version {v.version}</a>, {day(v.createdAt)}
                    {v.material.length ? ` (changed: ${v.material.join('; ')})` : ''}
                  </li>
                ))}
              </ul>
            </footer>
          </main>
        </body>
      </html>,
    )
  );
}

// The block gallery: every block as a card with a drawn miniature, its name
// and what it is for. Cards drag onto the canvas (Puck), and a click or
// Enter adds the block below the selected one (selected, and scrolled into
// view), so the keyboard can build a page too.
import { createUsePuck } from '@puckeditor/core';
import type { ReactElement } from 'react';
import { BLOCK_HINTS, BLOCK_LABELS } from './config';
import { newId, type BlockType } from './model';

const usePuckSelect = createUsePuck();

const bar = (x: number, y: number, w: number, h = 3, cls = 'g-line') => <rect key={`${x},${y}`} x={x} y={y} width={w} height={h} rx={h / 2} className={cls} />;

const ART: Record<BlockType, ReactElement> = {
  embed: (
    <>
      <rect x="14" y="8" width="52" height="32" rx="2.5" className="g-box" />
      <path d="M36 18 L46 24 L36 30 Z" className="g-accent-fill" />
    </>
  ),
  hero: (
    <>
      {bar(24, 10, 32, 3, 'g-accent')}
      {bar(14, 17, 52, 5, 'g-strong')}
      {bar(20, 25, 40)}
      <rect x="26" y="32" width="13" height="6" rx="2" className="g-accent-fill" />
      <rect x="41" y="32" width="13" height="6" rx="2" className="g-box" />
    </>
  ),
  features: (
    <>
      {bar(22, 7, 36, 4, 'g-strong')}
      {[8, 31, 54].map((x) => (
        <g key={x}>
          <rect x={x} y="16" width="19" height="24" rx="2.5" className="g-box" />
          <rect x={x + 3} y="19" width="5" height="5" rx="1.5" className="g-accent-fill" />
          {bar(x + 3, 28, 12, 2.5, 'g-strong')}
          {bar(x + 3, 33, 13, 2)}
        </g>
      ))}
    </>
  ),
  logos: (
    <>
      {bar(26, 12, 28, 3)}
      {[8, 24, 40, 56].map((x) => bar(x, 24, 12, 5, 'g-strong'))}
    </>
  ),
  testimonials: (
    <>
      {bar(24, 7, 32, 4, 'g-strong')}
      {[8, 42].map((x) => (
        <g key={x}>
          <rect x={x} y="15" width="30" height="25" rx="2.5" className="g-box" />
          {bar(x + 3, 19, 24, 2.5)}
          {bar(x + 3, 24, 18, 2.5)}
          <circle cx={x + 6} cy="34" r="3" className="g-accent-fill" />
          {bar(x + 11, 33, 12, 2.5, 'g-strong')}
        </g>
      ))}
    </>
  ),
  pricing: (
    <>
      {bar(24, 6, 32, 4, 'g-strong')}
      {[8, 31, 54].map((x, i) => (
        <g key={x}>
          <rect x={x} y="14" width="19" height="27" rx="2.5" className={i === 1 ? 'g-box g-highlight' : 'g-box'} />
          {bar(x + 3, 18, 9, 2.5)}
          {bar(x + 3, 23, 11, 4, 'g-strong')}
          <rect x={x + 3} y="30" width="13" height="4" rx="1.5" className={i === 1 ? 'g-accent-fill' : 'g-line'} />
          {bar(x + 3, 37, 10, 1.5)}
        </g>
      ))}
    </>
  ),
  faq: (
    <>
      {bar(8, 8, 22, 5, 'g-strong')}
      {[8, 17, 26, 35].map((y) => (
        <g key={y}>
          <rect x="36" y={y} width="36" height="7" rx="1.5" className="g-box" />
          {bar(39, y + 2.5, 20, 2)}
          {bar(66, y + 2.5, 3, 2, 'g-accent')}
        </g>
      ))}
    </>
  ),
  cta: (
    <>
      <rect x="8" y="8" width="64" height="32" rx="4" className="g-accent-fill" />
      {bar(22, 15, 36, 4, 'g-invert')}
      {bar(27, 22, 26, 2.5, 'g-invert-soft')}
      <rect x="32" y="29" width="16" height="6" rx="2" className="g-invert" />
    </>
  ),
  richtext: (
    <>
      {bar(16, 8, 30, 4, 'g-strong')}
      {[15, 20, 25].map((y, i) => bar(16, y, i === 2 ? 36 : 48, 2.5))}
      {[31, 36].map((y, i) => bar(16, y, i === 1 ? 30 : 48, 2.5))}
    </>
  ),
  image: (
    <>
      <rect x="12" y="7" width="56" height="27" rx="3" className="g-box" />
      <circle cx="24" cy="16" r="3.5" className="g-accent-fill" />
      <path d="M14 32 30 21l9 7 10-8 17 12z" className="g-strong-fill" />
      {bar(28, 38, 24, 2)}
    </>
  ),
  form: (
    <>
      {bar(8, 8, 20, 4, 'g-strong')}
      {bar(8, 15, 16, 2)}
      <rect x="34" y="6" width="38" height="35" rx="3" className="g-box" />
      {[38, 55].map((x) => (
        <g key={x}>
          {bar(x, 9.5, 8, 1.5, 'g-strong')}
          <rect x={x} y="12.5" width="13" height="5" rx="1.5" className="g-line" />
        </g>
      ))}
      {bar(38, 21, 8, 1.5, 'g-strong')}
      <rect x="38" y="24" width="30" height="8" rx="1.5" className="g-line" />
      <rect x="38" y="35" width="12" height="4" rx="1.5" className="g-accent-fill" />
    </>
  ),
  privacy: (
    <>
      <path d="M40 6 52 10v9c0 8-5 13-12 16-7-3-12-8-12-16v-9z" className="g-accent-fill" />
      {bar(16, 38, 48, 2.5)}
      {bar(22, 43, 36, 2.5)}
    </>
  ),
};

/**
 * Puck draws each gallery item twice (a static copy under the draggable one,
 * shown while dragging); the copy is made inert so keyboard and screen reader
 * users meet each block once.
 */
function hideDragCopy(el: HTMLDivElement | null) {
  const copy = el?.closest('[class*="Drawer-draggableBg"]');
  copy?.setAttribute('inert', '');
  copy?.setAttribute('aria-hidden', 'true');
}

/**
 * Brings a block just added into view in the canvas once Puck has drawn it
 * (as Puck's own outline does for a block chosen there). Gives up after about
 * two seconds if it never appears (e.g. while another page's canvas loads).
 */
export function revealBlock(id: string) {
  let frames = 0;
  const look = () => {
    const frame = document.getElementById('preview-frame') as HTMLIFrameElement | null;
    const el = frame?.contentDocument?.querySelector(`[data-puck-component="${CSS.escape(id)}"]`);
    if (el) {
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
    } else if (++frames < 120) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** Puck's drawerItem override: `name` is the block type; Puck wraps this in its draggable. */
export function GalleryItem({ name }: { name: string; children: React.ReactNode }) {
  const type = name as BlockType;
  const dispatch = usePuckSelect((s) => s.dispatch);
  const resolveDataById = usePuckSelect((s) => s.resolveDataById);
  const selected = usePuckSelect((s) => s.appState.ui.itemSelector);
  const count = usePuckSelect((s) => s.appState.data.content.length);
  const label = BLOCK_LABELS[type] ?? name;

  const add = () => {
    const zone = 'root:default-zone';
    const index = selected && (selected.zone ?? zone) === zone ? selected.index + 1 : count;
    const id = newId(type);
    dispatch({ type: 'insert', componentType: type, destinationIndex: index, destinationZone: zone, id });
    dispatch({ type: 'setUi', ui: { itemSelector: { index, zone } } });
    // As a drop does: lets the block fill in what depends on the site (e.g. a form's consent wording).
    resolveDataById(id, 'insert');
    revealBlock(id);
  };

  return (
    <div className="ed-block-card" ref={hideDragCopy}>
      <svg viewBox="0 0 80 46" className="ed-block-art" aria-hidden="true">
        <rect width="80" height="46" rx="5" className="g-bg" />
        {ART[type]}
      </svg>
      <span className="ed-block-name">{label}</span>
      <span className="ed-block-hint">{BLOCK_HINTS[type]}</span>
      <button
        type="button"
        className="ed-block-add"
        onClick={add}
        aria-label={`Add ${label} block${selected ? ' below the selected block' : ' to the end of the page'}`}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 3v10M3 8h10" />
        </svg>
      </button>
    </div>
  );
}

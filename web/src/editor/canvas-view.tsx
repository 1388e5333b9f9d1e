// How the canvas shows the page: which device width, and at what size. The
// controls sit in the editor header, outside Puck's canvas (whose own
// controls clear the selection on every click). "Fit to width" lets Puck
// scale the page to the canvas; "100%" gives the canvas the device's full
// width, so Puck's own fitting settles at actual size and the canvas scrolls.
import { ActionBar, createUsePuck, type Overrides, type UiState, type Viewports } from '@puckeditor/core';
import type { CSSProperties } from 'react';

const usePuckSelect = createUsePuck();

export const DEVICES = {
  desktop: { width: 1280, label: 'Desktop', icon: 'M2.5 4h15v9.5h-15zM7 16.5h6M10 13.5v3' },
  tablet: { width: 768, label: 'Tablet', icon: 'M5 2.5h10v15H5zM9 15h2' },
  mobile: { width: 375, label: 'Mobile', icon: 'M6.5 2.5h7v15h-7zM9.25 15h1.5' },
} as const;
export type Device = keyof typeof DEVICES;
export type Zoom = 'fit' | 'actual';
export interface CanvasView {
  device: Device;
  zoom: Zoom;
}

export const VIEWPORTS: Viewports = Object.values(DEVICES).map((d) => ({ width: d.width, height: 'auto', label: d.label }));

const KEY = 'atrium.editor.canvas';
/** Narrow windows hide the controls (see styles/editor-site.css): the device then follows the window. */
const controlsHidden = () => window.matchMedia('(max-width: 900px)').matches;

/** The last view chosen on this browser; at first, the device closest to the window's width. */
export function initialView(): CanvasView {
  let saved: Partial<CanvasView> = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<CanvasView>;
  } catch {
    // a broken or blocked storage entry: start fresh
  }
  const byWidth: Device = window.innerWidth >= 1024 ? 'desktop' : window.innerWidth >= 640 ? 'tablet' : 'mobile';
  const device = !controlsHidden() && saved.device && saved.device in DEVICES ? saved.device : byWidth;
  return { device, zoom: saved.zoom === 'actual' ? 'actual' : 'fit' };
}

export function storeView(view: CanvasView) {
  try {
    localStorage.setItem(KEY, JSON.stringify(view));
  } catch {
    // storage may be full or blocked; the choice then lasts for this visit
  }
}

/** Puck's initial UI for a view: its own viewport controls hidden, ours drive `viewports.current`. */
export function viewportUi(view: CanvasView): UiState['viewports'] {
  return { current: { width: DEVICES[view.device].width, height: 'auto' }, controlsVisible: false, options: [] };
}

/** The editor root's class and the width "100%" reserves for the canvas. */
export function viewRootProps(view: CanvasView): { className: string; style: CSSProperties } {
  return {
    className: view.zoom === 'actual' ? 'is-actual-size' : '',
    style: { '--ed-device-width': `${DEVICES[view.device].width}px` } as CSSProperties,
  };
}

const Glyph = ({ d }: { d: string }) => (
  <svg viewBox="0 0 20 20" aria-hidden="true" className="ed-icon">
    <path d={d} />
  </svg>
);

/** Device and size switches; they change Puck's viewport and keep the selected block. */
export function CanvasViewControls({ view, onChange }: { view: CanvasView; onChange(view: CanvasView): void }) {
  const dispatch = usePuckSelect((s) => s.dispatch);
  const viewports = usePuckSelect((s) => s.appState.ui.viewports);
  const setDevice = (device: Device) => {
    onChange({ ...view, device });
    dispatch({ type: 'setUi', ui: { viewports: { ...viewports, current: { width: DEVICES[device].width, height: 'auto' } } } });
  };
  return (
    <div className="ed-canvas-view">
      <div className="ed-canvas-view-group" role="group" aria-label="Preview device">
        {(Object.keys(DEVICES) as Device[]).map((d) => (
          <button
            key={d}
            type="button"
            className="ed-icon-btn ed-canvas-view-btn"
            aria-pressed={view.device === d}
            aria-label={`${DEVICES[d].label} (${DEVICES[d].width} px)`}
            title={`${DEVICES[d].label}, ${DEVICES[d].width} px wide`}
            onClick={() => setDevice(d)}
          >
            <Glyph d={DEVICES[d].icon} />
          </button>
        ))}
      </div>
      <div className="ed-canvas-view-group" role="group" aria-label="Preview size">
        {(
          [
            ['fit', 'Fit', 'Fit to width: the whole page width in view'],
            ['actual', '100%', 'Actual size: scroll sideways to see all of it'],
          ] as const
        ).map(([z, text, title]) => (
          <button
            key={z}
            type="button"
            className="ed-canvas-view-zoom"
            aria-pressed={view.zoom === z}
            aria-label={z === 'fit' ? 'Fit to width' : undefined}
            title={title}
            onClick={() => onChange({ ...view, zoom: z })}
          >
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}

type ActionBarProps = Parameters<NonNullable<Overrides['actionBar']>>[0];

/**
 * The selected block's toolbar, drawn inside the block's top edge rather than
 * above it, so on the first block it never covers the site's navigation.
 */
export function InsideActionBar({ label, children, parentAction }: ActionBarProps) {
  return (
    <div className="ed-actionbar">
      <ActionBar>
        <ActionBar.Group>
          {parentAction}
          {label && <ActionBar.Label label={label} />}
        </ActionBar.Group>
        <ActionBar.Group>{children}</ActionBar.Group>
      </ActionBar>
    </div>
  );
}

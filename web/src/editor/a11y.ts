// Accessibility patches for Puck 0.23's own interface, applied to its DOM
// until upstream fixes them: the panel switcher (Add, Layers, Pages…) is
// drawn as clickable <div>s, so they get a button role, a tab stop,
// Enter/Space and a pressed state; the preview frame, the zoom select and the
// loading spinner get accessible names or roles; the scrolling canvas gets a tab stop.
import { useEffect } from 'react';

const LINK = '[class*="NavItem-link_"]';

function enhance(root: ParentNode) {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(LINK))) {
    if (el.dataset.edA11y !== '1') {
      el.dataset.edA11y = '1';
      el.setAttribute('role', 'button');
      el.tabIndex = 0;
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          el.click();
        }
      });
    }
    const pressed = String(/NavItem--active/.test(el.parentElement?.className ?? ''));
    if (el.getAttribute('aria-pressed') !== pressed) el.setAttribute('aria-pressed', pressed);
  }
  // Gallery cards are pointer drag sources; keyboard users add blocks with the card's own + button.
  for (const item of Array.from(root.querySelectorAll('[data-puck-drawer-item][role="button"], [data-puck-drawer-item][tabindex="0"]'))) {
    item.removeAttribute('role');
    item.removeAttribute('aria-roledescription');
    item.removeAttribute('aria-describedby');
    item.removeAttribute('aria-pressed');
    item.removeAttribute('aria-disabled');
    item.setAttribute('tabindex', '-1');
  }
  // Array fields (features, plans, form fields…): the icon-only add button gets a name, and the item
  // summary, a drag handle that holds the item's own buttons, stops claiming to be a button itself;
  // Enter on it opens or closes the item, as a click does.
  for (const add of Array.from(root.querySelectorAll('[class*="ArrayField-addButton"]:not([aria-label])'))) add.setAttribute('aria-label', 'Add item');
  for (const summary of Array.from(root.querySelectorAll<HTMLElement>('[class*="ArrayFieldItem-summary"][role="button"]'))) {
    for (const a of ['role', 'aria-roledescription', 'aria-describedby', 'aria-pressed', 'aria-disabled']) summary.removeAttribute(a);
    if (summary.dataset.edA11y !== '1') {
      summary.dataset.edA11y = '1';
      summary.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'Enter' || e.target !== summary) return;
          e.preventDefault();
          e.stopPropagation();
          summary.click();
        },
        true,
      );
    }
  }
  const frame = root.querySelector('#preview-frame');
  if (frame && !frame.hasAttribute('title')) frame.setAttribute('title', 'Page preview');
  for (const zoom of Array.from(root.querySelectorAll('select[class*="zoomSelect"]:not([aria-label])'))) zoom.setAttribute('aria-label', 'Zoom');
  // At 100% the canvas scrolls sideways: keyboard users can focus it and scroll with the arrow keys.
  for (const c of Array.from(root.querySelectorAll<HTMLElement>('[class*="_PuckCanvas_"]:not([tabindex])'))) {
    c.tabIndex = 0;
    c.setAttribute('role', 'region');
    c.setAttribute('aria-label', 'Page canvas');
  }
  for (const loader of Array.from(root.querySelectorAll('[class*="_Loader_"][aria-label]:not([role])'))) loader.setAttribute('role', 'img');
}

export function usePuckNavA11y() {
  useEffect(() => {
    enhance(document);
    const observer = new MutationObserver(() => enhance(document));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'role', 'tabindex'] });
    return () => observer.disconnect();
  }, []);
}

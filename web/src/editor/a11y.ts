// Accessibility patches for Puck 0.23's own interface, applied to its DOM
// until upstream fixes them: the panel switcher (Add, Layers, Pages…) is
// drawn as clickable <div>s, so they get a button role, a tab stop,
// Enter/Space and a pressed state; the preview frame, the zoom select and the
// loading spinner get accessible names or roles.
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
  const frame = root.querySelector('#preview-frame');
  if (frame && !frame.hasAttribute('title')) frame.setAttribute('title', 'Page preview');
  for (const zoom of Array.from(root.querySelectorAll('select[class*="zoomSelect"]:not([aria-label])'))) zoom.setAttribute('aria-label', 'Zoom');
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

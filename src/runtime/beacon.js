// The optional analytics beacon of published sites (doc.analytics.beacon): it
// adds what only the browser knows to the pageviews the server already counts.
// Each event is one navigator.sendBeacon to /_atrium/a on the site's own host
// (src/analytics/beacon.ts says what may be sent). It sets no cookie and keeps
// nothing; the page's address goes without its query string or fragment.
//  - engagement: when the page is hidden (tab switched, closed, left): the
//    screen width and the milliseconds it was visible since it was shown.
//  - outbound / download: a click on a link to another host, or to a file
//    (a download attribute, or a document, archive or media extension).
//  - custom: a click on an element with data-atrium-event="Name", or a call
//    to window.atrium('Name', { optional: 'props' }) from the site's own code.
// Plain ES2019 with no dependencies; at most 600 bytes brotli
// (test/rendering/beacon-budget.test.ts).
(function (w, d, l) {
  var shown = d.hidden ? 0 : Date.now();
  var send = function (event) {
    event.page = l.origin + l.pathname;
    navigator.sendBeacon('/_atrium/a', JSON.stringify(event));
  };
  var hide = function () {
    if (shown) send({ type: 'engagement', screen: screen.width, duration: Date.now() - shown });
    shown = 0;
  };
  w.atrium = function (name, props) {
    send({ type: 'custom', name: name, props: props });
  };
  d.addEventListener('visibilitychange', function () {
    if (d.hidden) hide();
    else shown = Date.now();
  });
  w.addEventListener('pagehide', hide);
  var click = function (e) {
    var el = e.target.closest && e.target.closest('a[href],[data-atrium-event]');
    if (!el) return;
    var name = el.getAttribute('data-atrium-event');
    if (name) return w.atrium(name);
    var url = new URL(el.href);
    if (el.hasAttribute('download') || /\.(pdf|zip|gz|7z|rar|dmg|exe|msi|pkg|apk|csv|xlsx?|docx?|pptx?|odt|ods|epub|mp3|mp4|mov|wav)$/i.test(url.pathname))
      send({ type: 'download', target: url.href });
    else if (url.host != l.host && /^http/.test(url.protocol)) send({ type: 'outbound', target: url.href });
  };
  d.addEventListener('click', click);
  d.addEventListener('auxclick', click);
})(window, document, location);

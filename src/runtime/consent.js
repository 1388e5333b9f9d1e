// Consent on published sites: loaded only on pages with something to consent
// to (embeds, snippets of a category other than necessary). Nothing
// non-essential runs before the visitor's choice: embeds stay placeholders and
// snippets stay inert <template>s. The choice is recorded by POST
// /_atrium/consent (the server sets cookie_consent and c_id); granting starts
// things without a reload, withdrawing puts the placeholders back, deletes the
// site's declared cookies of the withdrawn categories and reloads the page if
// a withdrawn snippet already ran. Global Privacy Control refuses marketing (and
// analytics when the site says so) without asking. Plain ES2019, no
// dependencies; it relies on the markup of src/rendering/consent-banner.tsx,
// src/blocks/embed.tsx and the footer's "Cookie settings" link.
(function () {
  'use strict';

  var banner = document.getElementById('atrium-consent');
  if (!banner) return;

  var CATEGORIES = ['functional', 'analytics', 'marketing'];
  var notice = banner.getAttribute('data-mode') === 'notice';
  var offered = (banner.getAttribute('data-categories') || '').split(' ');
  var gpc = navigator.globalPrivacyControl === true;
  var gpcRefuses = gpc ? (banner.getAttribute('data-gpc-analytics') === '1' ? ['analytics', 'marketing'] : ['marketing']) : [];
  var declared = {};
  try {
    declared = JSON.parse(document.getElementById('atrium-consent-data').textContent).cookies || {};
  } catch {
    // no snippet declares a cookie
  }

  var each = function (list, fn) {
    Array.prototype.forEach.call(list, fn);
  };
  var has = function (list, item) {
    return list.indexOf(item) >= 0;
  };
  var all = function (selector, root) {
    return (root || document).querySelectorAll(selector);
  };

  // ---- Choices, and the cookie_consent format of src/consent/choices.ts: 1.f<0|1>a<0|1>m<0|1>[.<provider>...]

  var choices = function (f, a, m, providers) {
    return { functional: f, analytics: a, marketing: m, providers: providers ? providers.slice() : [] };
  };
  var honour = function (c) {
    each(gpcRefuses, function (k) {
      c[k] = false;
    });
    return c;
  };
  var everything = function (providers) {
    return honour(choices(has(offered, 'functional'), has(offered, 'analytics'), has(offered, 'marketing'), providers));
  };
  var stored = function () {
    var m = /(?:^|;\s*)cookie_consent=1\.f([01])a([01])m([01])((?:\.[a-z0-9-]+)*)\s*(?:;|$)/.exec(document.cookie);
    return m ? choices(m[1] === '1', m[2] === '1', m[3] === '1', m[4] ? m[4].slice(1).split('.') : []) : null;
  };
  var fromServer = function (c) {
    var providers = Array.isArray(c.providers)
      ? c.providers.filter(function (p) {
          return typeof p === 'string';
        })
      : [];
    return honour(choices(c.functional === true, c.analytics === true, c.marketing === true, providers));
  };

  var current = null; // the choices applied on this page
  var chosen = false; // the visitor has a recorded choice (or made one on this page)
  var ran = {}; // categories whose snippets ran on this page

  // ---- Embeds: a placeholder until allowed, then the provider's frame.

  var showFrame = function (box, focus) {
    var placeholder = box.querySelector('.embed-placeholder');
    var frame = box.querySelector('iframe');
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = box.getAttribute('data-atrium-src');
      frame.title = box.getAttribute('data-atrium-title') || '';
      frame.loading = 'lazy';
      frame.setAttribute('allow', 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture');
      frame.setAttribute('allowfullscreen', '');
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      box.appendChild(frame);
    }
    if (placeholder) placeholder.hidden = true;
    if (focus) frame.focus();
  };
  var showPlaceholder = function (box) {
    each(all('iframe', box), function (frame) {
      frame.parentNode.removeChild(frame);
    });
    var placeholder = box.querySelector('.embed-placeholder');
    if (placeholder) placeholder.hidden = false;
  };
  var allows = function (c, box) {
    return (
      box.hasAttribute('data-atrium-once') || c[box.getAttribute('data-atrium-category')] === true || has(c.providers, box.getAttribute('data-atrium-embed'))
    );
  };

  // ---- Snippets: granting clones a template's content into place, re-creating
  // each <script> so it runs. Nodes go in one at a time, in document order, and
  // an external script without async or defer finishes before what follows it
  // runs, as it would have in the HTML.

  var queue = [];
  var waiting = false;
  var live = function (old) {
    var script = document.createElement('script');
    each(old.attributes, function (a) {
      script.setAttribute(a.name, a.value);
    });
    script.text = old.text;
    return script;
  };
  var pump = function () {
    while (!waiting && queue.length) {
      var job = queue.shift();
      var node = job[0];
      if (node.nodeName === 'SCRIPT') {
        node = live(node);
        if (node.hasAttribute('src') && !node.hasAttribute('async') && !node.hasAttribute('defer')) {
          waiting = true;
          node.async = false;
          node.onload = node.onerror = function () {
            waiting = false;
            pump();
          };
        }
      } else if (node.querySelectorAll) {
        each(node.querySelectorAll('script'), function (old) {
          old.parentNode.replaceChild(live(old), old);
        });
      }
      job[1].parentNode.insertBefore(node, job[1]);
    }
  };
  var activate = function (template) {
    if (template.hasAttribute('data-atrium-ran')) return;
    template.setAttribute('data-atrium-ran', '');
    ran[template.getAttribute('data-atrium-category')] = true;
    each(template.content.cloneNode(true).childNodes, function (node) {
      queue.push([node, template]);
    });
    pump();
  };

  // ---- Withdrawal: the site's declared cookies of a refused category go, for path / on this host and its parents.

  var expire = function (name, domain) {
    document.cookie = name + '=; Max-Age=0; path=/' + domain;
  };
  var forget = function (category) {
    var names = declared[category] || [];
    if (!names.length) return;
    var host = location.hostname.split('.');
    each(document.cookie.split(/;\s*/), function (pair) {
      var name = pair.split('=')[0];
      var match = names.some(function (d) {
        return d.slice(-1) === '*' ? name.indexOf(d.slice(0, -1)) === 0 : name === d;
      });
      if (!match || name === 'cookie_consent') return;
      expire(name, '');
      for (var i = 0; i < host.length - 1; i++) expire(name, '; domain=' + host.slice(i).join('.'));
    });
  };

  /** Starts what `c` grants and stops what it does not; true when a withdrawn snippet already ran (only a reload stops it). */
  var apply = function (c) {
    current = c;
    each(CATEGORIES, function (k) {
      if (!c[k]) forget(k);
    });
    each(all('[data-atrium-embed]'), function (box) {
      var actions = box.querySelector('.embed-actions');
      if (actions) actions.hidden = false;
      if (allows(c, box)) showFrame(box);
      else showPlaceholder(box);
    });
    each(all('template[data-atrium-snippet]'), function (template) {
      if (c[template.getAttribute('data-atrium-category')] === true) activate(template);
    });
    return CATEGORIES.some(function (k) {
      return ran[k] && !c[k];
    });
  };

  /**
   * Records a choice and applies what the server stored (it applies Sec-GPC too).
   * When the request fails the choice holds for this page only, and the next page asks again.
   */
  var decide = function (c) {
    c = honour(c);
    chosen = true;
    var done = function (result, saved) {
      if (apply(result) && saved) window.location.reload();
    };
    if (!window.fetch) return done(c, false);
    fetch('/_atrium/consent', {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: banner.getAttribute('data-version'), choices: c, gpc: gpc }),
    })
      .then(function (res) {
        return res.ok ? res.json() : Promise.reject(new Error(String(res.status)));
      })
      .then(
        function (data) {
          done(data && data.choices ? fromServer(data.choices) : c, true);
        },
        function () {
          done(c, false);
        },
      );
  };

  // ---- The banner: a region that never traps focus; "Choose" and "Cookie settings" show the switches.

  var switches = all('input[type="checkbox"][name]', banner);
  var gpcNote = banner.querySelector('[data-atrium-gpc]');
  var opener = null; // the "Cookie settings" link that opened the banner, to return focus to

  var open = function (view) {
    each(switches, function (box) {
      box.checked = !!(current && current[box.name]);
      box.disabled = has(gpcRefuses, box.name);
    });
    if (gpcNote) gpcNote.hidden = !gpc;
    banner.setAttribute('data-view', view);
    if (chosen) banner.setAttribute('data-closable', '');
    else banner.removeAttribute('data-closable');
    banner.hidden = false;
  };
  var focusIn = function (selector) {
    var target = banner.querySelector(selector);
    if (target) target.focus();
  };
  var close = function () {
    var inside = banner.contains(document.activeElement);
    banner.hidden = true;
    if (inside) {
      var back = opener && document.contains(opener) ? opener : document.getElementById('main');
      if (back) back.focus({ preventScroll: back !== opener });
    }
    opener = null;
  };
  var switched = function (name) {
    var box = banner.querySelector('input[name="' + name + '"]');
    return !!box && box.checked && !box.disabled;
  };
  var answer = function (c) {
    // A choice in the banner is the latest word: embeds loaded "once" follow it too.
    each(all('[data-atrium-once]'), function (box) {
      box.removeAttribute('data-atrium-once');
    });
    close();
    decide(c);
  };

  banner.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button') : null;
    if (!button) return;
    var providers = current ? current.providers : [];
    if (button.hasAttribute('data-atrium-accept')) answer(everything(providers));
    else if (button.hasAttribute('data-atrium-reject')) answer(choices(false, false, false));
    else if (button.hasAttribute('data-atrium-save')) answer(choices(switched('functional'), switched('analytics'), switched('marketing'), providers));
    else if (button.hasAttribute('data-atrium-choose')) {
      open('choices');
      focusIn('input:not(:disabled), [data-atrium-save]');
    } else if (button.hasAttribute('data-atrium-close')) close();
  });

  banner.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    if (banner.hasAttribute('data-closable')) close();
    else if (banner.getAttribute('data-view') === 'choices') {
      open('main');
      focusIn('[data-atrium-choose]');
    }
  });

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('[data-atrium-cookie-settings], [data-atrium-load], [data-atrium-allow]') : null;
    if (!target) return;
    if (target.hasAttribute('data-atrium-cookie-settings')) {
      event.preventDefault();
      opener = target;
      open('choices');
      focusIn('input:not(:disabled), [data-atrium-save]');
      return;
    }
    var box = target.closest('[data-atrium-embed]');
    if (!box) return;
    if (target.hasAttribute('data-atrium-load')) {
      // This embed, this time: nothing is recorded.
      box.setAttribute('data-atrium-once', '');
      showFrame(box, true);
      return;
    }
    var provider = box.getAttribute('data-atrium-embed');
    var c = current ? choices(current.functional, current.analytics, current.marketing, current.providers) : choices(false, false, false);
    if (!has(c.providers, provider)) c.providers.push(provider);
    showFrame(box, true);
    decide(c);
  });

  var start = function () {
    var c = stored();
    if (c) {
      chosen = true;
      apply(honour(c));
      return;
    }
    // Notice mode runs everything at once (minus what GPC refuses); categories mode runs nothing before the choice.
    apply(notice ? everything([]) : choices(false, false, false));
    var left = offered.filter(function (k) {
      return k && !has(gpcRefuses, k);
    });
    if (gpc && !left.length)
      decide(current); // GPC answered everything: recorded once, nothing to ask
    else open('main');
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

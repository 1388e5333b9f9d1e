// Form enhancement for published sites: submits a form block in place and
// shows the server's answer next to the fields. Without this script the same
// form still works as a plain POST. Plain ES2019, no dependencies; it relies
// on the markup of src/blocks/form.tsx (error slots, status region, .form-done).
(function () {
  'use strict';

  var MESSAGES = {
    network: 'Your message could not be sent because the connection failed. Check your connection and try again.',
    failed: 'Your message could not be sent. Please try again in a moment.',
  };

  var sentence = function (text) {
    var t = String(text || '').trim();
    if (!t) return '';
    t = t.charAt(0).toUpperCase() + t.slice(1);
    return /[.!?…]$/.test(t) ? t : t + '.';
  };

  var slotFor = function (control) {
    var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/);
    for (var i = 0; i < ids.length; i++) if (/-error$/.test(ids[i])) return document.getElementById(ids[i]);
    return null;
  };

  function enhance(form) {
    if (form.getAttribute('data-atrium-ready')) return;
    form.setAttribute('data-atrium-ready', '');
    var button = form.querySelector('button[type="submit"], button:not([type])');
    var status = form.querySelector('[role="status"]');
    var busy = false;
    // Pages in a further language carry these messages in it.
    var message = function (name) {
      return form.getAttribute('data-msg-' + name) || MESSAGES[name];
    };

    var controls = function () {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.name && el.name !== '_hp' && el.getAttribute('aria-describedby');
      });
    };

    var showStatus = function (kind, message) {
      if (!status) return;
      status.className = status.className.replace(/\s*is-(error|success)\b/g, '') + ' is-' + kind;
      status.textContent = '';
      if (kind === 'success') {
        var icon = document.createElement('span');
        icon.className = 'form-status-icon';
        icon.setAttribute('aria-hidden', 'true');
        status.appendChild(icon);
      }
      var text = document.createElement('span');
      text.textContent = message;
      status.appendChild(text);
      status.hidden = false;
      status.focus();
    };

    var clearField = function (control) {
      control.removeAttribute('aria-invalid');
      var slot = slotFor(control);
      if (slot) {
        slot.textContent = '';
        slot.hidden = true;
      }
    };

    var clearAll = function () {
      controls().forEach(clearField);
      if (status) {
        status.hidden = true;
        status.textContent = '';
      }
    };

    var setBusy = function (on) {
      busy = on;
      if (button) button.disabled = on;
      if (on) form.setAttribute('aria-busy', 'true');
      else form.removeAttribute('aria-busy');
    };

    var showIssues = function (issues, fallback) {
      var first = null;
      var other = [];
      issues.forEach(function (issue) {
        var path = Array.isArray(issue.path) ? issue.path[0] : issue.path;
        var control = path && path !== '_hp' ? form.elements.namedItem(String(path)) : null;
        var slot = control && control.getAttribute ? slotFor(control) : null;
        if (!slot) {
          other.push(sentence(issue.message));
          return;
        }
        control.setAttribute('aria-invalid', 'true');
        slot.textContent = sentence(issue.message);
        slot.hidden = false;
        if (!first) first = control;
      });
      if (other.length || !first) showStatus('error', other.length ? other.join(' ') : fallback);
      if (first) first.focus();
    };

    var succeed = function (data) {
      var redirect = typeof data.redirect === 'string' ? data.redirect : '';
      if (/^\/(?![/\\])/.test(redirect)) {
        window.location.assign(redirect);
        return;
      }
      form.reset();
      form.classList.add('form-done');
      showStatus('success', sentence(data.message) || 'Thank you.');
    };

    form.addEventListener('submit', function (event) {
      if (!window.fetch || !window.FormData || !window.URLSearchParams) return; // the plain POST still works
      if (busy) {
        event.preventDefault();
        return;
      }
      if (!form.noValidate && !form.checkValidity()) return; // let the browser show its own messages
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form)).toString();
      clearAll();
      setBusy(true);
      fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        credentials: 'same-origin',
        body: body,
      })
        .then(function (res) {
          return res.json().then(
            function (data) {
              return { status: res.status, ok: res.ok, data: data || {} };
            },
            function () {
              return { status: res.status, ok: res.ok, data: {} };
            },
          );
        })
        .then(
          function (r) {
            setBusy(false);
            if (r.ok && r.data.ok !== false) succeed(r.data);
            else if (r.status === 400 && Array.isArray(r.data.issues) && r.data.issues.length)
              showIssues(r.data.issues, sentence(r.data.message) || message('failed'));
            else showStatus('error', sentence(r.data.message) || message('failed'));
          },
          function () {
            setBusy(false);
            showStatus('error', message('network'));
          },
        );
    });

    // Editing a field the server refused clears its message.
    var onEdit = function (event) {
      var el = event.target;
      if (el && el.getAttribute && el.getAttribute('aria-invalid') === 'true') clearField(el);
    };
    form.addEventListener('input', onEdit);
    form.addEventListener('change', onEdit);

    // Coming back from a redirect through the back/forward cache: the form is usable again.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) setBusy(false);
    });
  }

  var start = function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-atrium-form]'), enhance);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

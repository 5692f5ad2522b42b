// Shared behaviour of the demo intranet: language, persona switcher, reset, toasts, storage and formatting.
// Page scripts (expenses.js, team.js, …) run after this one (both are `defer`) and use `window.Acme`.
(function () {
  var demo = window.acmeDemo;
  var persona = demo.personas[demo.personaKey];
  var lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';
  var locale = lang === 'fr' ? 'fr-FR' : 'en-GB';

  function tr(en, fr) { return lang === 'fr' ? fr : en; }
  function text(value) { return typeof value === 'string' ? value : value[lang] || value.en; }

  // English lives in the markup; French in `data-fr` (text) and `data-fr-<attribute>` attributes.
  var ATTRS = ['aria-label', 'placeholder', 'title', 'content'];
  function localize(root) {
    if (lang !== 'fr') return;
    root.querySelectorAll('[data-fr]').forEach(function (el) { el.textContent = el.getAttribute('data-fr'); });
    ATTRS.forEach(function (name) {
      root.querySelectorAll('[data-fr-' + name + ']').forEach(function (el) {
        el.setAttribute(name, el.getAttribute('data-fr-' + name));
      });
    });
  }

  // Only the demo's own keys: guide progress belongs to Compagnon (IndexedDB) and is cleared by its reset().
  var PREFIX = 'acme.';
  var store = {
    get: function (name, fallback) {
      try {
        var raw = localStorage.getItem(PREFIX + name);
        return raw === null ? fallback : JSON.parse(raw);
      } catch (e) { return fallback; }
    },
    set: function (name, value) {
      try { localStorage.setItem(PREFIX + name, JSON.stringify(value)); } catch (e) { /* quota or disabled */ }
    },
    raw: function (name, value) {
      try { localStorage.setItem(PREFIX + name, value); } catch (e) { /* quota or disabled */ }
    },
    clearData: function () {
      // Persona, language and theme are preferences, not demo data: a reset replays the demo as the same person.
      try {
        Object.keys(localStorage).forEach(function (k) {
          if (k.indexOf(PREFIX) === 0 && k !== PREFIX + 'persona' && k !== PREFIX + 'lang' && k !== PREFIX + 'theme') localStorage.removeItem(k);
        });
      } catch (e) { /* storage disabled */ }
    }
  };

  var DAY = 864e5;
  function daysAgo(n) { return new Date(Date.now() - n * DAY).toISOString().slice(0, 10); }
  function formatDate(iso, opts) {
    var d = new Date(iso.length === 10 ? iso + 'T12:00:00' : iso);
    return d.toLocaleDateString(locale, opts || { day: 'numeric', month: 'short', year: 'numeric' });
  }
  function formatMoney(amount) {
    return typeof amount === 'number' && isFinite(amount)
      ? amount.toLocaleString(locale, { style: 'currency', currency: 'EUR' })
      : '—';
  }
  function relativeDays(n) {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-n, 'day');
  }

  // Builds elements without HTML strings: el('td', { class: 'num' }, ['12,00 €']).
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function toast(message, tone) {
    var region = document.getElementById('toasts');
    if (!region) return;
    var item = el('div', { class: 'toast' + (tone ? ' toast--' + tone : '') }, [message]);
    region.append(item);
    setTimeout(function () { item.remove(); }, 4000);
  }

  function initials(name) {
    return name.split(/\s+/).map(function (part) { return part.charAt(0); }).join('').slice(0, 2).toUpperCase();
  }

  // Calls into Compagnon when it is there; a demo without the SDK built still works.
  function compagnon(method) {
    var api = window.Compagnon;
    var args = Array.prototype.slice.call(arguments, 1);
    try {
      return api && typeof api[method] === 'function' ? api[method].apply(api, args) : undefined;
    } catch (e) { return undefined; }
  }

  window.Acme = {
    lang: lang, locale: locale, persona: persona, personaKey: demo.personaKey, personas: demo.personas,
    tr: tr, text: text, localize: localize, store: store, el: el, toast: toast, initials: initials,
    daysAgo: daysAgo, formatDate: formatDate, formatMoney: formatMoney, relativeDays: relativeDays,
    compagnon: compagnon
  };
})();

// The shell every page shares: translation, header controls, user chip and dates relative to today.
(function () {
  var A = window.Acme;
  A.localize(document);

  var select = document.getElementById('persona');
  if (select) {
    Object.keys(A.personas).forEach(function (key) {
      select.append(A.el('option', { value: key, selected: key === A.personaKey }, [A.text(A.personas[key].label)]));
    });
    select.addEventListener('change', function () {
      A.store.raw('persona', select.value);
      location.reload();
    });
  }

  document.querySelectorAll('[data-lang]').forEach(function (button) {
    var value = button.getAttribute('data-lang');
    button.setAttribute('aria-pressed', String(value === A.lang));
    button.addEventListener('click', function () {
      if (value === A.lang) return;
      A.store.raw('lang', value);
      location.reload();
    });
  });

  var reset = document.getElementById('reset-demo');
  if (reset) {
    reset.addEventListener('click', function () {
      reset.disabled = true;
      A.store.clearData();
      // reset() may be async (it clears IndexedDB): wait for it, but never hang the button on it.
      var done = Promise.resolve(A.compagnon('reset')).catch(function () {});
      var timeout = new Promise(function (resolve) { setTimeout(resolve, 1500); });
      Promise.race([done, timeout]).then(function () { location.reload(); });
    });
  }

  document.querySelectorAll('[data-user-name]').forEach(function (node) { node.textContent = A.persona.profile.fullName; });
  document.querySelectorAll('[data-user-first-name]').forEach(function (node) { node.textContent = A.persona.user.name; });
  document.querySelectorAll('[data-user-initials]').forEach(function (node) { node.textContent = A.initials(A.persona.profile.fullName); });

  document.querySelectorAll('time[data-days-ago]').forEach(function (node) {
    var iso = A.daysAgo(Number(node.getAttribute('data-days-ago')));
    node.setAttribute('datetime', iso);
    var style = node.getAttribute('data-date-style') === 'short' ? 'short' : 'long';
    node.textContent = A.formatDate(iso, { day: 'numeric', month: style });
  });

  // Links to intranet sections that are not part of this demo say so instead of leading to a 404.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('[data-stub]') : null;
    if (!link) return;
    event.preventDefault();
    A.toast(A.tr('This section is not part of the demo.', 'Cette rubrique ne fait pas partie de la démo.'));
  });
})();

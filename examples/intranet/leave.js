// Time off: a small single-page app inside the intranet, routed with the history API. Three views share one
// document: the balances (/leave.html), a request form (?view=new) and the person's requests (?view=requests).
// Links marked `data-route` change the view with history.pushState (no reload); Back/Forward replay it
// (popstate); a reload or a shared URL opens the same view, since the view lives in the query string, which a
// plain static server serves as the same file. Guides see every change: Compagnon follows pushState and popstate.
(function () {
  var A = window.Acme;
  var tr = A.tr;
  var KEY = 'leave';
  var VIEWS = ['overview', 'new', 'requests'];
  var TITLES = {
    overview: tr('Time off', 'Congés'),
    new: tr('New request', 'Nouvelle demande'),
    requests: tr('My requests', 'Mes demandes')
  };
  var KINDS = { paid: tr('Paid leave', 'Congés payés'), rtt: tr('Reduced hours (RTT)', 'RTT'), unpaid: tr('Unpaid leave', 'Congé sans solde') };

  var requests = A.store.get(KEY, []);
  if (!Array.isArray(requests)) requests = [];

  function viewOf(url) {
    var view = new URL(url, location.href).searchParams.get('view');
    return VIEWS.indexOf(view) > 0 ? view : 'overview';
  }

  function render(view) {
    document.querySelectorAll('[data-view]').forEach(function (section) {
      section.hidden = section.getAttribute('data-view') !== view;
    });
    document.querySelectorAll('.sub-nav a').forEach(function (link) {
      if (viewOf(link.href) === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    document.title = TITLES[view] + ' · Intranet RH — Acme';
    if (view === 'requests') renderList();
    if (view === 'overview') {
      document.getElementById('balance-pending').textContent = String(requests.filter(function (r) { return r.status === 'pending'; }).length);
    }
  }

  function renderList() {
    var list = document.getElementById('leave-list');
    list.replaceChildren();
    if (!requests.length) {
      list.append(A.el('li', { class: 'empty' }, [tr('No request yet.', 'Aucune demande pour l’instant.')]));
      return;
    }
    requests.slice().reverse().forEach(function (r) {
      list.append(A.el('li', { class: 'leave-item' }, [
        A.el('span', { class: 'leave-item__what' }, [KINDS[r.type] + ' · ' + A.formatDate(r.from) + ' → ' + A.formatDate(r.to)]),
        A.el('span', { class: 'status status--pending' }, [tr('Awaiting manager', 'En attente du manager')])
      ]));
    });
  }

  // A new view is announced by moving focus to its heading, as a page load would (screen readers read it).
  function go(url) {
    var view = viewOf(url);
    render(view);
    var heading = document.querySelector('[data-view="' + view + '"] h2');
    if (heading) heading.focus();
    if (new URL(url, location.href).href !== location.href) history.pushState({ view: view }, '', url);
  }

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-route]') : null;
    // Let the browser handle new tabs and windows (Ctrl/Cmd/Shift/middle click).
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(link.getAttribute('href'));
  });
  window.addEventListener('popstate', function () { render(viewOf(location.href)); });

  var form = document.getElementById('leave-form');
  var error = document.getElementById('leave-error');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var from = form.elements.from.value;
    var to = form.elements.to.value;
    error.textContent = '';
    if (!from || !to) {
      error.textContent = tr('Choose the first and the last day.', 'Choisissez le premier et le dernier jour.');
      (from ? form.elements.to : form.elements.from).focus();
      return;
    }
    if (to < from) {
      error.textContent = tr('The last day cannot be before the first.', 'Le dernier jour ne peut pas précéder le premier.');
      form.elements.to.focus();
      return;
    }
    requests.push({ id: 'L-' + Date.now(), type: form.elements.type.value, from: from, to: to, comment: form.elements.comment.value.trim(), status: 'pending' });
    A.store.set(KEY, requests);
    form.reset();
    A.compagnon('track', 'leave-requested');
    A.toast(tr('Request sent: your manager has been notified.', 'Demande envoyée : votre manager a été prévenu.'), 'success');
    go('/leave.html?view=requests');
  });

  // Requests are for today onwards.
  form.elements.from.min = A.daysAgo(0);
  form.elements.to.min = A.daysAgo(0);
  render(viewOf(location.href));
})();

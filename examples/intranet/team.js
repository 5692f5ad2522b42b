// Team page (managers): members, pending approvals that really approve, and a CSV export built client-side.
(function () {
  var A = window.Acme;
  var tr = A.tr;
  var el = A.el;

  if (!A.persona.user.isManager) {
    document.getElementById('team-content').hidden = true;
    document.getElementById('team-restricted').hidden = false;
    return;
  }

  var MEMBERS = [
    { name: 'Léa Fontaine', role: tr('Account Executive', 'Chargée de clientèle'), site: 'Paris', away: false },
    { name: 'Hugo Bernard', role: tr('Account Executive', 'Chargé de clientèle'), site: 'Lyon', away: true },
    { name: 'Chloé Petit', role: tr('Sales Development Rep.', 'Commerciale sédentaire'), site: 'Paris', away: false, isNew: true },
    { name: 'Thomas Roux', role: tr('Key Account Manager', 'Responsable grands comptes'), site: 'Bordeaux', away: false },
    { name: 'Amira Haddad', role: tr('Sales Operations Analyst', 'Analyste administration des ventes'), site: 'Paris', away: false }
  ];
  var CLAIMS = [
    { id: 'c1', who: 'Léa Fontaine', what: tr('Client dinner, Maison Brunet', 'Dîner client, Maison Brunet'), days: 2, amount: 128.6 },
    { id: 'c2', who: 'Thomas Roux', what: tr('Train Bordeaux–Paris, trade fair', 'Train Bordeaux–Paris, salon'), days: 4, amount: 96 },
    { id: 'c3', who: 'Chloé Petit', what: tr('Headset for calls', 'Casque pour les appels'), days: 6, amount: 59.9 },
    { id: 'c4', who: 'Hugo Bernard', what: tr('Hotel Lille, 2 nights', 'Hôtel Lille, 2 nuits'), days: 9, amount: 231.4, decided: 'approved' }
  ];
  var KEY = 'approvals.' + A.personaKey;
  var decisions = A.store.get(KEY, {});

  function statusOf(claim) { return decisions[claim.id] || claim.decided || 'pending'; }
  function label(status) {
    return { pending: tr('Pending', 'En attente'), approved: tr('Approved', 'Validée'), rejected: tr('Rejected', 'Refusée') }[status];
  }

  function decide(claim, status) {
    decisions[claim.id] = status;
    A.store.set(KEY, decisions);
    render();
    A.toast(status === 'approved'
      ? tr('Approved: ', 'Validée : ') + claim.who + ', ' + A.formatMoney(claim.amount)
      : tr('Rejected: ', 'Refusée : ') + claim.who + ', ' + A.formatMoney(claim.amount), status === 'approved' ? 'success' : null);
    var next = document.querySelector('#approvals button');
    (next || document.getElementById('approvals-title')).focus();
  }

  function render() {
    var list = document.getElementById('approvals');
    var pending = CLAIMS.filter(function (c) { return statusOf(c) === 'pending'; });
    list.replaceChildren();
    if (!pending.length) list.append(el('li', { class: 'empty' }, [tr('All caught up: nothing to approve.', 'Tout est à jour : rien à valider.')]));
    pending.forEach(function (claim) {
      var name = claim.who + ', ' + claim.what;
      list.append(el('li', { class: 'approval' }, [
        el('span', { class: 'avatar avatar--sm', 'aria-hidden': 'true' }, [A.initials(claim.who)]),
        el('div', { class: 'approval__body' }, [
          el('p', { class: 'approval__who' }, [claim.who]),
          el('p', { class: 'muted' }, [claim.what + ' · ' + A.formatDate(A.daysAgo(claim.days))])
        ]),
        el('p', { class: 'approval__amount' }, [A.formatMoney(claim.amount)]),
        el('div', { class: 'approval__actions' }, [
          el('button', { type: 'button', class: 'btn btn--small btn--primary', 'aria-label': tr('Approve: ', 'Valider : ') + name,
            onclick: function () { decide(claim, 'approved'); } }, [tr('Approve', 'Valider')]),
          el('button', { type: 'button', class: 'btn btn--small btn--ghost', 'aria-label': tr('Reject: ', 'Refuser : ') + name,
            onclick: function () { decide(claim, 'rejected'); } }, [tr('Reject', 'Refuser')])
        ])
      ]));
    });
    document.getElementById('stat-approvals').textContent = String(pending.length);
    document.getElementById('stat-spend').textContent = A.formatMoney(CLAIMS.reduce(function (s, c) { return s + c.amount; }, 0));
    document.getElementById('stat-away').textContent = String(MEMBERS.filter(function (m) { return m.away; }).length);
  }

  var tbody = document.querySelector('#team-table tbody');
  MEMBERS.forEach(function (m) {
    tbody.append(el('tr', {}, [
      el('td', {}, [el('span', { class: 'person' }, [el('span', { class: 'avatar avatar--sm', 'aria-hidden': 'true' }, [A.initials(m.name)]), m.name,
        m.isNew ? el('span', { class: 'badge badge--new' }, [tr('New', 'Nouvelle')]) : null])]),
      el('td', {}, [m.role]),
      el('td', {}, [m.site]),
      el('td', {}, [el('span', { class: 'status status--' + (m.away ? 'away' : 'active') }, [m.away ? tr('On leave', 'En congé') : tr('Working', 'Présent')])])
    ]));
  });

  // Spreadsheet programs run cells that start with = + - @ as formulas: prefix them (CSV injection).
  function cell(value) {
    var s = String(value);
    if (/^[=+\-@]/.test(s)) s = "'" + s;
    return /[",;\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  document.querySelector('[data-action="export"]').addEventListener('click', function () {
    var rows = [[tr('Employee', 'Salarié'), tr('Expense', 'Dépense'), tr('Date', 'Date'), tr('Amount (EUR)', 'Montant (EUR)'), tr('Status', 'Statut')]]
      .concat(CLAIMS.map(function (c) { return [c.who, c.what, A.daysAgo(c.days), c.amount.toFixed(2), label(statusOf(c))]; }));
    var csv = '\uFEFF' + rows.map(function (r) { return r.map(cell).join(','); }).join('\r\n') + '\r\n';
    var url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    var link = el('a', { href: url, download: 'team-expenses-' + A.daysAgo(0) + '.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    A.toast(tr('Report exported.', 'Rapport exporté.'), 'success');
    A.compagnon('track', 'report-exported');
  });

  render();
})();

// Expenses page: a real, client-side expense claim. State lives in localStorage per persona.
(function () {
  var A = window.Acme;
  var tr = A.tr;
  var el = A.el;
  var KEY = 'expenses.' + A.personaKey;

  var CATEGORIES = {
    travel: tr('Travel', 'Transport'), meals: tr('Meals', 'Repas'), lodging: tr('Accommodation', 'Hébergement'),
    equipment: tr('Equipment', 'Matériel'), training: tr('Training', 'Formation'), other: tr('Other', 'Autre')
  };
  var STATUSES = {
    draft: tr('Draft', 'Brouillon'), pending: tr('Awaiting manager', 'En attente du manager'),
    approved: tr('Approved', 'Validée'), reimbursed: tr('Reimbursed', 'Remboursée'), rejected: tr('Rejected', 'Refusée')
  };

  function seed() {
    if (!A.persona.profile.hasHistory) return [];
    var rows = [
      [3, tr('Taxi to Lyon Saint-Exupéry airport', 'Taxi vers l’aéroport Lyon Saint-Exupéry'), 'travel', 47.2, 'pending'],
      [12, tr('Team lunch, quarterly review', 'Déjeuner d’équipe, revue trimestrielle'), 'meals', 86.5, 'approved'],
      [20, tr('USB-C adapter', 'Adaptateur USB-C'), 'equipment', 24.99, 'rejected', tr('Order it from the IT catalogue.', 'À commander dans le catalogue IT.')],
      [38, tr('Hotel Lyon, 1 night, customer workshop', 'Hôtel Lyon, 1 nuit, atelier client'), 'lodging', 142, 'reimbursed'],
      [38, tr('Train Paris–Lyon, customer workshop', 'Train Paris–Lyon, atelier client'), 'travel', 118.4, 'reimbursed']
    ];
    return rows.map(function (r, i) {
      return { id: 'seed-' + i, date: A.daysAgo(r[0]), description: r[1], category: r[2], amount: r[3], status: r[4], note: r[5] };
    });
  }

  var expenses = A.store.get(KEY, null);
  if (!Array.isArray(expenses)) { expenses = seed(); A.store.set(KEY, expenses); }
  function save() { A.store.set(KEY, expenses); }

  var tbody = document.querySelector('#expense-table tbody');
  var slot = document.getElementById('expense-form-slot');
  var newButton = document.getElementById('new-expense');
  var editingId = null;

  function renderStats() {
    var year = String(new Date().getFullYear());
    function total(status, filter) {
      return expenses.reduce(function (sum, e) {
        return e.status === status && (!filter || filter(e)) && typeof e.amount === 'number' ? sum + e.amount : sum;
      }, 0);
    }
    document.getElementById('stat-pending').textContent = A.formatMoney(total('pending'));
    document.getElementById('stat-approved').textContent = A.formatMoney(total('approved'));
    document.getElementById('stat-reimbursed').textContent = A.formatMoney(total('reimbursed', function (e) { return e.date.slice(0, 4) === year; }));
  }

  function actions(expense) {
    if (expense.status !== 'draft') return [];
    var label = expense.description;
    return [
      el('button', { type: 'button', class: 'btn btn--link', 'aria-label': tr('Edit draft: ', 'Modifier le brouillon : ') + label,
        onclick: function () { openForm(expense); } }, [tr('Edit', 'Modifier')]),
      el('button', { type: 'button', class: 'btn btn--link btn--danger', 'aria-label': tr('Delete draft: ', 'Supprimer le brouillon : ') + label,
        onclick: function () { remove(expense.id); } }, [tr('Delete', 'Supprimer')])
    ];
  }

  function renderTable(highlightId) {
    tbody.replaceChildren();
    if (!expenses.length) {
      tbody.append(el('tr', { class: 'empty' }, [el('td', { colspan: 6 }, [
        el('strong', {}, [tr('No expenses yet.', 'Aucune dépense pour l’instant.')]), ' ',
        tr('Use “New expense” to claim your first one.', 'Utilisez « Nouvelle dépense » pour déclarer la première.')
      ])]));
    }
    expenses.slice().sort(function (a, b) { return b.date.localeCompare(a.date); }).forEach(function (e) {
      tbody.append(el('tr', { 'data-id': e.id, class: e.id === highlightId ? 'is-new' : null }, [
        el('td', { class: 'nowrap' }, [A.formatDate(e.date)]),
        el('td', {}, [e.description, e.note ? el('span', { class: 'cell-note' }, [e.note]) : null]),
        el('td', {}, [CATEGORIES[e.category] || '—']),
        el('td', { class: 'num' }, [A.formatMoney(e.amount)]),
        el('td', {}, [el('span', { class: 'status status--' + e.status }, [STATUSES[e.status]])]),
        el('td', { class: 'row-actions' }, actions(e))
      ]));
    });
    renderStats();
  }

  function remove(id) {
    expenses = expenses.filter(function (e) { return e.id !== id; });
    save();
    renderTable();
    A.toast(tr('Draft deleted.', 'Brouillon supprimé.'));
    newButton.focus();
  }

  function closeForm() {
    slot.replaceChildren();
    editingId = null;
    newButton.setAttribute('aria-expanded', 'false');
  }

  function readForm(form) {
    var data = new FormData(form);
    var amount = parseFloat(String(data.get('amount') || ''));
    return {
      date: String(data.get('date') || A.daysAgo(0)),
      category: String(data.get('category') || ''),
      amount: isFinite(amount) ? Math.round(amount * 100) / 100 : null,
      description: String(data.get('description') || '').trim() || tr('Untitled draft', 'Brouillon sans titre')
    };
  }

  function store(values, status) {
    var id = editingId || 'x-' + Date.now().toString(36);
    var record = { id: id, date: values.date, description: values.description, category: values.category, amount: values.amount, status: status };
    expenses = expenses.filter(function (e) { return e.id !== id; }).concat([record]);
    save();
    closeForm();
    renderTable(id);
    newButton.focus();
  }

  function openForm(draft) {
    if (!slot.firstElementChild) {
      var fragment = document.getElementById('expense-form-template').content.cloneNode(true);
      A.localize(fragment);
      slot.append(fragment);
      var form = document.getElementById('expense-form');
      var date = document.getElementById('expense-date');
      date.max = date.value = A.daysAgo(0);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        store(readForm(form), 'pending');
        A.compagnon('track', 'expense-submitted');
        A.toast(tr('Expense submitted: your manager has been notified.', 'Dépense envoyée : votre manager a été prévenu.'), 'success');
      });
      document.getElementById('save').addEventListener('click', function () {
        store(readForm(form), 'draft');
        A.toast(tr('Draft saved. You can finish it later.', 'Brouillon enregistré. Vous pourrez le terminer plus tard.'), 'success');
      });
      document.getElementById('cancel-expense').addEventListener('click', function () { closeForm(); newButton.focus(); });
      newButton.setAttribute('aria-expanded', 'true');
    }
    if (draft) {
      editingId = draft.id;
      document.getElementById('expense-form-title').textContent = tr('Edit draft', 'Modifier le brouillon');
      document.getElementById('expense-date').value = draft.date;
      document.getElementById('expense-category').value = draft.category;
      document.getElementById('expense-amount').value = draft.amount === null ? '' : String(draft.amount);
      document.getElementById('expense-description').value = draft.description;
    }
    slot.scrollIntoView({ block: 'nearest' });
    document.getElementById('expense-date').focus({ preventScroll: true });
  }

  newButton.addEventListener('click', function () { openForm(null); });
  renderTable();
})();

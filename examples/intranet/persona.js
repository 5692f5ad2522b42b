// Demo only, not part of Compagnon: the host app's "who is logged in". It runs synchronously before the
// Compagnon script tag so that `window.compagnonUser` is there when the SDK starts, exactly as a real
// intranet would render it server-side. Dates are computed at load so the personas never age out.
(function () {
  var DAY = 864e5;
  var now = Date.now();
  function ago(days) { return new Date(now - days * DAY).toISOString(); }
  function day(days) { return ago(days).slice(0, 10); }

  // `user` is what Compagnon sees (and nothing more); `profile` is what the intranet displays.
  var personas = {
    nadia: {
      label: { en: 'Nadia — new hire (Finance)', fr: 'Nadia — nouvelle recrue (Finance)' },
      user: { id: 'u-nadia', name: 'Nadia', department: 'Finance', isManager: false, hiredAt: day(3) },
      profile: { fullName: 'Nadia Benali', title: { en: 'Accounts Payable Analyst', fr: 'Analyste comptabilité fournisseurs' },
        email: 'nadia.benali@acme.example', phone: '+33 4 72 00 14 27', site: 'Lyon', employeeId: 'E-20931',
        manager: 'Claire Dubois', hasHistory: false }
    },
    marc: {
      label: { en: 'Marc — manager (Sales)', fr: 'Marc — manager (Ventes)' },
      user: { id: 'u-marc', name: 'Marc', department: 'Sales', isManager: true, hiredAt: '2019-03-04' },
      profile: { fullName: 'Marc Lambert', title: { en: 'Regional Sales Manager', fr: 'Responsable commercial régional' },
        email: 'marc.lambert@acme.example', phone: '+33 1 44 00 21 63', site: 'Paris', employeeId: 'E-11408',
        manager: 'Sophie Girard', hasHistory: true }
    },
    ines: {
      label: { en: 'Inès — Finance, pilot group', fr: 'Inès — Finance, groupe pilote' },
      user: { id: 'u-ines', name: 'Inès', department: 'Finance', isManager: false, hiredAt: '2016-09-12' },
      profile: { fullName: 'Inès Moreau', title: { en: 'Senior Financial Controller', fr: 'Contrôleuse financière senior' },
        email: 'ines.moreau@acme.example', phone: '+33 1 44 00 35 90', site: 'Paris', employeeId: 'E-07215',
        manager: 'Claire Dubois', hasHistory: true }
    },
    paul: {
      label: { en: 'Paul — ghost user (inactive 40 days)', fr: 'Paul — utilisateur fantôme (inactif 40 jours)' },
      user: { id: 'u-paul', name: 'Paul', department: 'Marketing', isManager: false, hiredAt: '2021-05-17', lastSeenAt: ago(40) },
      profile: { fullName: 'Paul Martin', title: { en: 'Brand Marketing Specialist', fr: 'Chargé de marketing de marque' },
        email: 'paul.martin@acme.example', phone: '+33 2 40 00 58 12', site: 'Nantes', employeeId: 'E-15562',
        manager: 'Julie Caron', hasHistory: true }
    },
    sam: {
      label: { en: 'Sam — employee (IT)', fr: 'Sam — salarié (IT)' },
      user: { id: 'u-sam', name: 'Sam', department: 'IT', isManager: false, hiredAt: day(730) },
      profile: { fullName: 'Sam Okafor', title: { en: 'Systems Engineer', fr: 'Ingénieur systèmes' },
        email: 'sam.okafor@acme.example', phone: '+33 3 20 00 77 41', site: 'Lille', employeeId: 'E-17730',
        manager: 'David Nguyen', hasHistory: true }
    }
  };

  var key = null;
  try { key = localStorage.getItem('acme.persona'); } catch (e) { /* storage disabled: use the default */ }
  if (!key || !Object.prototype.hasOwnProperty.call(personas, key)) key = 'nadia';

  window.acmeDemo = { personas: personas, personaKey: key };
  window.compagnonUser = personas[key].user;
})();

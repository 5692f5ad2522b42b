// Profile page: the current persona's HR record and an emergency contact that is really saved.
(function () {
  var A = window.Acme;
  var tr = A.tr;
  var p = A.persona.profile;
  var u = A.persona.user;

  function set(id, value) { document.getElementById(id).textContent = value; }
  set('profile-title', A.text(p.title));
  set('profile-department', u.department);
  set('profile-manager', p.manager);
  set('profile-site', p.site);
  set('profile-employee-id', p.employeeId);
  set('profile-phone', p.phone);
  var email = document.getElementById('profile-email');
  email.textContent = p.email;
  email.href = 'mailto:' + p.email;

  var days = Math.floor((Date.now() - new Date(u.hiredAt).getTime()) / 864e5);
  var since = days < 60 ? A.relativeDays(days)
    : tr(Math.floor(days / 365.25) + ' years at Acme', Math.floor(days / 365.25) + ' ans chez Acme');
  set('profile-hired', A.formatDate(u.hiredAt) + ' · ' + since);

  var KEY = 'contact.' + A.personaKey;
  var form = document.getElementById('contact-form');
  var saved = A.store.get(KEY, { name: '', phone: '' });
  form.elements.namedItem('name').value = saved.name;
  form.elements.namedItem('phone').value = saved.phone;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    A.store.set(KEY, { name: form.elements.namedItem('name').value.trim(), phone: form.elements.namedItem('phone').value.trim() });
    A.toast(tr('Emergency contact saved.', 'Contact d’urgence enregistré.'), 'success');
  });
})();

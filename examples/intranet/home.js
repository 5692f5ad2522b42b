// Home page: a greeting that fits the time of day.
(function () {
  var A = window.Acme;
  var hour = new Date().getHours();
  var greeting = hour < 12 ? A.tr('Good morning', 'Bonjour') : hour < 18 ? A.tr('Good afternoon', 'Bon après-midi') : A.tr('Good evening', 'Bonsoir');
  document.querySelectorAll('[data-greeting]').forEach(function (node) { node.textContent = greeting; });
})();

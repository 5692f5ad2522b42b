// Demo only: the intranet's light/dark theme. Loaded synchronously in <head> (an external file: the strict CSP
// allows one inline script only) so that the page never flashes light before turning dark. The choice is kept
// in localStorage (`acme.theme`); without one, the system setting decides. app.css holds the dark styles, and
// themes Compagnon through its documented custom properties (`[data-compagnon] { --compagnon-bg: … }`).
(function () {
  var KEY = 'acme.theme';
  var root = document.documentElement;
  function saved() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(theme) {
    if (theme === 'dark') root.setAttribute('data-theme', 'dark');
    else root.removeAttribute('data-theme');
  }
  var choice = saved();
  var systemDark = !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  apply(choice === 'dark' || (choice !== 'light' && systemDark) ? 'dark' : 'light');

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    function sync() { button.setAttribute('aria-pressed', String(root.getAttribute('data-theme') === 'dark')); }
    sync();
    button.addEventListener('click', function () {
      var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      apply(next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* storage disabled: this page only */ }
      sync();
    });
  });
})();

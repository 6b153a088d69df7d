// Saves each answer as the respondent gives it, so a dropped connection
// loses nothing. Without script the Save button does the same.
(function () {
  var form = document.getElementById('answers');
  if (!form || !window.fetch) return;
  var status = document.getElementById('autosave-status');
  // Not form.action: the buttons are named "action", which shadows the
  // property, so it would be a list of buttons instead of the address.
  var url = form.getAttribute('action') || window.location.pathname + window.location.search;
  // A live region is read out when its text changes; the same message
  // twice ("Saved", "Saved") would be silent, so empty it first.
  function say(text) {
    if (!status) return;
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 100);
  }
  function save(field) {
    var data = new URLSearchParams();
    data.append('action', 'autosave');
    if (field.type === 'radio' && !field.checked) return;
    data.append(field.name, field.value);
    fetch(url, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (r) { if (status) say(r.ok ? status.dataset.saved : status.dataset.failed); })
      .catch(function () { if (status) say(status.dataset.failed); });
  }
  form.addEventListener('change', function (e) { if (e.target.name && e.target.name.indexOf('a_') === 0) save(e.target); });
})();

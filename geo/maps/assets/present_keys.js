// Presentation mode: arrow keys anywhere in the app page click the previous/next buttons. The
// component's iframe is same-origin, so it can listen on the parent document; the previous run's
// handler is removed first so keys never fire twice.
(function () {
  var doc = window.parent.document, host = window.parent;
  if (host.__crPresentKeys) { doc.removeEventListener('keydown', host.__crPresentKeys); }
  host.__crPresentKeys = function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
        || (t && t.isContentEditable)) { return; }
    // Streamlit marks a keyed widget's container with st-key-<key>: the buttons' labels are translated.
    var key = e.key === 'ArrowRight' ? 'present_next' : e.key === 'ArrowLeft' ? 'present_prev' : null;
    if (!key) { return; }
    var button = doc.querySelector('.st-key-' + key + ' button');
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  };
  doc.addEventListener('keydown', host.__crPresentKeys);
})();

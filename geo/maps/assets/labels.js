{# geo.maps.elements.Labels: non-interactive text labels.
    Jinja macro body, wrapped by geo.maps.elements.script_macro and rendered once by ScriptElement:
    {{ this.* }} are the element's own attributes, data only as finished HTML-safe JSON (to_json). -#}
{{ this.json }}.forEach(function (d) {
  var box = document.createElement('span'); box.textContent = d[2];
  L.marker([d[0], d[1]], {interactive: false, keyboard: false,
    icon: L.divIcon({className: 'cr-label ' + d[3], html: box.outerHTML, iconSize: null})
  }).addTo({{ this._parent.get_name() }});
});

{# geo.maps.elements.DataLayer: GeoJSON features with per-feature style, popup and tooltip.
    Jinja macro body, wrapped by geo.maps.elements.script_macro and rendered once by ScriptElement:
    {{ this.* }} are the element's own attributes, data only as finished HTML-safe JSON (to_json). -#}
try { window.parent.crStaticParses = (window.parent.crStaticParses || 0) + 1; } catch (e) { /* cross-origin host */ }
L.geoJSON({{ this.json }}, {
  style: function (f) { return f.properties.s; },
  pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.s); },
  onEachFeature: function (f, layer) {
    if (f.properties.p) { layer.bindPopup(f.properties.p, {maxWidth: 380}); }
    if (f.properties.t) { layer.bindTooltip(f.properties.t, {sticky: true}); }
  }
}).addTo({{ this._parent.get_name() }});

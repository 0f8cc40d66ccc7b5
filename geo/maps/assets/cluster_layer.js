{# geo.maps.incident_map.ClusterLayer: circle markers grouped by Leaflet.markercluster.
    Jinja macro body, wrapped by geo.maps.elements.script_macro and rendered once by ScriptElement:
    {{ this.* }} are the element's own attributes, data only as finished HTML-safe JSON (to_json). -#}
(function () {
  var map = {{ this._parent.get_name() }};
  map.options.maxZoom = map.options.maxZoom || {{ this.max_zoom }};
  var css = document.createElement('style');
  css.textContent = {{ this.css|tojson }};
  document.head.appendChild(css);
  var group = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40});
  L.geoJSON({{ this.json }}, {
    pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.s); },
    onEachFeature: function (f, layer) {
      if (f.properties.p) { layer.bindPopup(f.properties.p, {maxWidth: 380}); }
      if (f.properties.t) { layer.bindTooltip(f.properties.t, {sticky: true}); }
      group.addLayer(layer);
    }
  });
  map.addLayer(group);
})();

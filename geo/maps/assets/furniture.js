{# geo.maps.elements.Furniture: legend, credits, sea colour, page CSS, zoom-dependent detail coast.
    Jinja macro body, wrapped by geo.maps.elements.script_macro and rendered once by ScriptElement:
    {{ this.* }} are the element's own attributes, data only as finished HTML-safe JSON (to_json). -#}
(function () {
  var map = {{ this._parent.get_name() }};
  var css = document.createElement('style'); css.textContent = {{ this.css|tojson }};
  document.head.appendChild(css);
  map.getContainer().style.background = {{ this.sea|tojson }};
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution({{ this.credits|tojson }});
  var legend = L.control({position: 'bottomleft'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'cr-legend'); div.innerHTML = {{ this.legend|tojson }};
    L.DomEvent.disableClickPropagation(div); return div;
  };
  legend.addTo(map);
  {% if this.detail %}
  var detail = {{ this.detail }};
  function showDetail() {
    if (map.getZoom() >= {{ this.detail_zoom }}) { detail.addTo(map); detail.bringToBack(); }
    else { map.removeLayer(detail); }
  }
  map.on('zoomend', showDetail); showDetail();
  {% endif %}
})();

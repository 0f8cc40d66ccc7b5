// L.CrDots (geo.maps.elements.IncidentLayer): many incidents drawn in one pass as copies of one small
// picture per style, where a canvas circleMarker per row is too slow to add, remove and paint
// (from DOTS_FROM rows; see docs/performance.md). Popups, tooltips and clicks come from the same
// handlers as the markers': show(columns, want, handlers) with handlers.style(i) (the marker's Leaflet
// style), .popup(i), .tip(i), .click(i).
// Rows are drawn in table order, so the one on top under the pointer is the last that fits.
if (!L.CrDots) {
  L.CrDots = L.Layer.extend({
    show: function (columns, want, handlers) {
      this._d = columns; this._want = want; this._handlers = handlers || {};
      if (this._map) { this._draw(); }
    },
    getBounds: function () {
      var bounds = L.latLngBounds([]), d = this._d, want = this._want;
      for (var i = 0; d && i < want.length; i++) { if (want[i]) { bounds.extend([d.lat[i], d.lon[i]]); } }
      return bounds;
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create('canvas', 'cr-dots', map.getPane('overlayPane'));
      this._canvas.style.pointerEvents = 'none';
      this._sprites = {};
      map.on(this._events(), this);
      this._draw();
    },
    onRemove: function (map) {
      map.off(this._events(), this);
      if (this._tip) { map.closeTooltip(this._tip); }
      L.DomUtil.remove(this._canvas);
    },
    _events: function () {
      return {moveend: this._draw, resize: this._draw, zoomstart: this._hide, mousemove: this._hover,
        click: this._click};
    },
    _hide: function () { this._canvas.style.display = 'none'; },
    _sprite: function (i) {  // the row's look (handlers.style, the markers' own) as a small picture
      var s = this._handlers.style(i), r = s.radius;
      var key = [s.fillColor, r, s.color, s.weight, s.fillOpacity, s.dashArray].join(' '), c = this._sprites[key];
      if (!c) {
        c = this._sprites[key] = document.createElement('canvas');
        c.width = c.height = Math.ceil(2 * r + 2 * s.weight + 2);
        var ctx = c.getContext('2d');
        ctx.beginPath(); ctx.arc(c.width / 2, c.height / 2, r, 0, 2 * Math.PI);
        ctx.globalAlpha = s.fillOpacity; ctx.fillStyle = s.fillColor; ctx.fill(); ctx.globalAlpha = 1;
        if (s.dashArray) { ctx.setLineDash(String(s.dashArray).split(/[ ,]+/).map(Number)); }
        ctx.strokeStyle = s.color; ctx.lineWidth = s.weight; ctx.stroke();
      }
      return c;
    },
    _draw: function () {
      var map = this._map, canvas = this._canvas, d = this._d, want = this._want;
      // a margin around the view, as Leaflet's own canvas has, so a short drag shows dots at the edges
      var size = map.getSize(), pad = size.multiplyBy(0.1).round(), origin = map.containerPointToLayerPoint(pad.multiplyBy(-1));
      var width = size.x + 2 * pad.x, height = size.y + 2 * pad.y;
      canvas.style.display = '';
      if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
      canvas.getContext('2d').clearRect(0, 0, width, height);
      L.DomUtil.setPosition(canvas, origin);
      this._shown = [];
      if (!d) { return; }
      var ctx = canvas.getContext('2d'), shown = this._shown, unit = this._unitPoints(), crs = map.options.crs;
      var k = crs.scale(map.getZoom()) / crs.scale(0), pixelOrigin = map.getPixelOrigin();
      for (var i = 0; i < want.length; i++) {
        if (!want[i]) { continue; }
        var px = unit.x[i] * k - pixelOrigin.x, py = unit.y[i] * k - pixelOrigin.y;  // layer point
        var x = px - origin.x, y = py - origin.y, r = d.r[i];
        shown.push(i, px, py);
        if (x < -r || y < -r || x > canvas.width + r || y > canvas.height + r) { continue; }
        var dot = unit.sprites[i] || (unit.sprites[i] = this._sprite(i)), half = dot.width / 2;
        ctx.drawImage(dot, Math.round(x - half), Math.round(y - half));
      }
    },
    // Each row projected once per table at zoom 0 (a draw only scales and shifts them), and its picture.
    _unitPoints: function () {
      var d = this._d, crs = this._map.options.crs;
      if (this._unitFor !== d) {
        var x = new Float64Array(d.lat.length), y = new Float64Array(d.lat.length);
        for (var i = 0; i < x.length; i++) {
          var p = crs.latLngToPoint(L.latLng(d.lat[i], d.lon[i]), 0); x[i] = p.x; y[i] = p.y;
        }
        this._unit = {x: x, y: y, sprites: new Array(x.length)}; this._unitFor = d;
      }
      return this._unit;
    },
    _under: function (point) {
      var shown = this._shown || [], d = this._d;
      for (var k = shown.length - 3; k >= 0; k -= 3) {
        var dx = shown[k + 1] - point.x, dy = shown[k + 2] - point.y, r = d.r[shown[k]] + 1;
        if (dx * dx + dy * dy <= r * r) { return shown[k]; }
      }
      return null;
    },
    _hover: function (e) {
      var i = this._under(e.layerPoint), map = this._map, handlers = this._handlers;
      map.getContainer().style.cursor = i == null ? '' : 'pointer';
      if (i == null || !handlers.tip) {
        if (this._tip) { map.closeTooltip(this._tip); this._tip = null; }
        return;
      }
      this._tip = this._tip || L.tooltip({sticky: true});
      this._tip.setLatLng(e.latlng).setContent(handlers.tip(i));
      if (!map.hasLayer(this._tip)) { map.openTooltip(this._tip); }
    },
    _click: function (e) {
      var i = this._under(e.layerPoint), handlers = this._handlers;
      if (i == null) { return; }
      if (handlers.popup) {
        L.popup({maxWidth: 380}).setLatLng([this._d.lat[i], this._d.lon[i]]).setContent(handlers.popup(i))
          .openOn(this._map);
      }
      if (handlers.click) { handlers.click(i); }
    }
  });
}

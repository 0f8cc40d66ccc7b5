// Browser side of geo/live_map.py, an st.components.v2 module.
// Streamlit calls this function on mount and again with every new `data`.
// The map document (folium's finished HTML) goes into one iframe, built only
// when its id changes. The incident table (every period) arrives once too
// (each as text or as an address the browser fetches and keeps); a
// period change sends only its months, handed to window.crIncidents.update in
// that frame, so static layers, zoom, centre, open layers and legend stay.
const SPEEDS = [["slow", 2000], ["normal", 1200], ["fast", 600]];

function controls(state, root) {
  const bar = document.createElement("div");
  bar.className = "cr-play";
  bar.style.display = "none";  // shown by show() when the period has more than one month
  bar.innerHTML = '<button type="button" class="cr-play-button" aria-pressed="false"></button>' +
    '<input type="range" class="cr-play-month" min="0" step="1">' +
    '<output class="cr-play-label" aria-live="polite"></output>' +
    '<label><span class="cr-play-speed-word"></span> <select class="cr-play-speed"></select></label>' +
    '<button type="button" class="cr-play-all"></button>';
  const speed = bar.querySelector(".cr-play-speed");
  SPEEDS.forEach(function (pair) {
    const option = document.createElement("option");
    option.dataset.word = pair[0]; option.value = String(pair[1]); speed.appendChild(option);
  });
  speed.value = "1200";
  // One column of the component's height: the bar, then the map taking what the bar leaves (CSS flex), so
  // a bar that wraps in a narrow column shortens the map instead of pushing its foot out of view.
  const box = document.createElement("div");
  box.className = "cr-live-box";
  box.appendChild(bar);
  root.appendChild(box);
  state.box = box;
  state.bar = bar;
  bar.querySelector(".cr-play-button").addEventListener("click", function () { togglePlay(state); });
  bar.querySelector(".cr-play-all").addEventListener("click", function () { stop(state); show(state, null); });
  bar.querySelector(".cr-play-month").addEventListener("input", function (event) {
    stop(state); show(state, Number(event.target.value));
  });
  speed.addEventListener("change", function () { if (state.timer) { stop(state); togglePlay(state); } });
}

// The bar's words come with every update (the reader may switch language); always text, never HTML.
function label(state, words) {
  state.words = words;
  const bar = state.bar;
  bar.querySelector(".cr-play-month").setAttribute("aria-label", words.month);
  bar.querySelector(".cr-play-speed-word").textContent = words.speed;
  bar.querySelector(".cr-play-all").textContent = words.all_months;
  bar.querySelectorAll(".cr-play-speed option").forEach(function (o) { o.textContent = words[o.dataset.word]; });
  const button = bar.querySelector(".cr-play-button");
  button.textContent = state.timer ? "⏸ " + words.pause : "▶ " + words.play;
}

// The bar for a period's month labels (month null: all of them).
function layBar(state, months, month) {
  const slider = state.bar.querySelector(".cr-play-month");
  slider.max = String(Math.max(months.length - 1, 0));
  slider.value = String(month == null ? months.length - 1 : month);
  state.bar.querySelector(".cr-play-label").textContent = month == null
    ? state.words.all_months + " (" + months[0] + (months.length > 1 ? " – " + months[months.length - 1] : "") + ")"
    : months[month];
  state.bar.style.display = months.length > 1 ? "" : "none";
}

function show(state, month) {
  state.month = month;
  layBar(state, state.period.labels, month);
  const win = state.frame && state.frame.contentWindow;  // none once the page has left (playback stops)
  if (!win) { stop(state); return; }
  if (win.crIncidents) { win.crIncidents.update(state.table, state.period.months, month); }
}

function stop(state) {
  if (state.timer) { clearInterval(state.timer); state.timer = null; }
  const button = state.bar.querySelector(".cr-play-button");
  button.textContent = "▶ " + state.words.play; button.setAttribute("aria-pressed", "false");
}

function togglePlay(state) {
  if (state.timer) { stop(state); return; }
  const last = state.period.labels.length - 1;
  let month = state.month == null || state.month >= last ? 0 : state.month + 1;
  show(state, month);
  const button = state.bar.querySelector(".cr-play-button");
  button.textContent = "⏸ " + state.words.pause; button.setAttribute("aria-pressed", "true");
  const every = Number(state.bar.querySelector(".cr-play-speed").value);
  state.timer = setInterval(function () {
    if (month >= last) { stop(state); return; }
    month += 1; show(state, month);
  }, every);
}

// The view goes to the server (and so into the URL) only when it is not the one the map
// opened with: a reader's pan or zoom, never the map's own start-up fitting. Until the reader
// touches the map, a resize (the frame settling) keeps the view the map opened with.
function sameView(a, b) {
  return !!a && !!b && Math.abs(a.z - b.z) < 1e-9 && Math.abs(a.c[0] - b.c[0]) < 5e-5 &&
    Math.abs(a.c[1] - b.c[1]) < 5e-5;
}

function viewOf(map) {
  const centre = map.getCenter();
  return {z: map.getZoom(), c: [centre.lat, centre.lng]};
}

function watchView(state, map, wanted, known, setStateValue) {
  let pending = null, touched = false;
  const container = map.getContainer();
  ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (type) {
    container.addEventListener(type, function () { touched = true; }, {passive: true});
  });
  function moved() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      const view = viewOf(map);
      if (sameView(view, known)) { return; }
      known = wanted = view;
      setStateValue("view", view);
    }, 400);
  }
  map.on("moveend", moved);
  if (!sameView(viewOf(map), known)) { moved(); }  // moved before the frame finished loading
  map.on("resize", function () {  // runs after the document's own resize handler (a fit)
    if (touched) { return; }
    clearTimeout(pending);
    if (wanted) { map.setView(wanted.c, wanted.z, {animate: false}); clearTimeout(pending); }
    known = viewOf(map);
  });
}

// The document records the view its own scripts opened with, before anything can move the map.
function withOpenedView(html, mapName) {
  const record = "<script>(function () { var m = window[" + JSON.stringify(mapName) + "]; if (m) { " +
    "var c = m.getCenter(); window.crOpenedView = {z: m.getZoom(), c: [c.lat, c.lng]}; } })();</" + "script>";
  const end = html.lastIndexOf("</html>");  // folium's scripts come after </body>
  return end < 0 ? html + record : html.slice(0, end) + record + html.slice(end);
}

function buildFrame(state, data, html, setStateValue, setTriggerValue) {
  if (state.frame) { stop(state); state.frame.remove(); }
  const frame = document.createElement("iframe");
  frame.className = "cr-live-map";
  frame.title = data.title;
  frame.style.cssText = "width:100%;border:0;display:block";
  state.ready = new Promise(function (resolve) {
    frame.addEventListener("load", function () {
      const win = frame.contentWindow, map = win[data.map_name];
      if (map && data.view) { map.setView(data.view.c, data.view.z, {animate: false}); }
      if (map) { watchView(state, map, data.view, data.view ? viewOf(map) : win.crOpenedView || viewOf(map),
        setStateValue); }
      if (win.crIncidents) { win.crIncidents.onClick = function (id) { setTriggerValue("clicked", id); }; }
      resolve();
    }, {once: true});
  });
  frame.srcdoc = withOpenedView(html, data.map_name);
  state.box.appendChild(frame);
  state.frame = frame;
  state.docId = data.doc_id;
  state.shownKey = null;
  window.crMapDocs = (window.crMapDocs || 0) + 1;
}

// The map document and the incident table come as text in the message or as an address (served with
// a long cache life: an id changes exactly when its text does). The page keeps them by id: documents
// as text, tables parsed (the last four: one per map and filter set). A fetch that fails gives null,
// and the page then asks for the text (`missing`); a fetch still running serves a later update too.
const fetching = {};

function kept(store, id, text, url, parse) {
  if (text && !store[id]) { store[id] = parse(text); }
  if (store[id]) { return Promise.resolve(store[id]); }
  if (!fetching[id] && url) {
    fetching[id] = fetch(url).then(function (r) { return r.ok ? r.text() : null; })
      .catch(function () { return null; })
      .then(function (fetchedText) {
        delete fetching[id];
        if (fetchedText && !store[id]) { store[id] = parse(fetchedText); }
        return store[id] || null;
      });
  }
  return fetching[id] || Promise.resolve(null);
}

function mapDocument(data) {
  const docs = window.crDocs = window.crDocs || {};
  return kept(docs, data.doc_id, data.doc, data.doc_url, function (text) { return text; });
}

function table(data) {
  const tables = window.crTables = window.crTables || {};
  return kept(tables, data.table_id, data.table, data.table_url, function (text) {
    const ids = Object.keys(tables);
    if (ids.length >= 4) { delete tables[ids[0]]; }
    return JSON.parse(text);
  });
}

// The sidebar's period, read from its widgets (found by their Streamlit keys) as soon as the reader
// picks: an option released in the month box's list, the box once its list has closed, or the range
// slider's two thumbs. Labels are the calendar's (the same words the widgets show); anything else
// gives null (wait for the server).
function sidebarPeriod(sidebar) {
  const box = document.querySelector(".st-key-" + sidebar.month + " input[role=combobox]");
  const thumbs = document.querySelectorAll(".st-key-" + sidebar.range + " input[type=range]");
  if (box) {
    return box.getAttribute("aria-expanded") === "false" ? between(sidebar.calendar, box.value, box.value) : null;
  }
  if (thumbs.length === 2) {
    return between(sidebar.calendar, thumbs[0].getAttribute("aria-valuetext"), thumbs[1].getAttribute("aria-valuetext"));
  }
  return null;
}

// The option a pointer is releasing in the month box's open list: the period is known before the box
// takes it (the release selects it).
function releasedOption(sidebar, target) {
  const box = document.querySelector(".st-key-" + sidebar.month + " input[role=combobox]");
  const option = target instanceof Element ? target.closest("[role=option]") : null;
  const list = option && option.closest("[role=listbox]");
  if (!box || !list || box.getAttribute("aria-controls") !== list.id) { return null; }
  const label = option.textContent.trim();
  return between(sidebar.calendar, label, label);
}

function between(calendar, firstLabel, lastLabel) {
  const first = calendar.labels.indexOf(firstLabel), last = calendar.labels.indexOf(lastLabel);
  if (first < 0 || last < first) { return null; }
  return {months: calendar.months.slice(first, last + 1), labels: calendar.labels.slice(first, last + 1)};
}

// Shows `period` of the current table unless it is already shown (the server's data for a
// period the sidebar already announced finds it drawn).
function showPeriod(state, period) {
  const key = state.tableId + "|" + period.months.join(",");
  if (state.shownKey === key) { return; }
  stop(state);
  state.shownKey = key;
  state.period = period;
  show(state, null);
}

// The watchers live on the page's document; once the reader has left this map's page (the component's
// element is gone) they stop themselves.
function watchSidebar(state, root) {
  function announce(period) {
    if (period) { state.ready.then(function () { showPeriod(state, period); }); }
  }
  function onRelease(event) {
    if (!root.isConnected) { document.removeEventListener("pointerup", onRelease, true); return; }
    announce(state.sidebar && state.table ? releasedOption(state.sidebar, event.target) : null);
  }
  document.addEventListener("pointerup", onRelease, true);
  let pending = false;
  const observer = new MutationObserver(function () {
    if (!root.isConnected) { observer.disconnect(); return; }
    if (pending || !state.sidebar || !state.table) { return; }
    pending = true;
    queueMicrotask(function () { pending = false; announce(sidebarPeriod(state.sidebar)); });
  });
  observer.observe(document.body, {subtree: true, attributes: true,
    attributeFilter: ["value", "aria-valuetext", "aria-expanded"]});
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement;
  window.crDataAt = performance.timeOrigin + performance.now();  // bench.inplace: data arrived
  let state = root.__crLive;
  if (!state) {
    state = root.__crLive = {frame: null, docId: null, shownKey: null, month: null, timer: null, turn: 0};
    controls(state, root);
    watchSidebar(state, root);
  }
  state.sidebar = data.sidebar;
  state.box.style.height = data.height + "px";
  label(state, data.words);
  const turn = state.turn += 1;
  Promise.all([table(data), mapDocument(data)]).then(function (got) {
    if (turn !== state.turn) { return; }  // newer data came while this waited for a fetch
    const rows = got[0], doc = got[1];
    if (!rows) { setTriggerValue("missing", data.table_id); return; }
    if (state.docId !== data.doc_id) {
      if (!doc) { setTriggerValue("missing", data.doc_id); return; }
      layBar(state, data.period.labels, null);  // laid out first: the map gets its height before it draws
      buildFrame(state, data, doc, setStateValue, setTriggerValue);
    }
    state.ready.then(function () {
      state.table = rows;
      state.tableId = data.table_id;
      showPeriod(state, data.period);
      if (data.rerun_when_drawn && !state.reportedDrawn) {  // the page then draws what sits below the map
        state.reportedDrawn = true;
        requestAnimationFrame(function () { requestAnimationFrame(function () { setTriggerValue("drawn", true); }); });
      }
    });
  });
}

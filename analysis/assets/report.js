/* newsdesk offline report: filters, linked figures and a paged article table, no kernel.
 *
 * Reads ONE data element, #newsdesk-data (base64 of gzipped JSON written by
 * analysis.report; its fields are documented in analysis/report_contract.py), unpacks it
 * with the browser's own DecompressionStream, and from then on works on that payload only.
 * The articles' full text (the payload's "text") ships in its own element,
 * #newsdesk-text, unpacked on first need: only the text filter and the evidence
 * sentences of a click read it, and they wait for it (window.newsdesk.select returns a
 * Promise while it is not unpacked yet; window.newsdesk.withText() unpacks it).
 *
 * Filters mean what analysis.selection says (window.newsdesk.select(spec) is the same
 * function the page uses; tests compare it with Python):
 *   sources, actors (ids), places (ids), event_types: keep articles matching ANY listed
 *   value of each given filter; event_types also keeps only those events;
 *   start / end (YYYY-MM-DD, both days included): undated articles are kept unless one
 *   of them is set; text: case-insensitive substring of title + "\n" + text;
 *   duplicates: near-duplicates (articles.duplicate) are dropped unless it is true.
 * Figures: a trace whose meta.newsdesk is a contract role carries meta.links (per point,
 * its articles or events); a point is shown while any of them is kept (in a trace with
 * meta.gaps, a kept segment keeps the separator after it, so no two segments join).  Hover text and
 * sizes are Python's, never rebuilt here.  Corpus text only reaches the page through
 * textContent / option.text.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 25;
  var MAX_OPTIONS = 1000;  /* actors / places listed in the filter menus (most mentioned) */
  var CONFIG = { responsive: true, displaylogo: false, scrollZoom: false };
  var DATA = null;
  var N = 0;
  var SEARCH = null;   /* per article: lower-cased title + "\n" + text */
  var TEXT = null;     /* per article: its full text, once unpacked (see withText) */
  var TEXT_LOADING = null;
  var state = {
    spec: {}, sort: "date", desc: false, page: 0, focus: null, kept: null, events: null
  };

  function byId(id) { return document.getElementById(id); }
  function clone(obj) { return JSON.parse(JSON.stringify(obj)); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  /* ---- unpacking ------------------------------------------------------------ */

  function unpack(b64) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser has no DecompressionStream; " +
        "open the report in a current Chrome, Edge, Firefox or Safari"));
    }
    var bin = atob(b64.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function withText() {
    /* a Promise of the articles' text: unpacked once, on first need */
    if (!TEXT_LOADING) {
      var el = byId("newsdesk-text");
      TEXT_LOADING = (el ? unpack(el.textContent) : Promise.resolve(DATA.text || []))
        .then(function (text) { TEXT = text; DATA.text = text; return text; });
    }
    return TEXT_LOADING;
  }

  function needsText(spec) {
    return !!(spec && typeof spec.text === "string" && spec.text.replace(STRIP, ""));
  }

  /* ---- selection: one meaning of every filter -------------------------------- */

  var PY_SPACE = "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029" +
    "\\u202f\\u205f\\u3000]+";
  var STRIP = new RegExp("^" + PY_SPACE + "|" + PY_SPACE + "$", "g");

  function listed(values) {
    /* null/undefined: no filter; a string: a list of one; [] keeps no article */
    if (values === null || values === undefined) return null;
    if (typeof values === "string") return [values];
    return values.filter(function (v) { return v !== null && v !== undefined; }).map(String);
  }

  function lowerSet(values) {
    var out = {};
    values.forEach(function (v) { out[v.toLowerCase()] = true; });
    return out;
  }

  function dayBound(value, end) {
    /* "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> the first (start) or last (end) day, as a
       string compared with the YYYY-MM-DD days ("-32"/"-13" sort after any real day) */
    if (value === null || value === undefined) return "";
    var v = String(value).replace(STRIP, "");
    if (!v) return "";
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
    if (!m) throw new Error("not a date: " + value);
    if (m[3]) return v;
    if (m[2]) return v + (end ? "-32" : "-01");
    return v + (end ? "-13-01" : "-01-01");
  }

  var ACTOR_LOOKUP = null;

  function resolveActors(values) {
    /* as analysis.selection: each value itself (an id) plus the listed actors whose id,
       name or an alias equals it, case-insensitive */
    var act = DATA.actors;
    if (!ACTOR_LOOKUP) {
      ACTOR_LOOKUP = {};
      for (var i = 0; i < act.listed; i++) {
        [act.id[i], act.name[i]].concat(act.aliases[i]).forEach(function (k) {
          if (typeof k === "string" && k) {
            var key = k.toLowerCase();
            (ACTOR_LOOKUP[key] = ACTOR_LOOKUP[key] || {})[i] = true;
          }
        });
      }
    }
    var pos = {};
    act.id.forEach(function (v, i) { pos[v] = i; });
    var out = {};
    values.forEach(function (v) {
      if (v in pos) out[pos[v]] = true;
      var hit = ACTOR_LOOKUP[v.toLowerCase()] || {};
      Object.keys(hit).forEach(function (i) { out[i] = true; });
    });
    return out;
  }

  function haystack(i) {
    /* lower(title) + "\n" + lower(text), built on the first text search */
    if (!SEARCH) {
      SEARCH = TEXT.map(function (t, j) {
        var title = DATA.articles.titled[j] ? DATA.articles.title[j] : "";
        return title.toLowerCase() + "\n" + t.toLowerCase();
      });
    }
    return SEARCH[i];
  }

  function anyIn(list, set) {
    for (var i = 0; i < list.length; i++) if (set[list[i]]) return true;
    return false;
  }

  function select(spec) {
    /* spec -> {articles: Uint8Array(N), events: Uint8Array(nEvents)}; the rules of
       analysis.selection (DATA.filters is its filter_spec()) */
    spec = spec || {};
    var a = DATA.articles;
    var ev = DATA.events;
    var sources = listed(spec.sources);
    var actors = listed(spec.actors);
    var places = listed(spec.places);
    var types = listed(spec.event_types);
    var text = typeof spec.text === "string" ? spec.text.replace(STRIP, "").toLowerCase() : "";
    var start = dayBound(spec.start, false);
    var end = dayBound(spec.end, true);
    var srcSet = null;
    if (sources) {
      var wantSrc = lowerSet(sources);
      srcSet = {};
      DATA.sources.forEach(function (s, i) { if (wantSrc[s.toLowerCase()]) srcSet[i] = true; });
    }
    var actSet = actors && resolveActors(actors);
    var plcSet = places && lowerSet(places);
    var typSet = null;
    if (types) {
      var wantTyp = lowerSet(types);
      typSet = {};
      DATA.eventTypes.forEach(function (t, i) { if (wantTyp[t.toLowerCase()]) typSet[i] = true; });
    }
    var typedArticle = null;
    if (typSet) {
      typedArticle = new Uint8Array(N);
      for (var j = 0; j < ev.id.length; j++) if (typSet[ev.type[j]]) typedArticle[ev.article[j]] = 1;
    }
    var kept = new Uint8Array(N);
    var keepDup = spec.duplicates === true;
    var hidden = 0;
    for (var i = 0; i < N; i++) {
      if (srcSet && !srcSet[a.source[i]]) continue;
      if (start || end) {
        var d = a.date[i];
        if (!d || (start && d < start) || (end && d > end)) continue;
      }
      if (actSet && !anyIn(a.actors[i], actSet)) continue;
      if (plcSet && !anyIn(a.placeKeys[i], plcSet)) continue;
      if (typedArticle && !typedArticle[i]) continue;
      if (text && haystack(i).indexOf(text) < 0) continue;
      if (!keepDup && a.duplicate[i]) { hidden++; continue; }
      kept[i] = 1;
    }
    var events = new Uint8Array(ev.id.length);
    for (var k = 0; k < ev.id.length; k++) {
      if (kept[ev.article[k]] && (!typSet || typSet[ev.type[k]])) events[k] = 1;
    }
    return { articles: kept, events: events, duplicatesHidden: hidden };
  }

  function selectIds(spec) {
    if (needsText(spec) && !TEXT) return withText().then(function () { return selectIds(spec); });
    var sel = select(spec);
    var arts = [];
    var evs = [];
    sel.articles.forEach(function (k, i) { if (k) arts.push(DATA.articles.id[i]); });
    sel.events.forEach(function (k, i) { if (k) evs.push(DATA.events.id[i]); });
    return { articles: arts, events: evs };
  }

  function specActive(spec) {
    return Object.keys(spec).some(function (k) {
      var v = spec[k];
      if (k === "duplicates") return v === true;
      return Array.isArray(v) ? true : !!(typeof v === "string" ? v.replace(STRIP, "") : v);
    });
  }

  /* ---- figures: keep Python's traces, drop the marks with nothing kept -------- */

  function pick(trace, keep) {
    var t = clone(trace);
    var links = (trace.meta || {}).links || {};
    var n = (links.articles || links.events || []).length;
    function sub(arr) {
      return Array.isArray(arr) && arr.length === n ? keep.map(function (i) { return arr[i]; }) : arr;
    }
    Object.keys(t).forEach(function (k) { if (k !== "meta") t[k] = sub(t[k]); });
    if (t.marker && typeof t.marker === "object") {
      Object.keys(t.marker).forEach(function (k) { t.marker[k] = sub(t.marker[k]); });
      if (t.marker.pattern && Array.isArray(t.marker.pattern.shape)) {
        t.marker.pattern.shape = sub(t.marker.pattern.shape);
      }
    }
    var l = t.meta.links;
    Object.keys(l).forEach(function (k) { l[k] = sub(l[k]); });
    t.meta.labels = sub(t.meta.labels);
    return t;
  }

  function pointKept(links, i, sel) {
    if (links.events) return links.events[i].some(function (e) { return sel.events[e]; });
    return links.articles[i].some(function (a) { return sel.articles[a]; });
  }

  function isGap(trace, i) {
    /* a separator point of a gapped trace (meta.gaps: many segments in one trace) */
    var coords = trace.x || trace.lat;
    return !!trace.meta.gaps && Array.isArray(coords) && coords[i] === null;
  }

  function filteredData(fig, sel) {
    return fig.data.map(function (trace) {
      var links = (trace.meta || {}).links;
      if (!links) return trace;
      var n = (links.articles || links.events).length;
      var keep = [];
      var shown = 0;
      var gaps = 0;
      var open = false;  /* a kept segment waits for its separator */
      for (var i = 0; i < n; i++) {
        if (isGap(trace, i)) {
          if (open) { keep.push(i); gaps++; open = false; }
        } else if (pointKept(links, i, sel)) { keep.push(i); shown++; open = true; }
      }
      if (shown + gaps === n) return trace;
      var t = pick(trace, keep);
      if (!shown) t.visible = false;
      return t;
    });
  }

  function pruneCategories(data, layout) {
    /* a filtered figure lists only the categories (rows, bars) that still have marks */
    Object.keys(layout).forEach(function (key) {
      var axis = layout[key];
      if (!/^[xy]axis\d*$/.test(key) || !axis || !Array.isArray(axis.categoryarray)) return;
      var letter = key.charAt(0);
      var ref = letter + key.slice(5);  /* "yaxis2" -> "y2", "yaxis" -> "y" */
      var used = {};
      data.forEach(function (t) {
        if (t.visible === false || (t[letter + "axis"] || letter) !== ref) return;
        (Array.isArray(t[letter]) ? t[letter] : []).forEach(function (v) { used[v] = true; });
      });
      axis.categoryarray = axis.categoryarray.filter(function (c) { return used[c]; });
    });
    return layout;
  }

  function draw(sel, mark) {
    /* one figure after the other; mark(name) records when each is drawn */
    return DATA.figures.reduce(function (done, spec) {
      return done.then(function () {
        var div = byId(spec.div);
        var layout = clone(spec.figure.layout || {});
        var data = spec.figure.data;
        if (sel) {
          data = filteredData(spec.figure, sel);
          pruneCategories(data, layout);
        }
        return Plotly.react(div, data, layout, CONFIG);
      }).then(function () { if (mark) mark("drawn:" + spec.kind); });
    }, Promise.resolve());
  }

  /* ---- clicking a mark lists its articles with the evidence sentence ---------- */

  function codePoints(i) {
    var t = TEXT[i];
    return /[\uD800-\uDFFF]/.test(t) ? Array.from(t) : null;
  }

  function sentence(i, span) {
    if (!span || span[0] < 0) return "";
    var cps = codePoints(i);
    var s = cps ? cps.slice(span[0], span[1]).join("") : TEXT[i].slice(span[0], span[1]);
    s = s.replace(/\s+/g, " ").trim();
    return s.length > 300 ? s.slice(0, 299) + "\u2026" : s;
  }

  function onClick(ev) {
    if (!TEXT) return withText().then(function () { return onClick(ev); });
    var pt = ev && ev.points && ev.points[0];
    if (!pt || !pt.data || !pt.data.meta || !pt.data.meta.links) return;
    var links = pt.data.meta.links;
    var i = pt.pointNumber;
    if (Array.isArray(i)) i = i[0];
    var label = (pt.data.meta.labels || [])[i] || "";
    var spans = {};
    if (links.events) {
      (links.events[i] || []).forEach(function (e) {
        var a = DATA.events.article[e];
        (spans[a] = spans[a] || []).push(DATA.events.span[e]);
      });
    } else {
      (links.articles[i] || []).forEach(function (a, j) {
        (spans[a] = spans[a] || []).push(links.spans ? links.spans[i][j] : null);
      });
    }
    state.focus = { label: label, spans: spans };
    state.page = 0;
    renderTable();
    var section = byId("table-section");
    if (section && section.scrollIntoView) section.scrollIntoView({ block: "start" });
  }

  /* ---- table ----------------------------------------------------------------- */

  var SORTS = {
    date: function (i) { return DATA.articles.date[i] || "9999"; },
    source: function (i) { return DATA.sources[DATA.articles.source[i]].toLowerCase(); },
    title: function (i) { return DATA.articles.title[i].toLowerCase(); },
    actors: function (i) { return DATA.articles.actors[i].length; },
    places: function (i) { return DATA.articles.nPlaces[i]; },
    events: function (i) { return DATA.articles.nEvents[i]; }
  };

  function rows() {
    var out = [];
    for (var i = 0; i < N; i++) {
      if (!state.kept[i]) continue;
      if (state.focus && !state.focus.spans[i]) continue;
      out.push(i);
    }
    var key = SORTS[state.sort];
    var sign = state.desc ? -1 : 1;
    var dates = DATA.articles.date;
    out.sort(function (x, y) {
      if (state.sort === "date" && !dates[x] !== !dates[y]) return dates[x] ? -1 : 1;  /* undated last */
      var a = key(x), b = key(y);
      return (a < b ? -1 : a > b ? 1 : x - y) * sign;
    });
    return out;
  }

  function cell(tr, text) {
    var td = document.createElement("td");
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function renderTable() {
    var a = DATA.articles;
    var list = rows();
    var pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    var body = byId("articles-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    list.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach(function (i) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-article", a.id[i]);
      cell(tr, a.date[i] || "(undated)");
      cell(tr, DATA.sources[a.source[i]]);
      var td = cell(tr, "");
      if (a.url[i]) {
        var link = document.createElement("a");
        link.href = a.url[i];
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        link.textContent = a.title[i];
        td.appendChild(link);
      } else {
        td.appendChild(document.createTextNode(a.title[i]));
      }
      var focus = state.focus && state.focus.spans[i];
      var lines = focus ? focus.map(function (sp) { return sentence(i, sp); }).filter(Boolean) : [];
      if (lines.length) {
        lines.slice(0, 3).forEach(function (line) {
          var q = document.createElement("div");
          q.className = "evidence";
          q.textContent = "\u201C" + line + "\u201D";
          td.appendChild(q);
        });
      } else {
        var snippet = document.createElement("div");
        snippet.className = "snippet";
        snippet.textContent = a.snippet[i];
        td.appendChild(snippet);
      }
      cell(tr, a.actorNames[i]);
      cell(tr, String(a.nPlaces[i]));
      cell(tr, String(a.nEvents[i]));
      body.appendChild(tr);
    });
    byId("page-info").textContent = list.length
      ? "rows " + fmt(state.page * PAGE_SIZE + 1) + "\u2013" +
        fmt(Math.min(list.length, (state.page + 1) * PAGE_SIZE)) + " of " + fmt(list.length) +
        " \u00B7 page " + (state.page + 1) + " of " + pages
      : "no article";
    byId("page-prev").disabled = state.page === 0;
    byId("page-next").disabled = state.page >= pages - 1;
    var focusBox = byId("focus");
    if (state.focus) {
      focusBox.hidden = false;
      byId("focus-text").textContent = "Articles of " + (state.focus.label || "the clicked mark") +
        " (" + fmt(list.length) + " kept by the filters)";
    } else {
      focusBox.hidden = true;
    }
    document.querySelectorAll("#articles th[data-sort]").forEach(function (th) {
      var on = th.getAttribute("data-sort") === state.sort;
      th.setAttribute("aria-sort", on ? (state.desc ? "descending" : "ascending") : "none");
    });
    root().setAttribute("data-rows", String(list.length));
  }

  /* ---- counts and the whole update ------------------------------------------- */

  function count(mask) {
    var n = 0;
    for (var i = 0; i < mask.length; i++) n += mask[i];
    return n;
  }

  function renderCounts(sel) {
    var nA = count(sel.articles);
    var nE = count(sel.events);
    var places = {};
    for (var i = 0; i < N; i++) {
      if (sel.articles[i]) DATA.articles.places[i].forEach(function (p) { places[p] = true; });
    }
    var nP = Object.keys(places).length;
    var undated = "";
    if (DATA.undated) {
      var dated = state.spec.start || state.spec.end;
      var keptUndated = 0;  /* the undated articles the other filters keep */
      for (var k = 0; k < N; k++) if (sel.articles[k] && !DATA.articles.date[k]) keptUndated++;
      undated = dated
        ? " \u00B7 the date filter drops the " + fmt(DATA.undated) + " undated article(s)"
        : " \u00B7 " + fmt(keptUndated) + " undated article(s) kept (no date filter)";
    }
    var dup = sel.duplicatesHidden
      ? " \u00B7 " + fmt(sel.duplicatesHidden) + " near-duplicate(s) hidden" : "";
    byId("counts").textContent = fmt(nA) + " of " + fmt(N) + " articles, " + fmt(nP) +
      " places, " + fmt(nE) + " events" + undated + dup;
    var r = root();
    [r, document.body].forEach(function (el) {
      el.setAttribute("data-articles", String(nA));
      el.setAttribute("data-events", String(nE));
      el.setAttribute("data-places", String(nP));
      el.setAttribute("data-duplicates-hidden", String(sel.duplicatesHidden));
    });
  }

  function apply() {
    if (needsText(state.spec) && !TEXT) return withText().then(apply);
    var sel = select(state.spec);
    state.kept = sel.articles;
    state.events = sel.events;
    state.page = 0;
    renderCounts(sel);
    renderTable();
    return draw(specActive(state.spec) ? sel : null);
  }

  /* ---- controls ---------------------------------------------------------------- */

  function root() { return byId("newsdesk-report") || document.body; }

  function checkedValues(containerId) {
    var boxes = byId(containerId).querySelectorAll("input[type=checkbox]");
    var all = true;
    var out = [];
    boxes.forEach(function (b) { if (b.checked) out.push(b.value); else all = false; });
    return all ? null : out;
  }

  function chosen(selectId) {
    var out = [];
    var el = byId(selectId);
    for (var i = 0; i < el.options.length; i++) if (el.options[i].selected) out.push(el.options[i].value);
    return out.length ? out : null;
  }

  function readControls() {
    var spec = {};
    var s = checkedValues("f-sources");
    if (s) spec.sources = s;
    var t = checkedValues("f-types");
    if (t) spec.event_types = t;
    var act = chosen("f-actors");
    if (act) spec.actors = act;
    var plc = chosen("f-places");
    if (plc) spec.places = plc;
    if (byId("f-start").value) spec.start = byId("f-start").value;
    if (byId("f-end").value) spec.end = byId("f-end").value;
    var text = (byId("f-text").value || "").trim();
    if (text) spec.text = text;
    if (byId("f-duplicates").checked) spec.duplicates = true;
    return spec;
  }

  function onChange() {
    state.spec = readControls();
    state.focus = null;
    return apply();
  }

  function checkboxes(containerId, values) {
    var box = byId(containerId);
    values.forEach(function (v) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = v;
      input.addEventListener("change", onChange);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + v));
      box.appendChild(label);
    });
  }

  function options(selectId, ids, labels, order) {
    var el = byId(selectId);
    if (order.length > MAX_OPTIONS) {
      var hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = "the " + fmt(MAX_OPTIONS) + " most mentioned of " + fmt(order.length);
      el.parentNode.appendChild(hint);
      order = order.slice(0, MAX_OPTIONS);
    }
    order.forEach(function (i) {
      var opt = document.createElement("option");
      opt.value = ids[i];
      opt.text = labels(i);
      el.appendChild(opt);
    });
    el.addEventListener("change", onChange);
  }

  function buildControls() {
    checkboxes("f-sources", DATA.sources);
    checkboxes("f-types", DATA.eventTypes);
    var act = DATA.actors;
    var order = act.id.map(function (_, i) { return i; })
      .filter(function (i) { return act.mentions[i] > 0; })
      .sort(function (x, y) { return act.mentions[y] - act.mentions[x] || x - y; });
    options("f-actors", act.id, function (i) { return act.name[i] + " (" + act.mentions[i] + ")"; }, order);
    var plc = DATA.places;
    var nArt = plc.id.map(function () { return 0; });
    DATA.articles.places.forEach(function (list) { list.forEach(function (p) { nArt[p]++; }); });
    var porder = plc.id.map(function (_, i) { return i; })
      .sort(function (x, y) { return nArt[y] - nArt[x] || x - y; });
    options("f-places", plc.id, function (i) {
      return plc.name[i] + (plc.country[i] ? ", " + plc.country[i] : "") + " (" + nArt[i] + ")";
    }, porder);
    ["f-start", "f-end"].forEach(function (id) {
      var el = byId(id);
      if (DATA.dateMin) el.min = DATA.dateMin;
      if (DATA.dateMax) el.max = DATA.dateMax;
      el.addEventListener("change", onChange);
    });
    byId("f-undated").textContent = DATA.undated
      ? fmt(DATA.undated) + " undated article(s): kept unless a date is set"
      : "every article is dated";
    var nDup = 0;
    DATA.articles.duplicate.forEach(function (d) { nDup += d; });
    byId("f-duplicates-n").textContent = " (" + fmt(nDup) + ")";
    byId("f-duplicates").disabled = !nDup;
    byId("f-duplicates").addEventListener("change", onChange);
    var timer = null;
    byId("f-text").addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(onChange, 250);
    });
    byId("f-reset").addEventListener("click", function () {
      document.querySelectorAll("#filters input[type=checkbox]").forEach(function (b) { b.checked = true; });
      ["f-actors", "f-places"].forEach(function (id) {
        var el = byId(id);
        for (var i = 0; i < el.options.length; i++) el.options[i].selected = false;
      });
      byId("f-start").value = "";
      byId("f-end").value = "";
      byId("f-text").value = "";
      byId("f-duplicates").checked = false;
      onChange();
    });
    byId("focus-clear").addEventListener("click", function () {
      state.focus = null;
      renderTable();
    });
    byId("page-prev").addEventListener("click", function () { state.page--; renderTable(); });
    byId("page-next").addEventListener("click", function () { state.page++; renderTable(); });
    document.querySelectorAll("#articles th[data-sort]").forEach(function (th) {
      th.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        state.desc = state.sort === key ? !state.desc : false;
        state.sort = key;
        state.page = 0;
        renderTable();
      });
    });
  }

  function init() {
    var t0 = performance.now();
    var timings = {};
    var mark = function (name) { timings[name] = Math.round(performance.now() - t0); };
    var el = byId("newsdesk-data");
    unpack(el.textContent).then(function (data) {
      mark("unpacked");
      DATA = data;
      N = DATA.articles.id.length;
      window.newsdesk = {
        data: DATA,
        select: selectIds,
        setFilters: function (spec) { state.spec = spec || {}; state.focus = null; return apply(); },
        focusPoint: onClick,
        withText: withText,
        timings: timings,
        drawMs: null
      };
      mark("indexed");
      buildControls();
      mark("controls");
      var sel = select({});
      state.kept = sel.articles;
      state.events = sel.events;
      renderCounts(sel);
      renderTable();
      mark("table");
      return draw(null, mark);
    }).then(function () {
      DATA.figures.forEach(function (spec) {
        var div = byId(spec.div);
        if (div && div.on) div.on("plotly_click", onClick);
      });
      mark("drawn");
      window.newsdesk.drawMs = performance.now() - t0;
      root().setAttribute("data-ready", "1");
      document.body.setAttribute("data-ready", "1");
    }).catch(function (err) {
      byId("counts").textContent = "The report could not start: " + err.message;
      console.error("newsdesk: " + err);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

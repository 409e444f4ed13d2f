/* newsdesk offline report: filters over embedded JSON, figures redrawn with Plotly.react.
 *
 * Reads the data element #newsdesk-data (JSON written by analysis.report), builds the
 * filter controls, and on every change recomputes which articles, places and events the
 * filter keeps, then redraws the figures and the article table.  Text from the corpus is
 * only ever put into the page with textContent / option.text, never as HTML; hover text
 * inside figures was escaped by Python when the data was written.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("newsdesk-data").textContent);
  var CONFIG = { responsive: true, displaylogo: false, scrollZoom: false };
  var state = { sources: null, actors: null, types: null, start: "", end: "", text: "" };

  function byId(id) { return document.getElementById(id); }
  function clone(obj) { return JSON.parse(JSON.stringify(obj)); }
  function setOf(list) { var s = {}; list.forEach(function (x) { s[x] = true; }); return s; }

  /* ---- filters --------------------------------------------------------------- */

  function articleKept(a) {
    if (state.sources && !state.sources[a.source]) return false;
    if (state.start && (!a.date || a.date < state.start)) return false;
    if (state.end && (!a.date || a.date > state.end)) return false;
    if (state.actors) {
      var hit = false;
      for (var i = 0; i < a.actors.length; i++) {
        if (state.actors[a.actors[i]]) { hit = true; break; }
      }
      if (!hit) return false;
    }
    if (state.text) {
      if (a.search.indexOf(state.text) < 0) return false;
    }
    return true;
  }

  function selection() {
    var articles = {};
    var nArticles = 0;
    DATA.articles.forEach(function (a) {
      if (articleKept(a)) { articles[a.id] = true; nArticles++; }
    });
    var events = {};
    var nEvents = 0;
    DATA.events.forEach(function (e) {
      if (articles[e.article] && (!state.types || state.types[e.type])) {
        events[e.id] = true; nEvents++;
      }
    });
    var placeCounts = {};
    var placeSentences = {};
    DATA.placeRows.forEach(function (r) {
      /* r = [article_id, place_id, sentence_key] */
      if (!articles[r[0]]) return;
      placeCounts[r[1]] = (placeCounts[r[1]] || 0) + 1;
      var list = placeSentences[r[1]] || (placeSentences[r[1]] = []);
      if (r[2] && list.indexOf(r[2]) < 0 && list.length < 3) list.push(r[2]);
    });
    var placeArticles = {};
    DATA.placeRows.forEach(function (r) {
      if (!articles[r[0]]) return;
      var s = placeArticles[r[1]] || (placeArticles[r[1]] = {});
      s[r[0]] = true;
    });
    var actorCounts = {};
    var actorArticles = {};
    Object.keys(articles).forEach(function (aid) {
      var counts = DATA.actorMentions[aid] || {};
      Object.keys(counts).forEach(function (act) {
        actorCounts[act] = (actorCounts[act] || 0) + counts[act];
        actorArticles[act] = (actorArticles[act] || 0) + 1;
      });
    });
    return {
      articles: articles, nArticles: nArticles, events: events, nEvents: nEvents,
      placeCounts: placeCounts, placeSentences: placeSentences,
      placeArticles: placeArticles, actorCounts: actorCounts, actorArticles: actorArticles,
      nPlaces: Object.keys(placeCounts).length
    };
  }

  /* ---- figure updates: each keeps the Python figure's traces and layout ------- */

  function pick(trace, keep) {
    /* the trace with only the points whose index is in keep (array of indexes) */
    var t = clone(trace);
    var n = (trace.customdata || []).length;
    function sub(arr) { return Array.isArray(arr) && arr.length === n ? keep.map(function (i) { return arr[i]; }) : arr; }
    ["x", "y", "base", "lat", "lon", "text", "hovertext", "customdata"].forEach(function (k) {
      if (k in t) t[k] = sub(t[k]);
    });
    if (t.marker) {
      ["size", "color", "symbol", "opacity"].forEach(function (k) {
        if (k in t.marker) t.marker[k] = sub(t.marker[k]);
      });
      if (t.marker.pattern && Array.isArray(t.marker.pattern.shape)) {
        t.marker.pattern.shape = sub(t.marker.pattern.shape);
      }
    }
    return t;
  }

  function indexes(trace, test) {
    var out = [];
    (trace.customdata || []).forEach(function (cd, i) { if (test(cd, i)) out.push(i); });
    return out;
  }

  function updateMap(fig, sel) {
    return fig.data.map(function (trace) {
      var role = (trace.meta || {}).newsdesk;
      if (role === "places") {
        var keep = indexes(trace, function (cd) { return sel.placeCounts[cd[0]] > 0; });
        var t = pick(trace, keep);
        t.customdata = t.customdata.map(function (cd) {
          return [cd[0], sel.placeCounts[cd[0]], Object.keys(sel.placeArticles[cd[0]] || {}).length];
        });
        t.marker.size = t.customdata.map(function (cd) { return cd[1]; });
        t.hovertext = t.customdata.map(function (cd) {
          var info = DATA.places[cd[0]] || { head: "" };
          var lines = (sel.placeSentences[cd[0]] || []).map(function (k) { return "• " + DATA.sentences[k]; });
          return info.head + "<br>" + cd[1] + " mention(s) in " + cd[2] + " article(s)<br>" + lines.join("<br>");
        });
        return t;
      }
      if (role === "events" || role === "arc") {
        return pick(trace, indexes(trace, function (cd) { return sel.events[cd[0]]; }));
      }
      return trace;
    });
  }

  function updateTimeline(fig, sel) {
    return fig.data.map(function (trace) {
      var role = (trace.meta || {}).newsdesk;
      if (role === "timeline" || role === "timeline_marker") {
        /* a grouped mark (one real-world event) lists its member events in cd[3] */
        return pick(trace, indexes(trace, function (cd) {
          var ids = Array.isArray(cd[3]) ? cd[3] : [cd[0]];
          return ids.some(function (id) { return sel.events[id]; });
        }));
      }
      return trace;
    });
  }

  function updateActors(fig, sel, layout) {
    var top = DATA.topActors;
    var ranked = Object.keys(sel.actorCounts).filter(function (a) { return DATA.actors[a]; });
    ranked.sort(function (a, b) {
      return (sel.actorCounts[b] - sel.actorCounts[a]) ||
        (DATA.actors[a].name < DATA.actors[b].name ? -1 : 1);
    });
    ranked = ranked.slice(0, top);
    var data = fig.data.map(function (trace) {
      var t = clone(trace);
      var kind = trace.name;
      var ids = ranked.filter(function (a) { return DATA.actors[a].kind === kind; });
      t.x = ids.map(function (a) { return sel.actorCounts[a]; });
      t.y = ids.map(function (a) { return DATA.actors[a].label; });
      t.customdata = ids.map(function (a) { return [a, sel.actorArticles[a]]; });
      return t;
    });
    layout.yaxis = layout.yaxis || {};
    layout.yaxis.categoryarray = ranked.map(function (a) { return DATA.actors[a].label; }).reverse();
    return data;
  }

  function updateNetwork(fig, sel) {
    return fig.data.map(function (trace) {
      var role = (trace.meta || {}).newsdesk;
      if (role === "node") {
        return pick(trace, indexes(trace, function (cd) { return sel.actorCounts[cd[0]] > 0; }));
      }
      if (role === "edge") {
        return pick(trace, indexes(trace, function (cd) {
          var ends = cd[0].split("|");
          return sel.actorCounts[ends[0]] > 0 && sel.actorCounts[ends[1]] > 0;
        }));
      }
      return trace;
    });
  }

  var UPDATERS = { map: updateMap, timeline: updateTimeline, actors: updateActors, network: updateNetwork };

  function draw(sel) {
    return Promise.all(DATA.figures.map(function (spec) {
      var div = byId(spec.div);
      var layout = clone(spec.figure.layout || {});
      var data = sel ? UPDATERS[spec.kind](spec.figure, sel, layout) : spec.figure.data;
      return Plotly.react(div, data, layout, CONFIG);
    }));
  }

  /* ---- table and counts ---------------------------------------------------- */

  function renderTable(sel) {
    var body = byId("articles-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    DATA.articles.forEach(function (a) {
      if (!sel.articles[a.id]) return;
      var tr = document.createElement("tr");
      tr.setAttribute("data-article", a.id);
      [a.date || "", a.source, null, a.actorNames, String(a.nPlaces), String(a.nEvents)].forEach(function (value, i) {
        var td = document.createElement("td");
        if (i === 2) {
          if (a.url) {
            var link = document.createElement("a");
            link.href = a.url;
            link.rel = "noopener noreferrer";
            link.target = "_blank";
            link.textContent = a.title;
            td.appendChild(link);
          } else {
            td.textContent = a.title;
          }
          var snippet = document.createElement("div");
          snippet.className = "snippet";
          snippet.textContent = a.snippet;
          td.appendChild(snippet);
        } else {
          td.textContent = value;
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function renderCounts(sel) {
    byId("counts").textContent = sel.nArticles + " of " + DATA.articles.length + " articles, " +
      sel.nPlaces + " places, " + sel.nEvents + " events";
  }

  function apply() {
    var sel = selection();
    draw(sel);
    renderTable(sel);
    renderCounts(sel);
    document.body.setAttribute("data-articles", String(sel.nArticles));
    document.body.setAttribute("data-events", String(sel.nEvents));
    document.body.setAttribute("data-places", String(sel.nPlaces));
  }

  /* ---- controls ------------------------------------------------------------ */

  function checkedValues(containerId) {
    var boxes = byId(containerId).querySelectorAll("input[type=checkbox]");
    var all = true;
    var out = [];
    boxes.forEach(function (b) { if (b.checked) out.push(b.value); else all = false; });
    return all ? null : setOf(out);
  }

  function checkboxes(containerId, values) {
    var box = byId(containerId);
    values.forEach(function (v) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = v.value;
      input.addEventListener("change", onChange);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + v.label));
      box.appendChild(label);
    });
  }

  function onChange() {
    state.sources = checkedValues("f-sources");
    state.types = checkedValues("f-types");
    var actorSel = byId("f-actors");
    var chosen = [];
    for (var i = 0; i < actorSel.options.length; i++) {
      if (actorSel.options[i].selected) chosen.push(actorSel.options[i].value);
    }
    state.actors = chosen.length ? setOf(chosen) : null;
    state.start = byId("f-start").value || "";
    state.end = byId("f-end").value || "";
    state.text = (byId("f-text").value || "").trim().toLowerCase();
    apply();
  }

  function init() {
    checkboxes("f-sources", DATA.sources.map(function (s) { return { value: s, label: s }; }));
    checkboxes("f-types", DATA.eventTypes.map(function (s) { return { value: s, label: s }; }));
    var actorSel = byId("f-actors");
    DATA.actorOptions.forEach(function (a) {
      var opt = document.createElement("option");
      opt.value = a;
      opt.text = DATA.actors[a].name + " (" + DATA.actors[a].mentions + ")";
      actorSel.appendChild(opt);
    });
    actorSel.addEventListener("change", onChange);
    ["f-start", "f-end"].forEach(function (id) {
      var el = byId(id);
      if (DATA.dateMin) el.min = DATA.dateMin;
      if (DATA.dateMax) el.max = DATA.dateMax;
      el.addEventListener("change", onChange);
    });
    byId("f-text").addEventListener("input", onChange);
    byId("f-reset").addEventListener("click", function () {
      document.querySelectorAll("#filters input[type=checkbox]").forEach(function (b) { b.checked = true; });
      for (var i = 0; i < actorSel.options.length; i++) actorSel.options[i].selected = false;
      byId("f-start").value = "";
      byId("f-end").value = "";
      byId("f-text").value = "";
      onChange();
    });
    var t0 = performance.now();
    var sel = selection();
    renderTable(sel);
    renderCounts(sel);
    window.newsdesk = { apply: apply, state: state, data: DATA, onChange: onChange, drawMs: null };
    draw(null).then(function () {
      window.newsdesk.drawMs = performance.now() - t0;
      document.body.setAttribute("data-ready", "1");
    }, function (err) {
      console.error("newsdesk: a figure failed to draw: " + err);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* The controls of a view page: search, filters, focus, path, layout, permalink, PNG, table links.
 * Works on window.orgmodelView (orgview.js). All text goes in with textContent. */
(function () {
  "use strict";

  var view = window.orgmodelView;
  if (!view) { return; }
  var config = view.config;
  var texts = config.texts;
  var urls = config.urls || {};
  var raw = view.raw;
  var network = null;

  function byId(id) { return document.getElementById(id); }

  /* The element of the drawing that takes the keys: vis-network's frame (orgview.js). */
  function drawing() {
    var box = byId("network");
    return (box && box.querySelector(".vis-network")) || box;
  }

  /* --- selecting and searching -------------------------------------------------------------- */

  function select(id, quiet) {
    return view.reveal(id).then(function (found) {
      if (!found) { view.status(texts.search_none); return false; }
      var node = view.nodeData.get(id);
      // A node searched for is shown whatever its kind; one a permalink restores keeps the
      // link's filters (its kind came back on every reload).
      if (!quiet && raw.hiddenKinds.has(node.kind)) { raw.hiddenKinds.delete(node.kind); }
      if (raw.focus && raw.focus !== id) { raw.focus = null; }
      if (raw.layout === "grid" && node.gx === undefined) { setLayout("network"); }
      raw.sel = id;
      view.apply();
      network.selectNodes([id]);
      // A restored selection on the grid keeps the whole grid in view (it is read as a whole),
      // and one within a focus or a topic keeps what they show in view.
      if (!(quiet && (raw.layout === "grid" || raw.focus || raw.topic))) {
        network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
      }
      view.remember();
      if (!quiet) {
        view.status(texts.search_found.replace("{name}", view.said(node)) + " — " +
          view.summary(node));
        // ... and seen: at 200 % zoom the drawing, with the node in its middle, lay above the
        // screen (the accessibility probe)
        var box = byId("network").getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) {
          byId("network").scrollIntoView({ block: "nearest" });
        }
      }
      return true;
    });
  }

  function localSearch(query) {
    var hits = [];
    view.nodeData.forEach(function (node, id) {
      if (node.temp) { return; }
      var score = window.orgmodelText.score(query, [node.label, node.da || "", node.en || "", id,
        node.kle || ""]);
      if (score > 0) { hits.push({ id: id, name: node.label, kind: node.kind, score: score }); }
    });
    hits.sort(function (a, b) { return b.score - a.score || a.name.localeCompare(b.name); });
    return hits.slice(0, 10);
  }

  /* The same search as the API: the server's when there is one, else the embedded node list. */
  function search(query) {
    // The nodes the view makes itself (a KLE main group's box) are no store's: the server's
    // search cannot find them, the page's own list can, and they come first ("81").
    var made = localSearch(query).filter(function (hit) {
      return view.nodeData.get(hit.id).synthetic;
    });
    var found = urls.search ?
      view.fetchJson(view.fill(urls.search, { q: query })).then(function (answer) {
        return made.concat(view.asList(answer, ["items", "results", "hits"]));
      }).catch(function () { return localSearch(query); }) :
      Promise.resolve(localSearch(query));
    return found.then(function (hits) {
      var inView = hits.filter(function (hit) { return view.nodeData.has(hit.id); });
      var target = inView[0] || (view.isPartial() ? hits[0] : null);
      // Only what the view can show: its nodes, or on a partial view any (it is fetched).
      showHits(view.isPartial() ? hits : inView);
      if (!target) { view.status(texts.search_none); return hits; }
      // What the search finds best is not in this view (the mayor on the case route): say so,
      // rather than "found" a node it fits far less well; the list offers those that are here.
      if (!view.isPartial() && target !== hits[0] && clearlyBetter(hits[0], target)) {
        // In the page's language: "Payroll" is not in this view, on an English page.
        var name = hitName(hits[0]);
        // ... and that the list holds those that are, which the status alone seemed to deny
        view.status(texts.search_elsewhere.replace("{name}", name) + " " +
          texts.search_in_list.replace("{count}", Math.min(inView.length, 8)));
        return hits;
      }
      return select(target.id).then(function (found) {
        var listed = Math.min((view.isPartial() ? hits : inView).length, 8);
        if (found && listed > 1) {  // ... and how many the list holds, not the first alone
          view.status(view.statusText() + " " +
            texts.search_in_list.replace("{count}", listed));
        }
        return hits;
      });
    });
  }

  /* A search hit's name in the page's language: a Danish one on an English page (the data
   * has no English for it) marked so, for the status and the list to say lang="da". */
  function hitName(hit) {
    var shown = view.nodeData.get(hit.id);  // the view's own label, in the page's language
    if (shown) { return view.said(shown); }
    if (config.lang !== "en") { return hit.name || hit.id; }
    if (hit.name_en) { return hit.name_en; }
    return hit.name ? window.orgmodelText.danish(hit.name) : hit.id;
  }

  /* Whether hit ``best`` fits the query clearly better than ``other`` (scores from one search). */
  function clearlyBetter(best, other) {
    return typeof best.score === "number" && typeof other.score === "number" &&
      other.score < best.score * 0.9;
  }

  function showHits(hits) {
    var list = byId("search-results");
    if (!list) { return; }
    list.replaceChildren();
    // The box says it has a list, and whether it is open, as a combobox does (the
    // accessibility probe: nothing said there was one)
    var input = byId("search-input");
    if (input) {
      input.setAttribute("aria-controls", "search-results");
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    }
    hits.slice(0, 8).forEach(function (hit) {
      var item = document.createElement("li");
      // The view's own label is in the page's language; the search answers in Danish.
      var shown = view.nodeData.get(hit.id);
      var button = view.element("button", "hit", hitName(hit));
      button.type = "button";
      // A unit by its level, as the status line and the tooltip say it ("Enhed" beside
      // "Afdeling" named one node two ways).
      var kind = (shown && shown.level && config.levelNames[shown.level]) ||
        config.kindNames[hit.kind] || hit.kind;
      button.appendChild(view.element("span", "hit-kind", " · " + kind));
      // A hit chosen closes the list, as a menu does; the keys go back to the search box.
      button.addEventListener("click", function () {
        select(hit.id).then(function (found) {
          if (!found) { return; }
          var hadFocus = list.contains(document.activeElement);
          showHits([]);
          if (hadFocus) { byId("search-input").focus(); }
        });
      });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  /* The arrow keys walk the list of hits, as in a menu. */
  function moveInHits(event, index) {
    var buttons = byId("search-results").querySelectorAll("button.hit");
    if (!buttons.length) { return; }
    event.preventDefault();
    buttons[index].focus();
  }

  /* --- focus, path and layout --------------------------------------------------------------- */

  /* Said in the status line (read out by screen readers) when the drawing changes: a count
   * from before (a filter's) would describe another drawing. */
  function sayShown(more) {
    view.status(texts.filter_shown.replace("{shown}", view.visibleNodeCount())
      .replace("{total}", view.nodeCount()) + (more ? " " + more : ""));
  }

  function focusOn(id, depth) {
    raw.focus = id;
    raw.depth = depth;
    view.apply();
    fitVisible();
    view.remember();
    var parts = view.partsOf(id).length;  // why a department's focus shows more than its own ties
    var node = view.nodeData.get(id);
    var said = [parts ? texts.focus_parts.replace("{name}", node ? view.said(node) : id)
      .replace("{count}", parts) : "", hiddenTiesSaid(id)];
    sayShown(said.filter(Boolean).join(" "));
  }

  /* The focus follows only the relations drawn: those of the node's own that a filter hides
   * are named, so that a post focused in the org chart, whose reporting lines are not drawn
   * at first, is not taken to have no superior and no one reporting to it. */
  function hiddenTiesSaid(id) {
    var types = {};
    view.edgeData.forEach(function (edge) {
      if ((edge.from === id || edge.to === id) && raw.hiddenTypes.has(edge.type)) {
        types[edge.type] = true;
      }
    });
    var names = Object.keys(types).sort().map(function (type) {
      return config.edgeNames[type] || type;
    });
    return names.length ? texts.focus_hidden.replace("{types}", names.join(", ")) : "";
  }

  /* The focus alone taken away, the drawing kept where it is about: the node selected in
   * view at a legible scale (the keyboard's second Enter; "Vis alt" shows all, path and topic
   * cleared too, fitted whole, where no label could be read on a phone). */
  function unfocus() {
    raw.focus = null;
    view.apply();
    var selected = raw.sel && view.nodeData.has(raw.sel) && !view.isOut(raw.sel) ? raw.sel : null;
    if (selected) {
      network.moveTo({ position: network.getPosition(selected),
        scale: Math.max(network.getScale(), LEGIBLE), animation: false });
    } else {
      fitVisible();
    }
    view.remember();
    sayShown();
  }

  function clearFocus() {
    raw.focus = null;
    raw.topic = "";
    view.clearPath();
    view.apply();
    fitVisible();  // the whole grid with its quadrant titles, on the grid
    view.remember();
    sayShown();
  }

  function fitVisible() {
    if (raw.layout === "grid" && !raw.focus && view.extra().grid) { fitGrid(view.extra().grid); return; }
    var ids = [];
    view.nodes.forEach(function (node) { if (!node.hidden) { ids.push(node.id); } });
    network.fit({ nodes: ids, animation: false });
    // On a phone a focus fitted whole was boxes with no names (a scale of 0.2-0.3): the
    // focused node at a legible scale, its neighbours a pan away.
    if (raw.focus && network.getScale() < LEGIBLE && view.nodeData.has(raw.focus)) {
      network.moveTo({ position: network.getPosition(raw.focus), scale: LEGIBLE,
        animation: false });
    }
  }

  /* The whole influence/interest grid in view, its quadrant titles and axis labels included:
   * fitting its nodes alone cut off a quadrant with no one in its top rows. */
  var GRID_MARGIN = 48;  // room for the axis labels drawn outside the grid (drawGrid)

  // The whole grid while its labels are drawn at all (vis-network drops those under 5 px: a
  // scale of ~0.35 for the 14 px labels); else a quadrant at the scale a view opens at.
  var GRID_WHOLE_MIN = 0.36, LEGIBLE = 0.45;

  function fitGrid(grid) {
    var box = byId("network");
    function fitting(width, height) {
      return Math.min(box.clientWidth / (width + 2 * GRID_MARGIN),
        box.clientHeight / (height + 2 * GRID_MARGIN));
    }
    var scale = fitting(grid.width, grid.height);
    if (scale >= GRID_WHOLE_MIN) {
      network.moveTo({ position: { x: 0, y: 0 }, scale: scale, animation: false });
      return;
    }
    // On a phone the whole grid was coloured boxes with no names: it opens on its "manage
    // closely" quadrant (top right: high influence, high interest), legible; "Vis alt" or a
    // pinch shows the rest.
    network.moveTo({ position: { x: grid.width / 4, y: -grid.height / 4 },
      scale: Math.max(LEGIBLE, fitting(grid.width / 2, grid.height / 2)), animation: false });
  }

  function setLayout(layout) {
    raw.layout = layout;
    var updates = [];
    view.nodeData.forEach(function (node, id) {
      if (node.gx === undefined) { return; }
      updates.push(layout === "grid" ? { id: id, x: node.gx, y: node.gy } : { id: id, x: node.x, y: node.y });
    });
    view.nodes.update(updates);
    view.apply();
    fitVisible();
    view.remember();
  }

  /* The influence/interest quadrants, drawn on the canvas under the nodes in grid layout. */
  function drawGrid(ctx) {
    var grid = view.extra().grid;
    if (!grid) { return; }
    var w = grid.width / 2;
    var h = grid.height / 2;
    var quadrants = [
      [0, -h, texts.q_manage, "#fde0dc"], [-w, -h, texts.q_satisfy, "#fff3cd"],
      [0, 0, texts.q_inform, "#dcedc8"], [-w, 0, texts.q_monitor, "#eceff1"]
    ];
    quadrants.forEach(function (q) {
      ctx.fillStyle = q[3];
      ctx.fillRect(q[0], q[1], w, h);
      ctx.fillStyle = "#37474f";
      ctx.font = "bold 22px system-ui, sans-serif";
      ctx.fillText(q[2], q[0] + 16, q[1] + 34);
    });
    ctx.strokeStyle = "#90a4ae";
    ctx.lineWidth = 2;
    ctx.strokeRect(-w, -h, 2 * w, 2 * h);
    ctx.font = "18px system-ui, sans-serif";
    ctx.fillStyle = "#263238";
    ctx.fillText(texts.interest + " →", w - 160, h + 32);
    ctx.save();
    ctx.translate(-w - 18, -h + 200);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(texts.influence + " →", 0, 0);
    ctx.restore();
  }

  /* What the PNG's legend names: the kinds of the nodes it shows and the types of its edges,
   * in the order of the panel's legend, with their colours. */
  function legendItems() {
    var kinds = {}, types = {};
    view.nodes.forEach(function (node) { if (!node.hidden && node.group) { kinds[node.group] = true; } });
    view.edges.forEach(function (edge) {
      var data = view.edgeData.get(edge.id);
      if (!edge.hidden && data) { types[data.type] = true; }
    });
    var groups = (config.options || {}).groups || {};
    var items = [];
    Object.keys(config.kindNames).forEach(function (kind) {
      if (kinds[kind] && groups[kind]) {
        items.push({ label: config.kindNames[kind], fill: groups[kind].color.background,
          line: groups[kind].color.border });
      }
    });
    Object.keys(config.edgeStyles).forEach(function (type) {
      if (types[type] && config.edgeNames[type]) {
        items.push({ label: config.edgeNames[type], stroke: config.edgeStyles[type].color,
          mark: config.edgeStyles[type].markPath });
      }
    });
    return items;
  }

  /* An edge type's line and end mark, as the page's legend draws them (the same path data,
   * in its 30 x 12 box), from (x, y). */
  function drawEdgeSwatch(ctx, item, x, y, ratio) {
    var path = item.mark ? item.mark[0] : "", filled = item.mark && item.mark[1];
    ctx.save();
    ctx.translate(x, y);
    ctx.scale(ratio, ratio);
    ctx.strokeStyle = item.stroke;
    ctx.fillStyle = item.stroke;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(1, 6);
    ctx.lineTo(path ? 21 : 29, 6);
    ctx.stroke();
    if (path) {
      var shape = new Path2D(path);
      if (filled) { ctx.fill(shape); } else { ctx.lineWidth = 2.2; ctx.stroke(shape); }
    }
    ctx.restore();
  }

  /* Lay the legend out in rows from (x, y) within `width`, drawing it when `draw`; the height
   * it takes. Text drawn, not markup. */
  function legendRows(ctx, items, x, y, width, ratio, draw) {
    var mark = 12 * ratio, row = 20 * ratio, left = x;
    ctx.font = Math.round(12 * ratio) + "px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    items.forEach(function (item) {
      var swatch = item.stroke ? 30 * ratio : mark;
      var wide = swatch + 6 * ratio + ctx.measureText(item.label).width;
      if (x > left && x + wide > left + width) { x = left; y += row; }
      if (draw) {
        if (item.stroke) {
          drawEdgeSwatch(ctx, item, x, y + (row - 12 * ratio) / 2, ratio);
        } else {
          ctx.fillStyle = item.fill;
          ctx.fillRect(x, y + (row - mark) / 2, mark, mark);
          ctx.strokeStyle = item.line;
          ctx.lineWidth = ratio;
          ctx.strokeRect(x, y + (row - mark) / 2, mark, mark);
        }
        ctx.fillStyle = config.selectedLabel;
        ctx.fillText(item.label, x + swatch + 6 * ratio, y + row / 2);
      }
      x += wide + 16 * ratio;
    });
    ctx.textBaseline = "alphabetic";
    return items.length ? y + row : y;
  }

  /* The view as drawn, under a caption that says what it is (its title, the date it shows and
   * the address that opens it again) and over a legend of what its colours mean: a PNG alone
   * told none of them. */
  /* ``text`` cut to ``width`` on ``ctx`` with an ellipsis: a permalink's long hash ran off
   * the image's edge. */
  function fitted(ctx, text, width) {
    if (ctx.measureText(text).width <= width) { return text; }
    var low = 0, high = text.length;
    while (low < high) {
      var middle = Math.ceil((low + high) / 2);
      if (ctx.measureText(text.slice(0, middle) + "…").width <= width) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return text.slice(0, low) + "…";
  }

  /* The most a PNG's drawing may be, in canvas pixels: a side, and in all (a browser refuses
   * bigger canvases, and one of 12 million pixels is some 50 MB while it is made). */
  var PNG_SIDE = 6000, PNG_AREA = 12e6;

  /* ``draw()`` with the network drawn whole (what the filters leave) at the scale its labels
   * were made for, or as near as the limits above allow, then the page's own view put back:
   * the PNG was the screen's crop (35 of an org chart's 53 nodes off it), or after "Vis alt"
   * boxes with no legible label. All of it happens before the browser paints again. */
  function drawnWhole(draw) {
    var ids = view.nodes.getIds({ filter: function (node) { return !node.hidden; } });
    if (!ids.length) { network.redraw(); return draw(); }
    var box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      box.left = Math.min(box.left, b.left); box.top = Math.min(box.top, b.top);
      box.right = Math.max(box.right, b.right); box.bottom = Math.max(box.bottom, b.bottom);
    });
    // ... and on the grid, the whole grid with its quadrant titles and axis labels: its top
    // quadrants' titles ("Håndter tæt") lay above the nodes, off the picture.
    var grid = raw.layout === "grid" && view.extra().grid;
    if (grid) {
      box.left = Math.min(box.left, -grid.width / 2 - GRID_MARGIN);
      box.top = Math.min(box.top, -grid.height / 2 - GRID_MARGIN);
      box.right = Math.max(box.right, grid.width / 2 + GRID_MARGIN);
      box.bottom = Math.max(box.bottom, grid.height / 2 + GRID_MARGIN);
    }
    var pad = 30;
    var wide = box.right - box.left + 2 * pad, high = box.bottom - box.top + 2 * pad;
    var ratio = window.devicePixelRatio || 1;
    var scale = Math.min(1, PNG_SIDE / ratio / wide, PNG_SIDE / ratio / high,
      Math.sqrt(PNG_AREA / (ratio * ratio * wide * high)));
    var container = byId("network");
    var kept = { style: container.getAttribute("style"), position: network.getViewPosition(),
      scale: network.getScale() };
    container.style.width = Math.max(Math.ceil(wide * scale), container.clientWidth) + "px";
    container.style.height = Math.max(Math.ceil(high * scale), container.clientHeight) + "px";
    network.setSize(container.style.width, container.style.height);
    network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
      scale: scale, animation: false });
    network.redraw();
    try {
      return draw();
    } finally {
      if (kept.style === null) { container.removeAttribute("style"); } else {
        container.setAttribute("style", kept.style);
      }
      network.setSize("100%", "100%");
      network.moveTo({ position: kept.position, scale: kept.scale, animation: false });
      network.redraw();
    }
  }

  function exportPng() {
    return drawnWhole(pngOfCanvas);
  }

  function pngOfCanvas() {
    var canvas = byId("network").querySelector("canvas");
    var ratio = canvas.width / (canvas.clientWidth || canvas.width);
    var head = Math.round(54 * ratio);
    var items = legendItems();
    var margin = 12 * ratio;
    var measure = document.createElement("canvas").getContext("2d");
    var foot = Math.ceil(legendRows(measure, items, margin, 0, canvas.width - 2 * margin, ratio,
      false) + (items.length ? margin : 0));
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height + head + foot;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = config.selectedLabel;
    var room = out.width - 2 * margin;
    ctx.font = "bold " + Math.round(16 * ratio) + "px system-ui, sans-serif";
    ctx.fillText(fitted(ctx, document.title, room), margin, 22 * ratio);
    ctx.font = Math.round(12 * ratio) + "px system-ui, sans-serif";
    var day = config.asOf || new Date().toISOString().slice(0, 10);
    ctx.fillText(fitted(ctx, texts.png_caption.replace("{date}", day)
      .replace("{url}", view.permalink()), room), margin, 42 * ratio);
    ctx.drawImage(canvas, 0, head);
    legendRows(ctx, items, margin, canvas.height + head + margin / 2, canvas.width - 2 * margin,
      ratio, true);
    var data = out.toDataURL("image/png");
    var link = byId("png-link");  // in the panel, which comes after the first draw
    if (link) {
      link.href = data;
      link.download = "orgmodel-" + config.view + ".png";
      link.click();
      // said, as every other tool says what it did (the accessibility probe: the status still
      // said the permalink was ready)
      view.status(texts.png_saved.replace("{file}", link.download));
    }
    return data;
  }

  /* --- the controls ---------------------------------------------------------------------- */

  function checkedValues(selector, checked) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (box) {
      return box.checked === checked;
    }).map(function (box) { return box.value; });
  }

  function sync(current) {
    document.querySelectorAll(".kind-filter").forEach(function (box) {
      box.checked = current.hiddenKinds.indexOf(box.value) < 0;
    });
    document.querySelectorAll(".type-filter").forEach(function (box) {
      box.checked = current.hiddenTypes.indexOf(box.value) < 0;
    });
    document.querySelectorAll("input[name=filter-mode]").forEach(function (radio) {
      radio.checked = radio.value === current.mode;
    });
    var depth = byId("focus-depth");
    if (depth) { depth.value = String(current.depth); }
    var topic = byId("topic-select");
    if (topic) { topic.value = current.topic; }
    var toggle = byId("layout-toggle");
    if (toggle) { toggle.setAttribute("aria-pressed", current.layout === "grid" ? "true" : "false"); }
    // The links to this view in another language or on today keep its state (the probe's
    // "Vis i dag" dropped the focus, depth and filters the date form kept)
    ["lang-toggle", "today-link"].forEach(function (id) {
      var link = byId(id);
      if (link) { link.hash = location.hash; }
    });
    var box = byId("permalink");
    if (box) { box.value = location.href; }
  }

  function on(id, event, handler) {
    var target = byId(id);
    if (target) { target.addEventListener(event, handler); }
  }

  function nodeByName(text) {
    var wanted = window.orgmodelText.fold(text);
    var found = null;
    view.nodeData.forEach(function (node, id) {
      if (!found && (id === text || window.orgmodelText.fold(node.label) === wanted)) { found = id; }
    });
    return found || (localSearch(text)[0] || {}).id || null;
  }

  function wire() {
    on("search-form", "submit", function (event) {
      event.preventDefault();
      var query = byId("search-input").value.trim();
      if (query) { search(query); } else {
        showHits([]);  // the hits of the search before would seem to answer an empty one
        view.status(texts.search_empty);  // not nothing
      }
    });
    on("search-input", "keydown", function (event) {
      if (event.key === "Escape") { showHits([]); }  // the list of hits closes, as a menu would
      if (event.key === "ArrowDown") { moveInHits(event, 0); }  // ... and opens downwards
    });
    on("search-results", "keydown", function (event) {
      var buttons = Array.from(byId("search-results").querySelectorAll("button.hit"));
      var at = buttons.indexOf(document.activeElement);
      if (at < 0) { return; }
      if (event.key === "ArrowDown") { moveInHits(event, Math.min(at + 1, buttons.length - 1)); }
      if (event.key === "ArrowUp") {
        if (at > 0) { moveInHits(event, at - 1); } else { event.preventDefault(); byId("search-input").focus(); }
      }
      if (event.key === "Escape") { showHits([]); byId("search-input").focus(); }
    });
    document.querySelectorAll(".kind-filter, .type-filter").forEach(function (box) {
      box.addEventListener("change", function () {
        raw.hiddenKinds = new Set(checkedValues(".kind-filter", false));
        raw.hiddenTypes = new Set(checkedValues(".type-filter", false));
        view.apply();
        view.remember();
        sayShown();
      });
    });
    document.querySelectorAll("input[name=filter-mode]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        raw.mode = radio.value;
        view.apply();
        view.remember();
        sayShown();  // fading shows every node again: a count from hiding would be wrong
      });
    });
    on("focus-button", "click", function () {
      if (!raw.sel) { view.status(texts.focus_hint); return; }
      focusOn(raw.sel, parseInt(byId("focus-depth").value, 10) || 1);
    });
    on("focus-depth", "change", function () {
      if (raw.focus) { focusOn(raw.focus, parseInt(byId("focus-depth").value, 10) || 1); }
    });
    on("focus-clear", "click", clearFocus);
    on("path-form", "submit", function (event) {
      event.preventDefault();
      // Which name was not understood, not "no path": the two nodes may well be joined.
      var names = [byId("path-from").value.trim(), byId("path-to").value.trim()];
      if (!names[0] || !names[1]) { view.status(texts.path_names); return; }
      var ends = names.map(nodeByName);
      var unknown = names.filter(function (name, index) { return !ends[index]; });
      if (unknown.length) { view.status(texts.path_unknown.replace("{name}", unknown[0])); return; }
      if (ends[0] === ends[1]) { view.status(texts.path_same.replace("{name}", names[0])); return; }
      view.showPath(ends[0], ends[1]);
    });
    on("permalink-button", "click", function () {
      var box = byId("permalink");
      box.value = view.permalink();
      box.focus();
      box.select();
      if (navigator.clipboard) { navigator.clipboard.writeText(box.value).catch(function () { return null; }); }
      view.status(texts.permalink_copied);
    });
    on("png-button", "click", exportPng);
    // A tooltip goes away with Escape, as content shown on hover must (WCAG 1.4.13); the
    // next hover shows it again.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll("div.vis-tooltip").forEach(function (tip) {
        tip.style.visibility = "hidden";
      });
    });
    on("topic-select", "change", function () {
      raw.topic = byId("topic-select").value;
      view.apply();
      // The topic's few nodes in view, as focus does: they may lie far apart off screen.
      if (raw.topic) { fitVisible(); } else { network.fit({ animation: false }); }
      view.remember();
      sayShown();
    });
    on("layout-toggle", "click", function () {
      setLayout(raw.layout === "grid" ? "network" : "grid");
      view.status(raw.layout === "grid" ? texts.grid_shown : texts.network_shown);
    });
    on("asof-form", "submit", function (event) {
      event.preventDefault();
      var form = byId("asof-form");
      var url = new URL(form.action, location.href);
      // The form's fields replace the address's (an emptied date is today: no as_of).
      new FormData(form).forEach(function (value, key) {
        if (value) { url.searchParams.set(key, value); } else { url.searchParams.delete(key); }
      });
      url.hash = location.hash;
      location.assign(url.toString());
    });
    document.querySelectorAll("a.node-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        // The keyboard goes with the eye: to the drawing, where the name was selected; Tab or
        // Escape there takes it back to the name in the table, not to the table's first row.
        select(link.getAttribute("data-node")).then(function () {
          cameFrom = link;
          drawing().focus({ preventScroll: true });
          byId("network").scrollIntoView();
        });
      });
    });
    var cameFrom = null;
    byId("network").addEventListener("keydown", function (event) {
      if (!cameFrom || event.shiftKey || (event.key !== "Tab" && event.key !== "Escape")) { return; }
      // An Escape that closes a tooltip does that first (one key did two things) ...
      if (event.key === "Escape" && tipShown()) { return; }
      var back = cameFrom;
      cameFrom = null;
      // ... and a name a focus or filter has hidden since is no way back (the key did nothing)
      if (!back.getClientRects().length) { return; }
      event.preventDefault();
      back.focus();
    });
    byId("network").addEventListener("focusout", function () { cameFrom = null; });
    // A skip link moves the focus, not the view's state, which the address's hash holds.
    document.querySelectorAll("a.skip-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = byId(link.getAttribute("href").slice(1));
        if (!target) { return; }
        event.preventDefault();
        if (target.id === "network") { target = drawing(); }
        if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
        target.focus();
        target.scrollIntoView();
      });
    });
    function restoreFromUrl() {
      // "#main" (a link followed some other way) is no state: keep the view as it is.
      if (location.hash.length > 1 && location.hash.indexOf("=") < 0) { return; }
      restore();
    }
    window.addEventListener("hashchange", restoreFromUrl);
    window.addEventListener("popstate", restoreFromUrl);  // Back to the node seen before
  }

  function fillNames() {
    var names = byId("node-names");
    if (!names) { return; }
    var seen = new Set();
    var options = document.createDocumentFragment();
    view.nodeData.forEach(function (node) {
      if (seen.size < 3000 && !seen.has(node.label)) {
        seen.add(node.label);
        var option = document.createElement("option");
        option.value = node.label;
        options.appendChild(option);
      }
    });
    names.appendChild(options);
  }

  /* Put the page in the state the URL hash describes (the permalink). ``opened``: the page
   * was just opened by it (a name followed from the table page), not stepped back to. */
  function restore(opened) {
    view.fromHash(location.hash, view.defaultHidden(), view.defaultHiddenKinds());
    if (raw.layout === "grid") { setLayout("grid"); }
    // A step back may leave the path or the selection the page shows now.
    var path = raw.path;
    view.clearPath();
    raw.path = path;
    if (!raw.sel) { network.unselectAll(); }
    // A permalink may name what the view does not hold (a stale or mistyped link): said, as
    // the path form says it, not a whole view with no word, or "no path" after asking the
    // server about ids no node has.
    var missing = [raw.focus].concat(raw.path || [], view.isPartial() ? [] : [raw.sel])
      .filter(function (id) { return id && !view.nodeData.has(id); });
    if (raw.focus && !view.nodeData.has(raw.focus)) { raw.focus = null; }
    if (raw.sel && missing.indexOf(raw.sel) >= 0) { raw.sel = null; }
    if (raw.path && !raw.path.every(function (id) { return view.nodeData.has(id); })) { raw.path = null; }
    view.apply();
    if (missing.length) {
      view.status(texts.path_unknown.replace("{name}", missing[0]));
    } else if (raw.focus || raw.topic || view.visibleNodeCount() === 0) {
      // What the link narrows the drawing to is said, as when it is chosen (and every kind
      // hidden is not a blank, unexplained canvas).
      sayShown();
    }
    var steps = [];
    if (raw.path) { steps.push(function () { return view.showPath(raw.path[0], raw.path[1]); }); }
    if (raw.focus || raw.topic) { steps.push(function () { fitVisible(); return Promise.resolve(); }); }
    // A node selected by the link (a name followed from the table page) is said, as a search
    // says it, unless what the link narrows the drawing to was said above.
    var said = missing.length || raw.focus || raw.topic || view.visibleNodeCount() === 0;
    if (raw.sel) {
      steps.push(function () {
        return select(raw.sel, true).then(function (found) {
          var node = found && !said && view.nodeData.get(raw.sel);
          if (node) {
            view.status(texts.search_found.replace("{name}", view.said(node)) + " — " +
              view.summary(node));
          }
          // The keyboard goes with the eye to the drawing, where the name is selected (the
          // accessibility probe: it was on the page's top, a whole panel of Tabs away), unless
          // the visitor has moved it since.
          if (found && opened && document.activeElement === document.body) {
            drawing().focus({ preventScroll: true });
          }
        });
      });
    }
    return steps.reduce(function (chain, step) { return chain.then(step); }, Promise.resolve())
      .then(function () { sync(view.state()); });
  }

  /* The panel (view.html) holds its controls in a <template> until the network is on screen:
   * building and laying out some forty form controls and the legend before the first draw
   * made it ~70 ms later on a two-core machine (docs/benchmarks.md), and until this script
   * has wired them the controls would only look usable. wired=false (the graph did not load)
   * puts in only the plain GET forms, which work without scripts: the date or post can still
   * be changed. */
  var panelShown = false;

  function stamp(id) {
    var template = byId(id);
    if (template) { template.replaceWith(document.importNode(template.content, true)); }
  }

  /* Where the panel shows below the drawing (a narrow screen: views.css), it comes after it in
   * the page too, so that Tab goes as the eye does (the accessibility probe: from the skip
   * links it went down into some thirty controls, then back up to the drawing). */
  function keepPanelInReadingOrder() {
    var panel = byId("panel");
    var canvas = document.querySelector(".canvas-wrap");
    if (!panel || !canvas || !window.matchMedia) { return; }
    var narrow = window.matchMedia("(max-width: 820px)");
    function place() {
      if (narrow.matches) { canvas.after(panel); } else { canvas.before(panel); }
    }
    narrow.addEventListener("change", place);
    place();
  }

  function showPanel(wired) {
    if (panelShown) { return; }
    panelShown = true;
    keepPanelInReadingOrder();
    stamp("panel-forms");
    if (wired) {
      stamp("panel-tools");
      stamp("panel-legend");
      wire();
      sync(view.state());
      fillNames();
    }
    var toolbar = byId("toolbar");
    if (toolbar) { toolbar.hidden = false; }
    document.body.setAttribute("data-controls", "1");
    if (window.performance && performance.mark) { performance.mark("orgmodel-controls"); }
  }

  /* Run once the frame with the network's first drawing has been painted: vis-network draws
   * in an animation frame, and a task queued from there runs after that frame's paint. */
  function afterFirstDraw(then) {
    function later() { setTimeout(then, 0); }
    if (view.ready()) { requestAnimationFrame(later); } else { network.once("afterDrawing", later); }
  }

  function init(created) {
    network = created;
    network.on("beforeDrawing", function (ctx) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = "#ffffff";  // an opaque background, so the PNG export is not transparent
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.restore();
      if (raw.layout === "grid") { drawGrid(ctx); }
    });
    network.on("selectNode", function (params) {
      raw.sel = params.nodes[0];
      view.remember();
      // said, as a node found is (the accessibility probe: a tap on a phone said nothing)
      var node = view.nodeData.get(raw.sel);
      if (node) { view.status(view.said(node) + " — " + view.summary(node)); }
    });
    network.on("deselectNode", function () { raw.sel = null; view.remember(); });
    network.on("doubleClick", function (params) {
      // vis reports the selection, which a fast double click may not have changed yet.
      var id = network.getNodeAt(params.pointer.DOM) || params.nodes[0];
      if (id !== undefined) { view.expand(id); }
    });
    view.onChange(sync);
    view.status(view.shownText());
    // The state of a permalink goes on the network now, before its first draw; the controls
    // show it when they are there (showPanel's sync).
    restore(true);
    afterFirstDraw(function () { showPanel(true); });
  }

  /* Whether a tooltip is on screen (Escape closes it first). */
  function tipShown() {
    return Array.prototype.some.call(document.querySelectorAll("div.vis-tooltip"),
      function (tip) { return tip.style.visibility === "visible"; });
  }

  view.select = select;
  view.unfocus = unfocus;
  view.tipShown = tipShown;
  view.search = search;
  view.focusOn = focusOn;
  view.clearFocus = clearFocus;
  view.setLayout = setLayout;
  view.exportPng = exportPng;
  view.controlsShown = function () { return panelShown; };
  if (view.network) { init(view.network); } else if (view.failed) { showPanel(false); } else {
    document.addEventListener("orgmodel:network", function (event) { init(event.detail); });
    document.addEventListener("orgmodel:failed", function () { showPanel(false); });
  }
}());

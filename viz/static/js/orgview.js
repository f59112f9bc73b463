/* The interactive network of one view: data, drawing, filters, focus, paths, permalink state.
 *
 * Safety: every text from the data reaches the page through textContent (tooltips are DOM
 * elements, never HTML strings), and the data itself arrives as JSON (parsed, never
 * evaluated). Speed: positions come from the server and physics stays off, so the network is
 * drawn once and is interactive at once; edges hide while dragging.
 *
 * The controls live in orgview-ui.js; this file exposes window.orgmodelView. */
(function () {
  "use strict";

  var configElement = document.getElementById("orgmodel-config");
  var container = document.getElementById("network");
  if (!configElement || !container || typeof vis === "undefined") { return; }
  var config = JSON.parse(configElement.textContent);
  var texts = config.texts;
  var urls = config.urls || {};

  var state = {
    sel: null, focus: null, depth: 1, hiddenKinds: new Set(), hiddenTypes: new Set(),
    mode: "hide", path: null, topic: "", layout: "network", expand: []
  };
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var nodeData = new Map();   // id -> the node as the server sent it
  var edgeData = new Map();   // edge id -> the edge as the server sent it
  var edgeIds = new Map();    // identity key -> edge id (merging fetched parts)
  var applied = new Map();    // id -> last applied look, so updates touch only what changed
  var edgeCounter = 0;
  var pathIds = { nodes: new Set(), edges: new Set(), temp: [] };
  var listeners = [];
  var ready = false;
  var partial = false;
  var total = 0;
  var extra = {};           // view-specific data of the last payload (e.g. the grid's size)
  var defaultHidden = [];   // edge types the view hides until the visitor shows them
  var defaultHiddenKinds = [];  // and node kinds

  var sourceTitles = {};    // source key -> title, from every payload loaded

  /* A node's name for a text the page shows (status, tooltip): a Danish one on an English
   * page marked so, for orgmodelText.put to say lang="da". */
  function said(node) {
    return node.label_lang ? window.orgmodelText.danish(node.label) : node.label;
  }

  var tips = window.orgmodelTips.make(config, function (id) {
    var node = nodeData.get(id);
    return node ? said(node) : id;
  }, function (key) {
    return Object.prototype.hasOwnProperty.call(sourceTitles, key) ? sourceTitles[key] : key;
  });
  var element = tips.element;

  /* Break a label into lines of about LINE_CHARS characters, at spaces. vis-network can wrap
   * to a pixel width itself (widthConstraint.maximum), but it measures every growing prefix of
   * a label to do so: several canvas measurements per word, the largest cost of a first draw.
   * Wrapped here, each line is measured once. A word longer than a line keeps its own line.
   * The server says where (viz.grid_layout sizes the stakeholder grid's boxes by it). */
  var LINE_CHARS = config.labelLineChars;

  function wrap(text) {
    var lines = [];
    var line = "";
    String(text).split(/\s+/).forEach(function (word) {
      if (!word) { return; }
      if (line && line.length + 1 + word.length > LINE_CHARS) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines.join("\n");
  }

  /* A node for vis: only what differs from its kind's group style, since vis-network merges
   * every option given per node into its own copy (a cost on each node of a first draw). */
  function visNode(node) {
    var look = {
      id: node.id, label: wrap(node.more ? node.label + " ⊕" : node.label), group: node.kind,
      x: node.x, y: node.y
    };
    if (node.conf === "low") { look.borderWidth = 2.5; look.shapeProperties = { borderDashes: [6, 4] }; }
    if (node.ego) { look.borderWidth = 4; look.font = { size: 18 }; }
    return look;
  }

  function edgeStyle(type) {
    return config.edgeStyles[type] || { color: "#808080", width: 1, arrow: "to" };
  }

  function visEdge(id, edge) {
    var style = edgeStyle(edge.type);
    return {
      id: id, from: edge.from, to: edge.to, width: edge.width || style.width,
      color: { color: style.color, highlight: "#d35400", hover: "#d35400", opacity: 1 },
      arrows: { to: { enabled: style.arrow === "to", type: style.mark || "arrow", scaleFactor: 0.55 } },
      dashes: edge.conf === "low" ? [6, 4] : false,
      label: edge.label || undefined, smooth: edge.smooth || false
    };
  }

  /* Tooltips are made when first hovered, not for every node up front: vis-network reads
   * `title` when its tooltip delay has passed, and hover events come before that. */
  var tipped = new Set();

  function addTip(id) {
    if (tipped.has(id)) { return; }
    tipped.add(id);
    if (nodeData.has(id)) {
      nodes.update({ id: id, title: tips.node(nodeData.get(id)) });
    } else if (edgeData.has(id)) {
      edges.update({ id: id, title: tips.edge(edgeData.get(id)) });
    }
  }

  function edgeKey(edge) {
    return [edge.from, edge.to, edge.type, edge.topic || "", edge.raci || "", edge.role || "",
      edge.desc || ""].join("|");
  }

  /* Add nodes and edges; nodes already shown move to their new place. */
  function addItems(newNodeList, newEdgeList) {
    var added = [];
    var moved = [];
    newNodeList.forEach(function (node) {
      var known = nodeData.has(node.id);
      nodeData.set(node.id, node);
      (known ? moved : added).push(visNode(node));
      // New items are drawn as "normal": apply() then only touches what filters change, so
      // a first draw of thousands of nodes is not followed by thousands of updates. A node
      // that moved keeps its old look in vis, so apply() must look at it again.
      if (known) { applied.delete(node.id); } else { applied.set(node.id, "normal"); }
    });
    var newEdges = [];
    var ids = [];
    newEdgeList.forEach(function (edge) {
      var key = edgeKey(edge);
      if (edgeIds.has(key)) { ids.push(edgeIds.get(key)); return; }
      var id = "e" + (edgeCounter += 1);
      edgeIds.set(key, id);
      edgeData.set(id, edge);
      newEdges.push(visEdge(id, edge));
      applied.set(id, "normal");
      ids.push(id);
    });
    if (moved.length) { nodes.update(moved); }
    if (added.length) { nodes.add(added); }
    if (newEdges.length) { edges.add(newEdges); }
    return ids;
  }

  /* Remove nodes and edges added for a while (the helpers of a path). */
  function removeItems(nodeIds, edgeIdList) {
    edgeIdList.forEach(function (id) {
      var edge = edgeData.get(id);
      if (edge) { edgeIds.delete(edgeKey(edge)); edgeData.delete(id); }
    });
    nodeIds.forEach(function (id) { nodeData.delete(id); tipped.delete(id); });
    edges.remove(edgeIdList);
    nodes.remove(nodeIds);
    nodeIds.concat(edgeIdList).forEach(function (id) { applied.delete(id); });
  }

  function load(payload) {
    Object.assign(sourceTitles, payload.sources || {});
    addItems(payload.nodes, payload.edges);
    partial = payload.partial;
    total = payload.total;
    extra = payload.extra || extra;
    defaultHidden = payload.hiddenTypes || defaultHidden;
    defaultHiddenKinds = payload.hiddenKinds || defaultHiddenKinds;
  }

  function storeNodeIds() {
    var ids = [];
    nodeData.forEach(function (node, id) { if (!node.synthetic && !node.temp) { ids.push(id); } });
    return ids;
  }

  function neighbours(id, typeOk) {
    var found = [];
    edges.forEach(function (edge) {
      var data = edgeData.get(edge.id);
      if (data && !typeOk(data.type)) { return; }
      if (edge.from === id) { found.push(edge.to); } else if (edge.to === id) { found.push(edge.from); }
    });
    return found;
  }

  /* The nodes drawn under ``id`` in its hierarchy (``up``: the nearest ancestor drawn; only
   * the collaboration network says it), at any depth. */
  function partsOf(id) {
    var parts = [];
    nodeData.forEach(function (node, other) {
      var up = node.up;
      for (var hops = 0; up && hops < 50; hops += 1) {  // a cycle in the data ends, too
        if (up === id) { parts.push(other); return; }
        up = (nodeData.get(up) || {}).up;
      }
    });
    return parts;
  }

  /* Nodes within state.depth steps of the focus, over the edge types not filtered out: a map
   * from each to its steps from the focus. A department's own ties are few (its units hold its
   * collaboration), so the nodes drawn under the focus are one step from it, as its ties are:
   * ±1 shows a department with its units, ±2 with their partners too. */
  function focusSet() {
    if (!state.focus || !nodeData.has(state.focus)) { return null; }
    var adjacency = new Map();
    var link = function (a, b) {
      if (!adjacency.has(a)) { adjacency.set(a, []); }
      if (!adjacency.has(b)) { adjacency.set(b, []); }
      adjacency.get(a).push(b);
      adjacency.get(b).push(a);
    };
    edgeData.forEach(function (edge) {
      if (!state.hiddenTypes.has(edge.type)) { link(edge.from, edge.to); }
    });
    partsOf(state.focus).forEach(function (part) { link(state.focus, part); });
    var seen = new Map([[state.focus, 0]]);
    var frontier = [state.focus];
    for (var step = 0; step < state.depth; step += 1) {
      var next = [];
      frontier.forEach(function (id) {
        (adjacency.get(id) || []).forEach(function (other) {
          if (!seen.has(other)) { seen.set(other, step + 1); next.push(other); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  /* The node most of a topic's ties run through, drawn in the middle of the others (IT
   * support's partners around the IT unit), if one stands out; else null. */
  function topicHub(shown) {
    var ties = new Map();
    edgeData.forEach(function (edge) {
      if (edge.topic !== state.topic) { return; }
      [edge.from, edge.to].forEach(function (id) { ties.set(id, (ties.get(id) || 0) + 1); });
    });
    var ranked = shown.filter(function (id) { return ties.has(id); })
      .sort(function (a, b) { return ties.get(b) - ties.get(a); });
    var most = ranked.length ? ties.get(ranked[0]) : 0;
    return most > 2 && (ranked.length === 1 || ties.get(ranked[1]) < most) ? ranked[0] : null;
  }

  /* Where each node is drawn: close together when a focus or a topic hides the rest (see
   * orgview-compact.js), else where the server placed it (in the grid, at its grid place). */
  var COMPACT_MOST = 400;  // more than this is no longer "a few": its own layout reads better
  var compacted = false;
  function arrange(off, inFocus) {
    var grid = state.layout === "grid";
    var how = config.compact;
    var wanted = Boolean(how && !grid && state.mode === "hide" && (inFocus || state.topic));
    if (!wanted && !compacted) { return; }  // the first draw of a big graph: nothing to do
    var shown = [];
    nodeData.forEach(function (node, id) { if (!off.has(id)) { shown.push(id); } });
    wanted = wanted && shown.length > 1 && shown.length <= COMPACT_MOST;
    if (!wanted && !compacted) { return; }
    var updates = [];
    if (wanted) {
      var at = function (id) { return nodeData.get(id); };
      var box = function (id) {
        var node = nodeData.get(id);
        var group = (config.options.groups || {})[node.kind] || {};
        return window.orgmodelCompact.boxOf(config.labelBox, wrap(node.label), group.shape,
          node.ego ? 18 / 14 : 1);
      };
      var centre = inFocus ? state.focus : topicHub(shown);
      var far = state.depth + 1;  // a path's nodes beyond the focus: on a ring of their own
      var places = how === "rows" ? window.orgmodelCompact.rows(shown, at, box)
        : window.orgmodelCompact.rings(shown, function (id) {
          if (!inFocus) { return id === centre ? 0 : 1; }
          return inFocus.has(id) ? inFocus.get(id) : far;
        }, centre, at, box, container.clientWidth / Math.max(container.clientHeight, 1));
      shown.forEach(function (id) { updates.push({ id: id, x: places[id].x, y: places[id].y }); });
    } else {
      nodeData.forEach(function (node, id) {
        var there = grid && node.gx !== undefined ? { x: node.gx, y: node.gy } : node;
        updates.push({ id: id, x: there.x, y: there.y });
      });
    }
    compacted = wanted;
    nodes.update(updates);
  }

  /* Show, hide or fade every node and edge after a filter, focus, topic or path change. */
  function apply() {
    var inFocus = focusSet();
    var topicNodes = null;
    if (state.topic) {
      topicNodes = new Set();
      edgeData.forEach(function (edge) {
        if (edge.topic === state.topic) { topicNodes.add(edge.from); topicNodes.add(edge.to); }
      });
    }
    var grid = state.layout === "grid";
    var onPath = pathIds.nodes.size > 0;
    var off = new Set();
    var nodeUpdates = [];
    nodeData.forEach(function (node, id) {
      // A highlighted path stays visible whatever the filters say.
      var out = !pathIds.nodes.has(id) && (state.hiddenKinds.has(node.kind) ||
        (inFocus && !inFocus.has(id)) || (topicNodes && !topicNodes.has(id)) ||
        (grid && node.gx === undefined));
      if (out) { off.add(id); }
      var dim = onPath && !pathIds.nodes.has(id);
      var look = out ? (state.mode === "hide" ? "hidden" : "faded") : (dim ? "dim" : "normal");
      if (pathIds.nodes.has(id)) { look = "path"; }
      var was = applied.get(id);
      if (was === look) { return; }
      applied.set(id, look);
      var update = {
        // Off a highlighted path a node stays readable (0.3 left its label at 1.9:1).
        id: id, hidden: look === "hidden",
        opacity: look === "faded" ? 0.12 : (look === "dim" ? config.dimOpacity : 1),
        borderWidth: look === "path" ? 5 : (node.ego ? 4 : (node.conf === "low" ? 2.5 : 1.5))
      };
      // ... its label in ink where white would pale with it (viz/styles.py dim_labels), and
      // its own colour again after; only then, so the first draw builds no font per node.
      var label = look === "dim" ? config.dimLabels[node.kind] :
        (was === "dim" ? (((config.options.groups || {})[node.kind] || {}).font || {}).color : null);
      if (label) { update.font = { color: label }; }
      nodeUpdates.push(update);
    });
    var edgeUpdates = [];
    edgeData.forEach(function (edge, id) {
      var out = !pathIds.edges.has(id) && (grid || state.hiddenTypes.has(edge.type) ||
        off.has(edge.from) || off.has(edge.to) || (state.topic && edge.topic !== state.topic));
      var look = out ? (state.mode === "hide" || grid ? "hidden" : "faded") :
        (pathIds.edges.has(id) ? "path" : (onPath ? "dim" : "normal"));
      if (applied.get(id) === look) { return; }
      applied.set(id, look);
      var style = edgeStyle(edge.type);
      edgeUpdates.push({
        id: id, hidden: look === "hidden",
        width: look === "path" ? (edge.width || style.width) + 4 : (edge.width || style.width),
        color: { color: look === "path" ? "#d35400" : style.color, highlight: "#d35400",
          hover: "#d35400", opacity: look === "faded" ? 0.1 : (look === "dim" ? 0.45 : 1) }
      });
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    arrange(off, inFocus);
    nameDrawing();
    changed();
  }

  /* The drawing's accessible name says how much of the view it shows: a screen reader heard
   * "11 nodes" after a filter left 4. */
  var drawing = null, drawingName = "";
  function nameDrawing() {
    if (!drawing) { return; }
    drawing.setAttribute("aria-label", drawingName + ": " + texts.filter_shown
      .replace("{shown}", window.orgmodelView.visibleNodeCount())
      .replace("{total}", window.orgmodelView.nodeCount()));
  }

  function changed() {
    listeners.forEach(function (listener) { listener(snapshot()); });
  }

  function snapshot() {
    return {
      sel: state.sel, focus: state.focus, depth: state.depth, mode: state.mode,
      hiddenKinds: Array.from(state.hiddenKinds).sort(), hiddenTypes: Array.from(state.hiddenTypes).sort(),
      path: state.path, topic: state.topic, layout: state.layout, expand: state.expand.slice()
    };
  }

  /* --- permalink state in the URL hash ------------------------------------------------------ */

  function toHash() { return window.orgmodelPermalink.toHash(state); }

  function fromHash(hash, defaults, kindDefaults, payloadExtra) {
    window.orgmodelPermalink.fromHash(state, hash, defaults, kindDefaults);
    // What this view cannot show would leave an empty canvas with no word why: the grid of
    // a view that has none, a topic none of its edges has (a hand-made or stale link).
    var known = payloadExtra || extra;
    if (state.layout === "grid" && !known.grid) { state.layout = "network"; }
    if (state.topic && (known.topics || []).indexOf(state.topic) < 0) { state.topic = ""; }
  }

  /* Where the view is: the node selected or focused on, and the path shown. */
  function place(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    return ["sel", "focus", "depth", "path"].map(function (key) {
      return params.get(key) || "";
    }).join("|");
  }

  /* Keep the state in the URL. Going to another place is a step in the browser's history, so
   * Back returns to the node seen before; a filter, the layout or a fade changes how the place
   * looks, and replaces the step. ``replace``: so does a step of the keyboard's walk through
   * the drawing (a walk of sixty nodes took sixty Backs to leave the page). */
  function remember(replace) {
    var hash = toHash();
    var url = location.pathname + pageSearch() + hash;
    if (!replace && place(location.hash) !== place(hash)) {
      history.pushState(null, "", url);
    } else {
      history.replaceState(null, "", url);
    }
    changed();
  }

  /* The page's query, with the post the server chose for a map opened without one: a link
   * to the view names whose map it is (another default post opened another's map). */
  function pageSearch() {
    if (!urls.data || urls.data.indexOf("?") < 0) { return location.search; }
    var here = new URLSearchParams(location.search);
    var chosen = new URL(urls.data, location.href).searchParams.get("post");
    if (!chosen || here.has("post")) { return location.search; }
    here.set("post", chosen);
    return "?" + here.toString();
  }

  function permalink() {
    remember();
    return location.href;
  }

  /* --- fetching more of the graph ------------------------------------------------------------ */

  function dataUrl(extra) {
    var url = new URL(urls.data, location.href);
    if (state.expand.length) { url.searchParams.set("expand", state.expand.join(",")); }
    Object.keys(extra || {}).forEach(function (key) { url.searchParams.set(key, extra[key]); });
    return url.toString();
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      });
  }

  /* An API URL from a template such as "/api/v1/search?q={q}", with the view's date. */
  function fill(template, values) {
    var url = template;
    Object.keys(values).forEach(function (key) {
      url = url.replace("{" + key + "}", encodeURIComponent(values[key]));
    });
    var absolute = new URL(url, location.href);
    if (config.asOf) { absolute.searchParams.set("as_of", config.asOf); }
    return absolute.toString();
  }

  /* The list in an API answer, bare or under one of `keys`. */
  function asList(answer, keys) {
    if (Array.isArray(answer)) { return answer; }
    for (var i = 0; i < keys.length; i += 1) {
      if (answer && Array.isArray(answer[keys[i]])) { return answer[keys[i]]; }
    }
    return [];
  }

  var statusSaid = "";  // the status's text, with its marks (statusText)

  /* Say `text` in the status line, a Danish name in it in a <span lang="da"> (text.js). */
  function status(text) {
    statusSaid = text || "";
    var box = document.getElementById("status");
    if (box) { window.orgmodelText.put(box, statusSaid); }
  }

  function statusText() { return statusSaid; }

  function shownText() {
    if (!partial) { return ""; }
    return texts.shown_of.replace("{shown}", storeNodeIds().length).replace("{total}", total);
  }

  function expand(id) {
    if (!urls.data || !nodeData.has(id) || !nodeData.get(id).more) { return Promise.resolve(false); }
    if (state.expand.indexOf(id) < 0) { state.expand.push(id); }
    status(texts.expanding);
    return fetchJson(dataUrl()).then(function (payload) {
      load(payload);
      apply();
      remember();
      status(shownText());
      return true;
    });
  }

  /* Bring a node into view when a large graph does not show it yet. */
  function reveal(id) {
    if (nodeData.has(id) || !partial || !urls.data) { return Promise.resolve(nodeData.has(id)); }
    return fetchJson(dataUrl({ focus: id })).then(function (payload) {
      load(payload);
      apply();
      status(shownText());
      return nodeData.has(id);
    });
  }

  window.orgmodelView = {
    config: config, state: snapshot, nodeData: nodeData, edgeData: edgeData,
    nodes: nodes, edges: edges, element: element, summary: tips.summary, apply: apply,
    remember: remember,
    addItems: addItems, removeItems: removeItems,
    permalink: permalink, fromHash: fromHash, toHash: toHash, load: load, expand: expand,
    reveal: reveal, fetchJson: fetchJson, status: status, statusText: statusText, said: said,
    shownText: shownText, partsOf: partsOf,
    fill: fill, asList: asList,
    neighbours: neighbours, pathIds: pathIds, raw: state,
    onChange: function (listener) { listeners.push(listener); },
    ready: function () { return ready; },
    isPartial: function () { return partial; },
    extra: function () { return extra; },
    defaultHidden: function () { return defaultHidden; },
    defaultHiddenKinds: function () { return defaultHiddenKinds; },
    nodeCount: function () { return storeNodeIds().length; },
    visibleNodeCount: function () {
      return storeNodeIds().filter(function (id) { return applied.get(id) !== "hidden"; }).length;
    },
    /* Whether a node is out of the drawing: hidden, or faded by a filter (not by a path). */
    isOut: function (id) { return applied.get(id) === "hidden" || applied.get(id) === "faded"; },
    has: function (id) { return nodeData.has(id); },
    selected: function () { return state.sel; },
    network: null,
    failed: false
  };

  /* Dashes (low confidence) a fixed size on screen. vis-network sets them in the network's
   * units, so a big graph opened zoomed out asked the canvas for dashes a tenth of a pixel
   * long: tens of thousands per edge set, which a canvas without a GPU took a second to
   * paint for the 1,000 edges of a 5,000-node municipality's collaboration network (and they
   * showed as grey lines, not dashes). Only this network's own context is changed. */
  function screenDashes(network, canvas) {
    var context = canvas.getContext("2d");
    var setLineDash = context.setLineDash;
    context.setLineDash = function (pattern) {
      var scale = network.getScale();
      return setLineDash.call(this, pattern.map(function (length) { return length / scale; }));
    };
  }

  function start(payload) {
    load(payload);
    // The state of the URL (default filters included) is applied while only the data sets
    // hold the nodes: done after the network exists, it would lay out and measure every node
    // again before the first draw.
    apply();
    var options = config.options;
    // A selected node turns yellow; a white label (units, bodies, fora) would vanish on it,
    // so a selected node's label is drawn in ink.
    Object.keys(options.groups || {}).forEach(function (kind) {
      options.groups[kind].chosen = { node: true, label: function (values, id, selected) {
        if (selected) { values.color = config.selectedLabel; }
      } };
    });
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    window.orgmodelView.network = network;
    // vis-network's own frame takes the keys (orgview-keys.js: arrows select, Shift and an
    // arrow pans, + and - zoom): it is the one Tab stop of the drawing, named as the drawing;
    // the container was a second stop that did nothing. An application, not an image: a
    // screen reader passes it the arrow keys, which select a node and say it.
    var frame = container.querySelector(".vis-network");
    if (frame) {
      frame.setAttribute("role", "application");
      frame.setAttribute("aria-roledescription", texts.drawing_role);
      frame.setAttribute("aria-describedby", "drawing-keys");
      frame.setAttribute("aria-label", container.getAttribute("aria-label") || "");
      frame.tabIndex = 0;
      drawing = frame;
      drawingName = (container.getAttribute("aria-label") || "").split(": ")[0];
      ["role", "aria-label", "tabindex"].forEach(function (name) { container.removeAttribute(name); });
      nameDrawing();
    }
    screenDashes(network, container.querySelector("canvas"));
    network.on("hoverNode", function (params) { addTip(params.node); });
    network.on("hoverEdge", function (params) { addTip(params.edge); });
    // A graph too big to read when fitted (its labels under ~6 px) opens at a legible scale
    // on its most telling node; the whole is a "Vis alt" or a zoom away.
    var home = (payload.extra || {}).home;
    if (home && nodeData.has(home) && network.getScale() < 0.45) {
      // Put the home node where reading starts: the top of a tree, the top left of a list;
      // the rows above it (a chart's root above its council) stay in view.
      var at = payload.extra.homeAt || "centre";
      var where = network.getPositions([home])[home];
      var scale = 0.6;
      var top = where.y;
      var dx = at === "top-left" ? (container.clientWidth / 2 - 140) / scale : 0;
      if (at !== "centre") {
        // Only the rows above it that are on screen: a root far to the right (a phone) left
        // the top half of the drawing blank.
        var half = container.clientWidth / 2 / scale;
        nodes.forEach(function (node) {
          if (node.y < top && Math.abs(node.x - (where.x + dx)) <= half) { top = node.y; }
        });
      }
      var dy = at === "centre" ? 0 : (container.clientHeight / 2 - 60) / scale;
      network.moveTo({ position: { x: where.x + dx, y: top + dy }, scale: scale,
        animation: false });
    }
    network.once("afterDrawing", function () {
      ready = true;
      document.body.setAttribute("data-ready", "1");
      if (window.performance && performance.mark) { performance.mark("orgmodel-ready"); }
    });
    // The controls' script may load after this runs (the first payload can be ready at once),
    // so it also looks at view.network itself; the event is for when it was already waiting.
    document.dispatchEvent(new CustomEvent("orgmodel:network", { detail: network }));
  }

  fromHash(location.hash, []);
  var initial = config.payload;
  var firstLoad;
  if (initial && !(initial.partial && state.expand.length && urls.data)) {
    firstLoad = Promise.resolve(initial);
  } else {
    firstLoad = fetchJson(dataUrl());
    if (state.expand.length && urls.data) {
      // The page preloads the view's plain graph (<link rel=preload>); a permalink that
      // expands nodes needs another answer. Taking the preloaded one (unread) keeps the
      // browser from warning that it went unused.
      fetchJson(urls.data).catch(function () { return null; });
    }
  }
  firstLoad.then(function (payload) {
    fromHash(location.hash, payload.hiddenTypes, payload.hiddenKinds, payload.extra || {});
    start(payload);
  }).catch(function (error) {
    status(String(error));
    // The panel's plain forms still work: a date or post can be changed (orgview-ui.js).
    window.orgmodelView.failed = true;
    document.dispatchEvent(new CustomEvent("orgmodel:failed"));
  });
}());

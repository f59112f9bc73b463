/* Highlight the shortest path between two nodes of a view: asked of the API's /api/v1/paths,
 * or, in a static file, found in the page's own graph. Nodes on the path that the view lacks
 * are added while the path is shown. Works on window.orgmodelView (orgview.js). */
(function () {
  "use strict";

  var view = window.orgmodelView;
  if (!view) { return; }
  var texts = view.config.texts;
  var urls = view.config.urls || {};
  var raw = view.raw;

  function localPath(from, to) {
    var adjacency = new Map();
    view.edgeData.forEach(function (edge) {
      if (!adjacency.has(edge.from)) { adjacency.set(edge.from, []); }
      if (!adjacency.has(edge.to)) { adjacency.set(edge.to, []); }
      adjacency.get(edge.from).push(edge.to);
      adjacency.get(edge.to).push(edge.from);
    });
    var previous = new Map([[from, null]]);
    var queue = [from];
    while (queue.length) {
      var node = queue.shift();
      if (node === to) { break; }
      (adjacency.get(node) || []).forEach(function (other) {
        if (!previous.has(other)) { previous.set(other, node); queue.push(other); }
      });
    }
    if (!previous.has(to)) { return []; }
    var path = [];
    for (var step = to; step !== null; step = previous.get(step)) { path.unshift({ id: step }); }
    return [path];
  }

  function clearPath() {
    view.removeItems(view.pathIds.temp, view.pathIds.tempEdges || []);
    view.pathIds.nodes = new Set();
    view.pathIds.edges = new Set();
    view.pathIds.temp = [];
    view.pathIds.tempEdges = [];
    raw.path = null;
  }

  function findEdge(a, b) {
    var found = null;
    view.edgeData.forEach(function (edge, id) {
      if (!found && ((edge.from === a && edge.to === b) || (edge.from === b && edge.to === a))) { found = id; }
    });
    return found;
  }

  /* Highlight the shortest path between two nodes; nodes on it that the view lacks are added. */
  function showPath(from, to) {
    clearPath();
    // A node the view made (a KLE main group) is unknown to the store: the view's own edges
    // are the only way to it.
    var made = [from, to].some(function (id) { return (view.nodeData.get(id) || {}).synthetic; });
    var found = urls.paths && !made ?
      view.fetchJson(view.fill(urls.paths, { source: from, target: to })).then(function (answer) {
        return view.asList(answer, ["paths", "items", "results"]);
      }).catch(function () {
        // The store does not know one of them (a stale permalink): the view's edges may.
        return localPath(from, to);
      }) : Promise.resolve(localPath(from, to));
    return found.then(function (paths) {
      var path = (paths[0] ? (Array.isArray(paths[0]) ? paths[0] : paths[0].nodes || []) : [])
        .map(function (step) { return typeof step === "string" ? { id: step } : step; });
      if (!path.length) { view.status(texts.path_none); view.apply(); return false; }
      var temp = [];
      path.forEach(function (step, index) {
        if (view.nodeData.has(step.id)) { return; }
        var near = [path[index - 1], path[index + 1]].filter(function (s) { return s && view.nodeData.has(s.id); })
          .map(function (s) { return view.nodeData.get(s.id); });
        var x = near.length ? near.reduce(function (sum, n) { return sum + n.x; }, 0) / near.length : 0;
        var y = near.length ? near.reduce(function (sum, n) { return sum + n.y; }, 0) / near.length + 80 : 0;
        // in the page's language, as the view's own nodes (a Danish name on an English page
        // said so)
        var english = view.config.lang === "en";
        temp.push({ id: step.id, label: (english && step.name_en) || step.name || step.id,
          label_lang: english && step.name && !step.name_en ? "da" : undefined,
          kind: step.kind || "Unit", x: x, y: y, conf: "high", src: "", temp: true });
      });
      var links = [];
      for (var i = 1; i < path.length; i += 1) {
        if (!findEdge(path[i - 1].id, path[i].id)) {
          links.push({ from: path[i - 1].id, to: path[i].id, type: "PATH", conf: "high", src: "", width: 2 });
        }
      }
      var tempEdges = view.addItems(temp, links);
      view.pathIds.temp = temp.map(function (n) { return n.id; });
      view.pathIds.tempEdges = tempEdges;
      view.pathIds.nodes = new Set(path.map(function (s) { return s.id; }));
      var onPath = new Set(tempEdges);
      for (var j = 1; j < path.length; j += 1) { onPath.add(findEdge(path[j - 1].id, path[j].id)); }
      view.pathIds.edges = onPath;
      raw.path = [from, to];
      view.apply();
      view.network.fit({ nodes: Array.from(view.pathIds.nodes), animation: false });
      view.remember();
      view.status(texts.path_found.replace("{steps}", path.map(function (s) {
        return view.nodeData.has(s.id) ? view.said(view.nodeData.get(s.id)) : s.id;
      }).join(" → ")));
      return true;
    });
  }

  view.showPath = showPath;
  view.clearPath = clearPath;
}());

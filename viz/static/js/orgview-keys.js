/* The drawing by keyboard: the arrow keys select the nearest node in their direction, Enter
 * focuses on the selected node (or unfolds it, where the view has more of it to fetch), Escape
 * takes the selection away, Shift and an arrow pans, + and - zoom (vis-network's own keys).
 * Before, the drawing's keys only panned and zoomed: no node could be chosen in it without a
 * mouse (the accessibility probes of the twenty-ninth and thirty-second sessions). */
(function () {
  "use strict";

  var view = window.orgmodelView;
  if (!view) { return; }
  var texts = view.config.texts;
  var box = document.getElementById("network");
  if (!box) { return; }

  var DIRECTIONS = {
    ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 },
    ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 }
  };
  // How much a sideways step counts against a step straight ahead when the nearest node in a
  // direction is chosen: 2 keeps "right" on the row it is on before it takes a node below.
  var ASIDE = 2;
  var PAN_SHARE = 0.125;  // of the drawing's width or height, a Shift+arrow's pan

  /* The nodes a visitor can see: neither hidden nor faded out by a filter. */
  function shownIds() {
    var ids = [];
    view.nodes.forEach(function (node) {
      if (!node.hidden && !view.isOut(node.id)) { ids.push(node.id); }
    });
    return ids;
  }

  /**
   * The node nearest ``from`` in direction ``way``, or null when none lies that way.
   *
   * Distances are the network's own (x to the right, y down); a node counts as lying that way
   * when it is ahead of ``from`` by more than it is aside, so that an arrow never takes a node
   * behind or beside it.
   */
  function nearestThatWay(from, way, positions) {
    var start = positions[from];
    var best = null, bestCost = Infinity;
    Object.keys(positions).forEach(function (id) {
      if (id === String(from)) { return; }
      var dx = positions[id].x - start.x, dy = positions[id].y - start.y;
      var ahead = dx * way.x + dy * way.y;
      var aside = Math.abs(dx * way.y - dy * way.x);
      if (ahead <= 0 || aside > ahead * ASIDE) { return; }
      var cost = ahead + ASIDE * aside;
      if (cost < bestCost) { bestCost = cost; best = id; }
    });
    return best;
  }

  /* The shown node nearest the middle of the screen: where a first arrow starts. */
  function nearestMiddle(network, positions) {
    var middle = network.getViewPosition();
    var best = null, bestDistance = Infinity;
    Object.keys(positions).forEach(function (id) {
      var distance = Math.hypot(positions[id].x - middle.x, positions[id].y - middle.y);
      if (distance < bestDistance) { bestDistance = distance; best = id; }
    });
    return best;
  }

  /* Whether a point of the network is on screen, with a margin for its label. */
  function onScreen(network, point) {
    var at = network.canvasToDOM(point);
    var margin = 40;
    return at.x >= margin && at.y >= margin &&
      at.x <= box.clientWidth - margin && at.y <= box.clientHeight - margin;
  }

  function choose(network, id) {
    var node = view.nodeData.get(id);
    view.raw.sel = id;
    network.selectNodes([id]);
    var at = network.getPosition(id);
    // Followed without a change of scale: a zoom chosen by the visitor stays.
    if (!onScreen(network, at)) { network.moveTo({ position: at, animation: false }); }
    view.remember();
    if (node) { view.status(node.label + " — " + view.summary(node)); }
  }

  function step(network, way) {
    var ids = shownIds();
    if (!ids.length) { view.status(texts.key_none); return; }
    var positions = network.getPositions(ids);
    var current = view.raw.sel;
    var next = current !== null && current !== undefined && positions[current] ?
      nearestThatWay(current, way, positions) : nearestMiddle(network, positions);
    if (next === null) { view.status(texts.key_none); return; }
    choose(network, next);
  }

  function pan(network, way) {
    var scale = network.getScale();
    var middle = network.getViewPosition();
    network.moveTo({
      position: {
        x: middle.x + way.x * box.clientWidth * PAN_SHARE / scale,
        y: middle.y + way.y * box.clientHeight * PAN_SHARE / scale
      },
      animation: false
    });
  }

  /* Enter: the view's more of a node where it has more to fetch (a double click's job), else a
   * focus on it (the Focus button's), and Enter on the node focused on shows all again. */
  function open(id) {
    var node = view.nodeData.get(id);
    if (!node) { return; }
    if (node.more) { view.expand(id); return; }
    if (!view.focusOn) { return; }  // the panel's code is not there (the graph did not load)
    if (view.raw.focus === id) { view.clearFocus(); } else { view.focusOn(id, view.raw.depth || 1); }
  }

  function inDrawing(event) {
    return event.target instanceof Element && event.target.closest(".vis-network") !== null;
  }

  // Taken before vis-network's own handler on its frame (inside this box) sees the keys: its
  // arrows would pan as well.
  box.addEventListener("keydown", function (event) {
    var network = view.network;
    if (!network || !inDrawing(event) || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var way = DIRECTIONS[event.key];
    if (way) {
      event.preventDefault();
      event.stopPropagation();
      if (event.shiftKey) { pan(network, way); } else { step(network, way); }
    } else if (event.key === "Enter" && view.raw.sel !== null && view.raw.sel !== undefined) {
      event.preventDefault();
      open(view.raw.sel);
    }
  }, true);

  // Escape on the drawing: a tooltip shown closes first (orgview-ui.js), and a drawing reached
  // from a table's name goes back to it (orgview-ui.js; that handler marks the key used);
  // otherwise the selection goes.
  document.addEventListener("keydown", function (event) {
    var network = view.network;
    if (event.key !== "Escape" || event.defaultPrevented || !network || !inDrawing(event)) { return; }
    var tipShown = Array.prototype.some.call(document.querySelectorAll("div.vis-tooltip"),
      function (tip) { return tip.style.visibility === "visible"; });
    if (tipShown || view.raw.sel === null || view.raw.sel === undefined) { return; }
    network.unselectAll();
    view.raw.sel = null;
    view.remember();
    view.status(texts.key_cleared);
  });
}());

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
  var ZOOM_KEYS = { "+": true, "=": true, "-": false, "−": false };
  // Keys that scrolled the page by a screen, taking the drawing that has the focus off it.
  var PAGE_KEYS = { " ": true, Home: true, End: true, PageUp: true, PageDown: true };

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

  /* Whether the whole of a node, its label too, is on screen (its middle alone left a label
   * cut at the drawing's edge: the keyboard probe). */
  function onScreen(network, id) {
    var shape = network.getBoundingBox(id);
    var margin = 8;
    return [{ x: shape.left, y: shape.top }, { x: shape.right, y: shape.bottom }].every(
      function (corner) {
        var at = network.canvasToDOM(corner);
        return at.x >= margin && at.y >= margin &&
          at.x <= box.clientWidth - margin && at.y <= box.clientHeight - margin;
      });
  }

  var walkedTo = null;  // the node the keyboard's last step selected
  function choose(network, id) {
    var node = view.nodeData.get(id);
    // A walk is one step of the browser's history, its first step a step from where it began
    // (each arrow's own step took sixty Backs to leave a page after a walk of sixty nodes).
    var walking = walkedTo !== null && view.raw.sel === walkedTo;
    walkedTo = id;
    view.raw.sel = id;
    network.selectNodes([id]);
    // Followed without a change of scale: a zoom chosen by the visitor stays.
    if (!onScreen(network, id)) {
      network.moveTo({ position: network.getPosition(id), animation: false });
    }
    view.remember(walking);
    if (node) {
      view.status(view.said(node) + " — " + view.summary(node) +
        (node.more ? " " + texts.key_more : ""));
    }
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
   * focus on it (the Focus button's), and Enter on the node focused on takes the focus away
   * (a path or topic chosen stays). A node a filter has hidden since it was selected is not
   * focused on: the drawing went blank. */
  function open(id) {
    var node = id === null || id === undefined ? null : view.nodeData.get(id);
    if (!node) { view.status(texts.key_nothing); return; }
    var shown = view.nodes.get(id);
    if (view.isOut(id) || !shown || shown.hidden) {
      view.status(texts.key_hidden.replace("{name}", view.said(node)));
      return;
    }
    if (node.more) { view.expand(id); return; }
    if (!view.focusOn) { return; }  // the panel's code is not there (the graph did not load)
    if (view.raw.focus === id) { view.unfocus(); } else { view.focusOn(id, view.raw.depth || 1); }
  }

  /* + and − about the node selected, which stays on screen (about the middle of the drawing
   * it left the screen after a few presses). */
  var ZOOM_STEP = 1.25;
  function zoom(network, id, inwards) {
    var scale = network.getScale() * (inwards ? ZOOM_STEP : 1 / ZOOM_STEP);
    network.moveTo({ position: network.getPosition(id), scale: scale, animation: false });
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
    var selected = view.raw.sel !== null && view.raw.sel !== undefined &&
      view.nodeData.has(view.raw.sel) && !view.isOut(view.raw.sel) ? view.raw.sel : null;
    if (way) {
      event.preventDefault();
      event.stopPropagation();
      if (event.shiftKey) { pan(network, way); } else { step(network, way); }
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(view.raw.sel);
    } else if (selected !== null && ZOOM_KEYS[event.key] !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      zoom(network, selected, ZOOM_KEYS[event.key]);
    } else if (PAGE_KEYS[event.key]) {
      event.preventDefault();  // the page stays where the drawing is
    }
  }, true);

  // Escape on the drawing: a tooltip shown closes first (orgview-ui.js), and a drawing reached
  // from a table's name goes back to it (orgview-ui.js; that handler marks the key used);
  // otherwise the selection goes.
  document.addEventListener("keydown", function (event) {
    var network = view.network;
    if (event.key !== "Escape" || event.defaultPrevented || !network || !inDrawing(event)) { return; }
    if ((view.tipShown && view.tipShown()) || view.raw.sel === null ||
        view.raw.sel === undefined) { return; }
    network.unselectAll();
    view.raw.sel = null;
    view.remember();
    view.status(texts.key_cleared);
  });
}());

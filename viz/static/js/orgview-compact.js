/* A compact drawing of what a focus or a topic leaves: the few nodes close together.
 *
 * A view's positions are laid out for the whole graph (a ring of fifty parties, a tree of
 * every level). A focus on one unit left its dozen neighbours scattered over that ring, and
 * fitting them in view drew their labels a few pixels high. Drawn again close together, in
 * the order they had, they read at the scale a view opens at; "Vis alt" puts every node back.
 *
 * Two arrangements, as the server's config says for a view:
 * - "rings": the focus in the middle and each step from it on a ring around it (a topic's
 *   nodes on one ring, around the node most of its ties run through), each ring in the
 *   order its nodes had around that middle;
 * - "rows": the rows a tree had, in their order, each packed from the left in the order its
 *   nodes had and centred, the rows one above the other without the levels between.
 * Label boxes are estimated as the server estimates them (viz.grid_layout.label_box). */
(function () {
  "use strict";

  var GAP = 30;          // free space between two labels on a row or a ring
  var RING_GAP = 40;     // and between two rings, at their sides
  var ROW_GAP = 60;      // and between two rows

  /* The width and height of the box a node's label is drawn in. */
  function boxOf(metrics, label, shape, scale) {
    var lines = String(label).split("\n");
    var longest = Math.max.apply(null, lines.map(function (line) { return line.length; }));
    var width = longest * metrics.charWidth + metrics.sides;
    var round = metrics.round.indexOf(shape) >= 0;
    var height = round ? 2 * metrics.lineHeight * lines.length
      : metrics.lineHeight * lines.length + metrics.boxMargin;
    return { w: width * (scale || 1), h: height * (scale || 1) };
  }

  function angleOf(point, centre) {
    return Math.atan2(point.y - centre.y, point.x - centre.x);
  }

  /* Even angles for ``count`` nodes, turned so that they move as little as they can from
   * ``wanted`` (their angles before, in order): the circular mean of the differences. */
  function spread(wanted) {
    var step = 2 * Math.PI / wanted.length;
    var sin = 0, cos = 0;
    wanted.forEach(function (angle, index) {
      sin += Math.sin(angle - index * step);
      cos += Math.cos(angle - index * step);
    });
    var turn = wanted.length === 1 ? wanted[0] : Math.atan2(sin, cos);
    return wanted.map(function (angle, index) { return turn + index * step; });
  }

  /* Whether a label of ``ids`` covers one of ``others`` (with a gap) where ``placed`` has them. */
  function overlapping(ids, others, placed, box) {
    return ids.some(function (a) {
      var p = placed[a], size = box(a);
      return others.some(function (b) {
        if (a === b) { return false; }
        var q = placed[b], other = box(b);
        return Math.abs(p.x - q.x) < (size.w + other.w) / 2 + GAP / 2 &&
          Math.abs(p.y - q.y) < (size.h + other.h) / 2 + GAP / 2;
      });
    });
  }

  /* Positions on rings around ``centre`` (an id, or null for a ring alone): ``steps`` maps
   * each id to its ring (0 the middle). ``at`` gives the position a node had, ``box`` its
   * label's box. */
  function rings(ids, steps, centre, at, box, aspect) {
    // Rings are ellipses as wide as the drawing is: labels are wider than tall, and a circle
    // in a wide box is fitted by its height, its sides' room unused.
    var wide = Math.min(Math.max(aspect || 1, 1), 2);
    var middle = centre ? at(centre) : { x: 0, y: 0 };
    if (!centre) {
      ids.forEach(function (id) { middle.x += at(id).x / ids.length; middle.y += at(id).y / ids.length; });
    }
    var byRing = [];
    ids.forEach(function (id) {
      var ring = steps(id);
      (byRing[ring] = byRing[ring] || []).push(id);
    });
    var placed = {};
    var radius = 0, outerWidth = 0;
    byRing.forEach(function (ring, index) {
      if (!ring || !ring.length) { return; }
      if (index === 0 && centre) {
        placed[centre] = { x: 0, y: 0 };
        outerWidth = box(centre).w;
        return;
      }
      ring.sort(function (a, b) { return angleOf(at(a), middle) - angleOf(at(b), middle) || (a < b ? -1 : 1); });
      // Around the ring each label needs its width and height (at the top its width counts,
      // at the sides its height; on average, 2/π of each), and a gap.
      var around = 0, widest = 0;
      ring.forEach(function (id) {
        var size = box(id);
        around += (size.w + size.h) * 2 / Math.PI + GAP;
        widest = Math.max(widest, size.w);
      });
      var wanted = ring.length > 1 ? around / (2 * Math.PI) : 0;
      radius = Math.max(radius + (outerWidth + widest) / 2 + RING_GAP, wanted);
      if (!centre && index === byRing.length - 1 && ring.length === 1) { radius = 0; }
      outerWidth = widest;
      var angles = spread(ring.map(function (id) { return angleOf(at(id), middle); }));
      var inner = Object.keys(placed);
      // The estimate is of the average ring: wide labels meeting at its top may still touch,
      // so the ring grows until no label covers another.
      for (var tries = 0; tries < 120; tries += 1) {
        ring.forEach(function (id, i) {
          placed[id] = { x: wide * radius * Math.cos(angles[i]), y: radius * Math.sin(angles[i]) };
        });
        if (!overlapping(ring, inner.concat(ring), placed, box)) { break; }
        radius = Math.max(radius * 1.03, radius + 10);
      }
    });
    return placed;
  }

  /* Positions in the rows the nodes had (the same y), packed and centred, one under the other. */
  function rows(ids, at, box) {
    var byRow = new Map();
    ids.forEach(function (id) {
      var y = Math.round(at(id).y);
      if (!byRow.has(y)) { byRow.set(y, []); }
      byRow.get(y).push(id);
    });
    var ys = Array.from(byRow.keys()).sort(function (a, b) { return a - b; });
    var placed = {};
    var y = 0, before = null, lastHeight = 0;
    ys.forEach(function (rowY) {
      var row = byRow.get(rowY).sort(function (a, b) { return at(a).x - at(b).x || (a < b ? -1 : 1); });
      var height = Math.max.apply(null, row.map(function (id) { return box(id).h; }));
      // The rows keep their distance where it was small (a unit's posts stacked beside it),
      // and lose the levels between them that the focus left empty.
      if (before !== null) { y += Math.min(rowY - before, (lastHeight + height) / 2 + ROW_GAP); }
      var width = row.reduce(function (sum, id) { return sum + box(id).w; }, 0) + GAP * (row.length - 1);
      var x = -width / 2;
      row.forEach(function (id) {
        var w = box(id).w;
        placed[id] = { x: x + w / 2, y: y };
        x += w + GAP;
      });
      before = rowY;
      lastHeight = height;
    });
    return placed;
  }

  window.orgmodelCompact = { boxOf: boxOf, rings: rings, rows: rows };
}());

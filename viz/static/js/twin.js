/* The accessible twin follows the drawing: the rows of what a filter, a focus or a topic leaves
 * out of the drawing are hidden, and each table's heading says how many of its rows show
 * ("5 af 12 – som tegningen"). A keyboard or screen-reader user filtering the view heard all
 * twelve nodes and 21 relations while the drawing showed five. */
(function () {
  "use strict";

  var view = window.orgmodelView;
  var nodesTable = document.getElementById("twin-nodes");
  if (!view || !nodesTable) { return; }
  var texts = view.config.texts;
  var edgesTable = document.getElementById("twin-edges");
  var nodeRows = Array.prototype.slice.call(nodesTable.querySelectorAll("tr[data-row]"));
  var edgeRows = edgesTable ?
    Array.prototype.slice.call(edgesTable.querySelectorAll("tr[data-type]")) : [];

  // A node the drawing never held (the table of a graph opened on a part) is not left out.
  function out(id) { return view.has(id) && view.isOut(id); }

  function count(table, shown, total) {
    var box = document.querySelector('.twin-count[data-table="' + table + '"]');
    if (!box) { return; }
    box.textContent = shown === total ? String(total) :
      texts.twin_shown.replace("{shown}", shown).replace("{total}", total);
  }

  function follow(state) {
    var shown = 0;
    nodeRows.forEach(function (row) {
      var hide = out(row.getAttribute("data-row"));
      if (row.hidden !== hide) { row.hidden = hide; }
      if (!hide) { shown += 1; }
    });
    count("nodes", shown, nodeRows.length);
    var hiddenTypes = new Set(state.hiddenTypes);
    var edgesShown = 0;
    edgeRows.forEach(function (row) {
      var topic = row.getAttribute("data-topic");
      var hide = hiddenTypes.has(row.getAttribute("data-type")) ||
        out(row.getAttribute("data-from")) || out(row.getAttribute("data-to")) ||
        (state.topic && topic !== state.topic);
      if (row.hidden !== hide) { row.hidden = hide; }
      if (!hide) { edgesShown += 1; }
    });
    count("edges", edgesShown, edgeRows.length);
  }

  view.onChange(follow);
}());

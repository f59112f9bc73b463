/* Tooltips as DOM elements built from text nodes (orgmodelText.put): vis-network takes an
 * element as a node's or an edge's `title` and shows it as it is, so no text from the data is
 * ever parsed as HTML. On an English page what the data has in Danish only (a name, a role, a
 * description) is in an element marked lang="da", so that a screen reader reads it in Danish. */
(function () {
  "use strict";

  /* Tooltip makers for one page: its config (texts, kind and edge names), a function from
   * node id to the name shown (a Danish one on an English page marked so: text.js), and one
   * from a source's key to its title (the key when the data has no title for it). */
  function make(config, nameOf, sourceOf) {
    var texts = config.texts;
    var put = window.orgmodelText.put;

    /* An element with `text` in it, its marked Danish parts in <span lang="da"> (text.js). */
    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) { node.className = className; }
      if (text !== undefined && text !== null) { put(node, text); }
      return node;
    }

    function confidenceText(conf) {
      return texts["conf_" + conf] || conf;
    }

    function row(box, label, value) {
      if (value === undefined || value === null || value === "") { return; }
      var line = element("div", "tip-row");
      line.appendChild(element("span", "tip-key", label + ": "));
      line.appendChild(element("span", "tip-value", value));
      box.appendChild(line);
    }

    /* A node's tooltip as a DOM element: name, kind, owner, source, confidence. */
    function nodeTip(node) {
      var box = element("div", "tip");
      var title = element("strong", "tip-title", node.label);
      if (node.label_lang) { title.lang = node.label_lang; }  // a Danish name, said so
      box.appendChild(title);
      // A unit by its level (afdeling, team …), as the table and the command line say it.
      row(box, texts.kind, (node.level && config.levelNames[node.level]) ||
                           config.kindNames[node.kind] || node.kind);
      row(box, texts.owner, node.owner);
      row(box, texts.source, sourceOf(node.src));
      row(box, texts.confidence, confidenceText(node.conf));
      if (node.conf === "low") { box.appendChild(element("div", "tip-low", "⚠ " + texts.low_confidence)); }
      if (node.influence !== undefined) {
        row(box, texts.influence, Math.round(node.influence * 100) + " %");
        row(box, texts.interest, Math.round(node.interest * 100) + " %");
        // What to do about them and where one meets them, as the table and the command line say.
        row(box, texts.quadrant, texts["q_" + node.quadrant]);
        row(box, texts.tie, node.tie);  // why: the relations from the post to it
        row(box, texts.via, (node.via || []).join(", "));
      }
      if (node.desc) { box.appendChild(description(node)); }
      return box;
    }

    /* The node's tooltip facts on one line, for the status line a keyboard or screen reader
     * user hears when a node is selected (the tooltip itself needs a pointer). */
    function nodeSummary(node) {
      var kind = (node.level && config.levelNames[node.level]) || config.kindNames[node.kind] ||
        node.kind;
      // ... and what it is, which was in the tooltip alone: out of a keyboard's reach (the
      // accessibility probe)
      return [kind, node.owner && texts.owner + ": " + node.owner, texts.source + ": " + sourceOf(node.src),
        texts.confidence + ": " + confidenceText(node.conf),
        node.quadrant && texts.quadrant + ": " + texts["q_" + node.quadrant],
        node.desc && texts.description + ": " +
          (node.desc_lang ? window.orgmodelText.danish(node.desc) : node.desc)  // lang="da"
      ].filter(Boolean).join(" · ");
    }

    /* A description, marked Danish where an English page has no English for it, so that a
     * screen reader reads it in Danish. */
    function description(item) {
      var text = element("p", "tip-desc", item.desc);
      if (item.desc_lang) { text.lang = item.desc_lang; }
      return text;
    }

    function edgeTip(edge) {
      var box = element("div", "tip");
      box.appendChild(element("strong", "tip-title", config.edgeNames[edge.type] || edge.type));
      box.appendChild(element("div", "tip-row", nameOf(edge.from) + " → " + nameOf(edge.to)));
      row(box, "RACI", edge.raci);
      row(box, texts.role, edge.role);
      row(box, texts.topic, edge.topic_text || edge.topic);
      row(box, texts.strength, edge.strength);
      row(box, texts.order, edge.order);
      row(box, texts.source, sourceOf(edge.src));
      row(box, texts.confidence, confidenceText(edge.conf));
      if (edge.conf === "low") { box.appendChild(element("div", "tip-low", "⚠ " + texts.low_confidence)); }
      if (edge.desc) { box.appendChild(description(edge)); }
      return box;
    }

    return { element: element, node: nodeTip, edge: edgeTip, summary: nodeSummary };
  }

  window.orgmodelTips = { make: make };
}());

/* A view's state in the URL hash, so a permalink restores it: selection, focus and depth,
 * hidden kinds and edge types, hide or fade, path, topic, layout and expanded nodes. The
 * query string holds what the server needs (date, language, post). */
(function () {
  "use strict";

  /* The hash of a permalink for `state`. */
  function toHash(state) {
    var params = new URLSearchParams();
    if (state.sel) { params.set("sel", state.sel); }
    if (state.focus) { params.set("focus", state.focus); params.set("depth", String(state.depth)); }
    params.set("hk", Array.from(state.hiddenKinds).sort().join(","));
    params.set("ht", Array.from(state.hiddenTypes).sort().join(","));
    if (state.mode !== "hide") { params.set("mode", state.mode); }
    if (state.path) { params.set("path", state.path.join(",")); }
    if (state.topic) { params.set("topic", state.topic); }
    if (state.layout !== "network") { params.set("layout", state.layout); }
    if (state.expand.length) { params.set("expand", state.expand.join(",")); }
    return "#" + params.toString();
  }

  /* Read a permalink's hash into `state`; what the view hides at first unless it says. */
  function fromHash(state, hash, defaults, kindDefaults) {
    var params = new URLSearchParams((hash || "").replace(/^#/, ""));
    function list(name) { return (params.get(name) || "").split(",").filter(Boolean); }
    state.sel = params.get("sel");
    state.focus = params.get("focus");
    state.depth = Math.max(1, Math.min(3, parseInt(params.get("depth") || "1", 10) || 1));
    state.hiddenKinds = new Set(params.has("hk") ? list("hk") : kindDefaults || []);
    state.hiddenTypes = new Set(params.has("ht") ? list("ht") : defaults);
    state.mode = params.get("mode") === "fade" ? "fade" : "hide";
    var path = list("path");
    state.path = path.length === 2 ? path : null;
    state.topic = params.get("topic") || "";
    state.layout = params.get("layout") === "grid" ? "grid" : "network";
    state.expand = list("expand");
  }

  window.orgmodelPermalink = { toHash: toHash, fromHash: fromHash };
}());

/* Danish-aware text folding for the searches that run in the browser (static site, fallback).
 * It mirrors orgmodel.text's folding closely enough for matching names: lower case, æ/ø/å and
 * their ASCII spellings made equal, accents dropped. */
(function () {
  "use strict";

  function fold(text) {
    return String(text || "")
      // invisible format characters (soft hyphen, zero-width spaces, direction marks), as
      // orgmodel.text.visible drops them: "lø\u00adn" pasted from a web page is "løn"
      .replace(/[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, "")
      // a letter written as a base and a combining mark is the one letter ("a\u030a" is "å")
      .normalize("NFC")
      // two letters joined by "&" are one abbreviation ("O&P" is "OP"), as orgmodel.text.fold
      .replace(/(^|[^\p{L}\p{N}])(\p{L})&(\p{L})(?![\p{L}\p{N}])/gu, "$1$2$3")
      .toLowerCase()
      .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  /* How well one query word meets a text's words: one of them (1), the start of one (0.85),
   * or inside one (0.5: "it" in "Fritid" came before "IT og Digitalisering"); 0 for none. */
  function wordFit(word, parts, folded) {
    if (parts.indexOf(word) >= 0) { return 1; }
    if (parts.some(function (part) { return part.indexOf(word) === 0; })) { return 0.85; }
    return folded.indexOf(word) >= 0 ? 0.5 : 0;
  }

  /* Score how well `query` matches `texts` (name first): every query word must meet one of
   * the texts, a whole word better than a word's start, and that better than its inside; an
   * exact name scores highest. Returns 0 for no match. */
  function score(query, texts) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) { return 0; }
    var best = 0;
    texts.forEach(function (text, index) {
      var folded = fold(text);
      if (!folded) { return; }
      var parts = folded.split(" ");
      var fits = words.map(function (word) { return wordFit(word, parts, folded); });
      if (fits.every(function (fit) { return fit > 0; })) {
        // ... and of two names met alike, the one the words are more of ("IT" is "IT og
        // Digitalisering" before "Enhedsleder for IT og Digitalisering")
        var least = Math.min.apply(null, fits) * (0.85 + 0.15 * Math.min(1, words.length /
                                                                         parts.length));
        var value = (folded === words.join(" ") ? 1 : 0.7 * least) * (index === 0 ? 1 : 0.8);
        best = Math.max(best, value);
      }
    });
    return best;
  }

  /* A text's Danish parts: the server marks them in an English page's texts (a name the data
   * has no English for, a record's note, a KLE title) between U+E000 and U+E001
   * (orgmodel.messages.DANISH_START, DANISH_END). */
  var MARKS = /([\ue000\ue001])/;

  /* Put `text` into `element` as its content: text nodes, each Danish part in a
   * <span lang="da"> (WCAG 3.1.2: a screen reader reads it in Danish). Text nodes only, never
   * markup; a mark out of place is dropped. */
  function put(element, text) {
    element.replaceChildren();
    if (text === undefined || text === null) { return element; }
    var inside = null;
    String(text).split(MARKS).forEach(function (part) {
      if (part === "\ue000") {
        if (!inside) {
          inside = document.createElement("span");
          inside.lang = "da";
          element.appendChild(inside);
        }
      } else if (part === "\ue001") {
        inside = null;
      } else if (part) {
        (inside || element).appendChild(document.createTextNode(part));
      }
    });
    return element;
  }

  /* `text` without the marks: for an attribute, a title, a comparison. */
  function plain(text) {
    return String(text === undefined || text === null ? "" : text).replace(/[\ue000\ue001]/g, "");
  }

  /* `text`, which is Danish, marked so: for a name in a text put() is to show. */
  function danish(text) {
    return text ? "\ue000" + text + "\ue001" : text;
  }

  window.orgmodelText = { fold: fold, score: score, put: put, plain: plain, danish: danish };
}());

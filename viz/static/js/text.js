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
      .toLowerCase()
      .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  /* Score how well `query` matches `texts` (name first): every query word must start a word
   * of one of the texts; an exact name scores highest. Returns 0 for no match. */
  function score(query, texts) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) { return 0; }
    var best = 0;
    texts.forEach(function (text, index) {
      var folded = fold(text);
      if (!folded) { return; }
      var parts = folded.split(" ");
      var all = words.every(function (word) {
        return parts.some(function (part) { return part.indexOf(word) === 0; }) ||
          folded.indexOf(word) >= 0;
      });
      if (all) {
        var value = (folded === words.join(" ") ? 1 : 0.7) * (index === 0 ? 1 : 0.8);
        best = Math.max(best, value);
      }
    });
    return best;
  }

  window.orgmodelText = { fold: fold, score: score };
}());

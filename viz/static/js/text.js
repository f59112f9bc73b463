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

  window.orgmodelText = { fold: fold, score: score };
}());

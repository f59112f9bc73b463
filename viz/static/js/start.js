/* The static site's start page: answers "who is responsible for …?" in the browser, from the
 * embedded answers of every task (there is no server to ask). The served start page answers on
 * the server instead and does not load this script. Text goes in with textContent only.
 *
 * A simpler reading of a question than the server's: the words that frame it ("hvem har
 * ansvaret for") are dropped, and each other word is looked for among the texts the page
 * embeds with each task (its name, other names, KLE topic and their synonyms), each with a
 * weight. */
(function () {
  "use strict";

  var source = document.getElementById("orgmodel-owners");
  var form = document.getElementById("owner-form");
  if (!source || !form) { return; }
  var data = JSON.parse(source.textContent);
  var texts = data.texts;
  var fold = window.orgmodelText.fold;
  /* The words of a list the server sends, folded as questions are, to look up. */
  function foldedSet(words) {
    var set = {};
    (words || []).forEach(function (word) { set[fold(word)] = true; });
    return set;
  }
  var stopwords = foldedSet(data.stopwords);
  var workVerbs = foldedSet(data.workVerbs), afterWorkVerb = foldedSet(data.afterWorkVerb);
  var systemWords = foldedSet(data.systemWords), whichWords = foldedSet(data.whichWords);
  var useWords = foldedSet(data.useWords);
  /* The words of a question or a task's text, as the server reads them: folded, without
   * stopwords, and a hyphenated compound keeping a stopword it starts with ("MED-udvalg" is
   * one word, not "udvalg" after a dropped "med"). */
  function wordsOf(text) {
    var raw = String(text || "");
    var joined = raw.replace(/(^|[^\p{L}\p{N}_-])(\p{L}+)-(?=\p{L})/gu,
      function (whole, before, word) { return stopwords[fold(word)] ? before + word : whole; });
    // Two capitals are an acronym, not the stopword they fold to ("ØS" is not "os"), unless
    // the whole text shouts: as orgmodel.text.tokenize reads them.
    var acronyms = {};
    var shouting = raw === raw.toUpperCase() && raw !== raw.toLowerCase() &&
      raw.split(/\s+/).filter(Boolean).length > 2;
    if (!shouting) {
      (raw.match(/(?<![\p{L}\p{N}])[A-ZÆØÅ]{2}(?![\p{L}\p{N}])/gu) || []).forEach(function (w) {
        acronyms[fold(w)] = true;
      });
    }
    // "work" before a preposition is the question's verb ("who works with payroll?"), not the
    // "work phone" of a task's other names: as orgmodel.text.tokenize reads it.
    var words = withoutSystemFrame(fold(joined).split(" "));
    return words.filter(function (word, at) {
      return word && (!stopwords[word] || acronyms[word]) &&
        !(workVerbs[word] && afterWorkVerb[words[at + 1]]);
    });
  }
  /* "which system is used for payroll?": "system" after "which", an "it" before it and the
   * verb of use are the question's, as orgmodel.text.tokenize reads them. */
  function withoutSystemFrame(words) {
    var asked = {};
    words.forEach(function (word, at) {
      if (systemWords[word] && words.slice(Math.max(0, at - 3), at).some(function (before) {
        return whichWords[before];
      })) {
        asked[at] = true;
        if (at && words[at - 1] === "it") { asked[at - 1] = true; }
      }
    });
    if (!Object.keys(asked).length) { return words; }
    return words.filter(function (word, at) { return !asked[at] && !useWords[word]; });
  }
  /* A time in the question ("løn i 2022", "pr. 2022-06-01"): the page holds the organisation
   * on one date, so it says it cannot answer for another, and the year is no word to match
   * (the server answers for it: orgmodel/asked_date.py). A year alone is part of a name
   * ("Vision 2030"), as on the server. */
  var MARK = "(?:i år|i|in|on|år|anno|pr\\.?|per|den|the|year|in the year|during|as of) ";
  var DATE_NAMED = new RegExp("(^|[^\\p{L}\\p{N}_.,/-])(?:" + MARK + "((?:199\\d|20\\d\\d))|(?:" + MARK +
    ")?((?:199\\d|20\\d\\d)-\\d\\d-\\d\\d))(?![\\p{L}\\p{N}.,/-])", "giu");
  /* A year or month said from the page's date ("næste år", "last year"), as the server reads
   * it: the year it names. */
  var thisYear = Number((data.asOf || "").slice(0, 4)), thisMonth = Number((data.asOf || "").slice(5, 7));
  var RELATIVE = (data.relativeDates || []).map(function (said) {
    return { pattern: new RegExp("(^|[^\\p{L}\\p{N}_-])(?:(?:" + data.relativeLead + ") )?(?:" +
      said[0] + ")(?![\\p{L}\\p{N}_-])", "iu"), years: said[1], months: said[2] };
  });
  function relativeIn(query) {
    for (var at = 0; at < RELATIVE.length; at += 1) {
      var found = RELATIVE[at].pattern.exec(query);
      if (found) {
        var month = thisYear * 12 + thisMonth - 1 + RELATIVE[at].months;
        return { found: found, year: String(Math.floor(month / 12) + RELATIVE[at].years) };
      }
    }
    return null;
  }
  function yearsIn(query) {
    var years = [];
    String(query).replace(DATE_NAMED, function (whole, before, year, day) {
      years.push(year || day);
      return whole;
    });
    var said = years.length || !thisYear ? null : relativeIn(String(query));
    if (said) { years.push(said.year); }
    return years;
  }
  /* The question without the date it names. */
  function withoutDate(query) {
    var text = String(query).replace(DATE_NAMED, "$1");
    var said = text === String(query) && thisYear ? relativeIn(text) : null;
    if (said) {
      text = text.slice(0, said.found.index) + said.found[1] +
        text.slice(said.found.index + said.found[0].length);
    }
    return text;
  }
  var synonyms = (data.synonyms || []).map(function (terms) {
    return [].concat.apply([], terms.map(wordsOf));
  });
  var tasks = data.tasks.map(function (task) {
    var keys = task.keys.map(function (key) {
      return { words: wordsOf(key[0]), weight: key[1], note: key[2] || null };
    })
      .concat((task.synonyms || []).map(function (group) {
        return { words: synonyms[group[0]] || [], weight: group[1] };
      }));
    return { task: task, name: wordsOf((task.keys[0] || [""])[0]).join(" "), keys: keys };
  });
  /* What a question may name that is not a task (a system no task uses, an initiative, a unit,
   * a forum, a body, a post), with its hint; and the words that ask who leads or sits in one. */
  var named = (data.named || []).map(function (entry) {
    return { text: entry.text, led: entry.led, says: entry.says, post: entry.post, used: entry.used,
      parts: entry.parts, together: entry.together, home: entry.home, meeting: entry.meeting,
      counted: entry.counted, counts: entry.counts, listing: entry.listing,
      keys: entry.keys.map(function (key) {
        return { words: wordsOf(key[0]), weight: key[1], whole: " " + fold(key[0]) + " ",
          written: writtenWords(key[0]).join(" ") };
      }) };
  });
  var leading = foldedSet(data.leading), deciding = foldedSet(data.deciding);
  var reporting = foldedSet(data.reporting), supporting = foldedSet(data.supporting);
  var structure = foldedSet(data.structure), collaboration = foldedSet(data.collaboration);
  var collaborationFrame = foldedSet((data.collaboration || []).concat(data.structure || []));
  var underBeside = foldedSet(data.under);
  // The words left out when the node is looked for: the question's frame, not its name.
  var structureFrame = foldedSet((data.structure || []).concat(data.structureFrame || [],
                                                               data.under || [], ["under"]));

  var WEAK = 0.5;
  // Every word of every task's texts, to tell a word no text holds; and the words of the
  // tasks' names and other names, which such a word may be a typo of (not the KLE topics'
  // words: "parkering" is no typo of "City-markering").
  var vocabulary = {}, names = {};
  tasks.forEach(function (entry) {
    entry.keys.forEach(function (key) {
      key.words.forEach(function (w) {
        vocabulary[w] = true;
        if (key.weight >= data.nameWeight) { names[w] = true; }
      });
    });
  });
  var written = vocabulary;  // every word the tasks' texts write, whole
  vocabulary = Object.keys(vocabulary);
  names = Object.keys(names);
  // A typo's match counts 0.7, as one edit does on the server (orgmodel.search); 0.9 when it
  // has one reading (oneReading) and KLE does not write it ("borgmster" is "borgmester";
  // "forsaltning", a KLE word, is no misspelt "forvaltning": the server sends the words it
  // would misread).
  var TYPO = 0.7, READ_AS = data.readAs || TYPO;
  var notTypos = {};
  (data.notTypos || []).forEach(function (word) { notTypos[word] = true; });

  /* Edits allowed in a word: one from 5 letters. Stricter than the server (which allows two
   * from 8 letters), which has the whole KLE catalogue to tell work outside the model from a
   * typo; here "parkering" would be read as a word two edits away. */
  function typoBudget(word) { return word.length >= 5 ? 1 : 0; }

  /* Edit distance with adjacent transpositions as one edit, capped at bound + 1. */
  function distance(a, b, bound) {
    if (Math.abs(a.length - b.length) > bound) { return bound + 1; }
    var before = [], previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      before = previous;
      previous = current;
    }
    return Math.min(previous[b.length], bound + 1);
  }

  /* The words a question word stands for, with how strongly: itself, or, when it meets no
   * word of any task ("lønudbetalng"), the words within its typo budget. */
  function readings(word) {
    if (vocabulary.some(function (known) { return meets(word, [known]); })) {
      return [{ word: word, factor: 1 }];
    }
    var budget = typoBudget(word);
    var near = [];
    if (budget) {
      names.forEach(function (known) {
        var edits = distance(word, known, budget);
        if (edits <= budget) { near.push({ word: known, factor: TYPO }); }
      });
    }
    if (oneReading(word, near.map(function (reading) { return reading.word; }))) {
      near.forEach(function (reading) { reading.factor = READ_AS; });
    }
    return near;
  }

  /* Whether the words a typo is near are one word, give or take an ending, beginning as the
   * typo does, and the typo long enough to be no word of its own and no word KLE writes (as
   * on the server: "mail" is no misspelt "rail", "turister" no "jurister"). */
  function oneReading(word, near) {
    return near.length > 0 && word.length >= (data.readAsMin || 8) && !notTypos[word] &&
      near.every(function (known) { return sameWord(known, near[0]) && known[0] === word[0]; });
  }

  /* The word of a name that a word no text writes stands for, when it has one reading, one
   * edit away ("borgmster"), as on the server; else null. */
  var nameWords = {}, readName = {};
  named.forEach(function (entry) {
    entry.keys.forEach(function (key) {
      key.words.forEach(function (word) { nameWords[word] = true; });
    });
  });
  nameWords = Object.keys(nameWords);
  function readAsName(word) {
    if (!(word in readName)) {
      var near = [];
      if (word.length >= (data.readAsMin || 8) && !nameWords.some(function (w) { return sameWord(word, w); }) &&
          !vocabulary.some(function (known) { return sameWord(word, known); })) {
        near = nameWords.filter(function (w) { return distance(word, w, 1) <= 1; });
      }
      readName[word] = oneReading(word, near) ? near[0] : null;
    }
    return readName[word];
  }

  /* A question word meets a word it begins, or one of three letters or more that begins it
   * ("løn" in "lønnen" and in "lønudbetaling"). */
  /* Whether ``word`` begins one of ``words``, or one of them begins it (a compound's first
   * part: "lønudbetaling" meets "løn"); not a word the texts write whole, which is a name of
   * its own ("rollebi" is no "rolle", a role). */
  function meets(word, words) {
    return words.some(function (candidate) {
      return candidate.indexOf(word) === 0 ||
        (candidate.length >= 3 && word.indexOf(candidate) === 0 && !written[word]);
    });
  }

  /* How well an entry's texts fit the words: the mean over the words of the weight of the
   * strongest text each meets (or, for a word read as a typo, each of its readings meets, at
   * that reading's factor), an exact name on top; and the notes of those texts. */
  function fit(entry, words, read) {
    var total = 0;
    var notes = [];
    read.forEach(function (readings) {
      var strongest = null, strength = 0;
      readings.forEach(function (reading) {
        entry.keys.forEach(function (key) {
          var weight = key.weight * reading.factor;
          if (weight > strength && meets(reading.word, key.words)) {
            strongest = key;
            strength = weight;
          }
        });
      });
      if (!strongest) { return; }
      total += strength;
      if (strongest.note && notes.indexOf(strongest.note) < 0) { notes.push(strongest.note); }
    });
    return { score: total / words.length + (entry.name === words.join(" ") ? 0.5 : 0),
      notes: notes };
  }

  /* The tasks a question is about, best first: those within 60 % of the best fit, as on the
   * server. A text with a note (the name of a system the task uses) adds its note when it is
   * the strongest a word meets. */
  /* "it", the English pronoun, is no IT in an English question, as on the server
   * (orgmodel.text.without_pronoun_it): "payroll, who handles it?" asks about payroll. */
  var englishQuestion = {};
  (data.englishQuestion || []).forEach(function (word) { englishQuestion[word] = true; });
  function withoutPronounIt(query) {
    var english = fold(query).split(" ").some(function (word) { return englishQuestion[word]; });
    return english ? String(query).replace(/(?<![\p{L}\p{N}_-])[Ii]t(?![\p{L}\p{N}_-])/gu, " ")
      : query;
  }

  /* A lone letter or a one- or two-digit number names no work, as on the server. */
  function namesWork(word) { return word.length > 1 && !/^\d\d$/.test(word); }

  /* A KLE number asked for: the question itself ("81.15"), a group or topic written in it
   * ("hvem har ansvaret for 81.15?"), or a main group's two digits ending it or after "KLE"
   * (orgmodel.kle.kle_group_asked): the tasks filed under it, that number's own first, as on
   * the server. */
  var KLE_WRITTEN = /(?<![\w.,-])(\d{2}\.\d{2}(?:\.\d{2})?)(?![\w,-]|\.\d)/;
  var KLE_GROUP_ASKED = /(?:\bkle\s+(\d{2})|(?<![\w.,-])(\d{2})[\s?!.]*$)(?![\w.,-])/i;
  function kleAsked(query) {
    var text = String(query).trim();
    if (/^\d{2}$/.test(text)) { return text; }
    var written = KLE_WRITTEN.exec(text) || KLE_GROUP_ASKED.exec(text);
    return written ? (written[1] || written[2]) : null;
  }
  function filedUnder(number) {
    var own = number + ".00.00".slice(0, 8 - number.length);
    return tasks.filter(function (entry) { return (entry.task.kle || "").indexOf(number) === 0; })
      .map(function (entry) {
        return { task: entry.task, score: entry.task.kle === own ? 1 : 0.9, notes: [] };
      })
      .sort(function (a, b) { return b.score - a.score || (a.task.kle < b.task.kle ? -1 : 1); })
      .slice(0, 5);
  }

  function rank(query) {
    var number = kleAsked(query);
    var words = wordsOf(query).filter(namesWork);
    if (!words.length) { return number ? filedUnder(number) : []; }
    var read = words.map(readings);
    var found = tasks.map(function (entry) {
      var fitted = fit(entry, words, read);
      return { task: entry.task, score: fitted.score, notes: fitted.notes };
    }).filter(function (hit) { return hit.score > 0; });
    if (!found.length && number) { return filedUnder(number); }
    var best = found.reduce(function (top, hit) { return Math.max(top, hit.score); }, 0);
    return found.filter(function (hit) { return hit.score >= best * 0.6; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, 5);
  }

  /* The same word, give or take an ending ("letbanen", "letbane"); not a compound's first
   * part ("løn" does not name "lønsystem", nor "digitalisering" "Digitaliseringsrådet"). */
  function sameWord(a, b) {
    var short = a.length < b.length ? a : b;
    var long = a.length < b.length ? b : a;
    return long.indexOf(short) === 0 && short.length >= 0.75 * long.length;
  }

  /* How well words name a text: its weight, times the share of the words that meet it, times
   * the share of its words that they meet. One shared word does not name "Fælles udbud af
   * økonomi- og lønsystem" (the task it would hide, Indkøb, is what "udbud" asks for). */
  function naming(key, words) {
    if (!key.words.length) { return 0; }
    var met = 0, covered = 0;
    // A misspelt word of the name meets it as surely as the server reads it (READ_AS).
    words.forEach(function (word) {
      if (key.words.some(function (candidate) { return sameWord(word, candidate); })) {
        met += 1;
      } else if (key.words.indexOf(readAsName(word)) >= 0) {
        met += READ_AS;
      }
    });
    key.words.forEach(function (candidate) {
      if (words.some(function (word) { return sameWord(word, candidate); })) {
        covered += 1;
      } else if (words.some(function (word) { return readAsName(word) === candidate; })) {
        covered += READ_AS;
      }
    });
    return key.weight * (met / words.length) * (covered / key.words.length);
  }

  /* "hvem er med i ØU?" asks for members, as "hvem sidder i ØU?" does
   * (orgmodel.question_frames.as_membership). */
  var membership = (data.membership || []).map(function (pair) {
    return [new RegExp(pair[0], "gi"), pair[1]];
  });
  function asMembership(query) {
    return membership.reduce(function (text, pair) { return text.replace(pair[0], pair[1]); },
      String(query));
  }

  /* The hint on what the question names that is not a task, as the server gives it: a name
   * that fits well and better than the best task, or any unit, forum, body, initiative or post
   * the question names when it asks who leads or sits in one (those words left out, as are
   * the words that ask who decides); with how well it fits. */
  /* "hvilke udvalg er der?", "what fora are there?": the list of a kind, its plural alone
   * beside the words that ask for it (orgmodel.kind_list). */
  var listFrame = foldedSet(data.listFrame), listAsking = foldedSet(data.listAsking);
  function listHint(query) {
    if (!fold(query).split(" ").some(function (word) { return listAsking[word]; })) { return null; }
    var words = wordsOf(query).filter(function (word) { return !listFrame[word]; });
    var found = words.length ? named.filter(function (entry) {
      return entry.listing && words.every(function (word) {
        return entry.keys.some(function (key) { return key.words.indexOf(word) >= 0; });
      });
    }) : [];
    return found.length === 1 ? { text: found[0].text, says: true, score: 1, alone: true } : null;
  }

  function namedHint(query, bestTask) {
    query = asMembership(query);
    var listing = listHint(query);
    if (listing) { return listing; }
    var reportsTo = reportingHint(query);
    if (reportsTo) { return reportsTo; }
    var all = wordsOf(query).filter(function (word) { return !deciding[word]; });
    var asksWho = all.some(function (word) { return leading[word]; });
    if (asksWho && namesHomeAlone(query, leading)) { return homeHint(); }
    var byName = asksWho ? null : namedWhole(query, bestTask);
    if (byName) { return byName; }
    var words = asksWho ? all.filter(function (word) { return !leading[word]; }) : all;
    var best = words.length ? bestNamed(words, function (entry) {
      return entry.text && (!asksWho || entry.led);  // not one named only for its partners
    }) : null;
    var needed = Math.max(data.hintMin, asksWho ? 0 : bestTask + data.margin);
    if (asksWho && !(best && best.score >= needed)) {
      // The leader's word may be the post's own name ("who is the municipal director?"),
      // when one post has it: of two directors alike, which one is not guessed.
      best = bestNamed(all, function (entry) { return entry.post; }, data.nearTie || 0);
      if (best && best.tied.length) { best = writtenWhole(best, query); }
    }
    return best && best.score >= needed ?
      { text: best.entry.text, says: best.entry.says, score: best.score } : null;
  }

  /* Asked what or who something is ("hvem er ØU?", "what is SKI?"), the one entry with a name
   * or an alias that the rest of the question writes whole, as the server names it
   * (orgmodel.node_hint._first_hint, by_alias), unless a task fits clearly better. Compared
   * as written, case aside: "ØU" (the finance committee) is not "OU" (organisational
   * development). */
  var defining = foldedSet(data.defining), notDefining = foldedSet(data.notDefining);
  var articles = foldedSet(data.articles);
  function writtenWords(text) {
    return String(text || "").toLowerCase().match(/[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu) || [];
  }
  function namedWhole(query, bestTask) {
    var said = writtenWords(query);
    if (!defining[said.slice(0, 2).map(fold).join(" ")]) { return null; }
    var rest = said.slice(2).filter(function (word) { return !articles[fold(word)]; });
    if (!rest.length || notDefining[fold(rest[0])]) { return null; }
    var asked = rest.join(" ");
    var found = named.filter(function (entry) {
      return entry.text && entry.keys.some(function (key) { return key.written === asked; });
    });
    if (found.length !== 1) { return null; }
    // How well it fits, as a task's fit is scored: "SKI" names the SKI agreements' task as
    // well as it names SKI, and the server then names both.
    var words = wordsOf(query).filter(namesWork);
    var score = words.length ? fit(found[0], words, words.map(readings)).score : 0;
    return bestTask >= score + data.margin ? null :
      { text: found[0].text, says: found[0].says, score: score };
  }

  /* The entry that ``words`` name best among those that ``fits``, with its score, and the
   * others that fit as well, or within ``near`` of it. */
  function bestNamed(words, fits, near) {
    var scored = [];
    named.forEach(function (entry) {
      if (!fits(entry)) { return; }
      scored.push({ entry: entry, score: entry.keys.reduce(function (top, key) {
        return Math.max(top, naming(key, words));
      }, 0) });
    });
    if (!scored.length) { return null; }
    var best = scored.reduce(function (top, one) { return one.score > top.score ? one : top; });
    return { entry: best.entry, score: best.score, tied: scored.filter(function (one) {
      return one !== best && one.score > 0 && one.score >= best.score - (near || 0);
    }).map(function (one) { return one.entry; }) };
  }

  /* Of entries named alike, the one whose name the question writes whole, longest first, as
   * the server breaks such a tie ("municipal director" among the directors); else none. */
  function writtenWhole(best, query) {
    var asked = " " + fold(query) + " ";
    var lengths = [best.entry].concat(best.tied).map(function (entry) {
      return { entry: entry, length: entry.keys.reduce(function (top, key) {
        return asked.indexOf(key.whole) >= 0 ? Math.max(top, key.whole.length) : top;
      }, 0) };
    }).sort(function (a, b) { return b.length - a.length; });
    // "hvem er direktør?" writes both area directors' alias alike: neither is named.
    return lengths[0].length > lengths[1].length ?
      { entry: lengths[0].entry, score: best.score, tied: [] } : null;
  }

  /* Whom a post reports to ("hvem refererer økonomichefen til?") and what lies under or in a
   * unit, body, organisation or forum ("hvilke enheder hører under Økonomi og Stab?"), as the
   * server reads them: the node named by its own words, well enough to be its name; no task
   * is that answer. */
  function framedHint(query, asks, leftOut, fits, needed, notAPost, field) {
    var words = wordsOf(query);
    if (!asks(fold(query).split(" "))) { return null; }
    words = words.filter(function (word) { return !leftOut[word]; });
    var best = words.length ? bestNamed(words, fits) : null;
    // A post named better is what it asks about ("hvad hører under borgmesteren?").
    var post = notAPost && best ? bestNamed(words, function (entry) { return entry.post; }) : null;
    if (post && post.score > best.score + (data.nearTie || 0)) { return null; }
    return best && best.score >= needed ? { text: best.entry[field || "text"],
      says: best.entry.says, score: best.score, alone: true } : null;
  }

  /* Whom something works with ("hvem samarbejder IT og Digitalisering med?", "who does the
   * mayor work with?"), as orgmodel.question_frames.asks_collaboration reads it. */
  var doWorkWith = (data.doWorkWith || [[], [], []]).map(foldedSet);
  function asksCollaboration(words) {
    return anyOf(collaboration)(words) || words.some(function (word, at) {
      return doWorkWith[1][word] && doWorkWith[2][words[at + 1]] &&
        words.slice(0, at).some(function (before) { return doWorkWith[0][before]; });
    });
  }

  function anyOf(table) {
    return function (words) { return words.some(function (word) { return table[word]; }); };
  }

  /* "under" asks what lies under something only beside "sig", "hører", "is", …: "hvem har
   * ansvaret for løn under Organisation og Politik?" asks for a task. */
  function asksStructure(words) {
    return anyOf(structure)(words) || words.some(function (word, at) {
      return (word === "under" && (underBeside[words[at - 1]] || underBeside[words[at + 1]])) ||
        (/^makes?$|^made$/.test(word) && words[at + 1] === "up");  // "… made up of?"
    });
  }

  /* (The server also wants a unit to fit better than any task: here a name is only met by
   * the share of the question's words it meets, so a task's words already keep it under.) */
  /* The municipality itself, named by "kommunen" and nothing else once the question's frame
   * (``frame``) is left out, as orgmodel.home reads it: "hvem leder kommunen?". */
  var homeWord = foldedSet(data.homeWords);
  var home = named.filter(function (entry) { return entry.home; })[0] || null;
  function namesHomeAlone(query, frame) {
    var words = fold(query).split(/\s+/).filter(function (word) { return word && !frame[word]; });
    return home !== null && words.some(function (word) { return homeWord[word]; }) &&
      words.every(function (word) { return homeWord[word] || stopwords[word]; });
  }
  function homeHint() {
    return { text: home.text, says: home.says, score: 1, alone: true };
  }

  var topicWord = foldedSet(data.topicWords);
  /* The question before its last "om"/"on"/"about" (orgmodel.question_frames.split_topic):
   * "hvem samarbejder Økonomi og Indkøb med om budgetter?" names the unit before it. */
  function beforeTopic(query) {
    var words = String(query).split(/\s+/);
    for (var at = words.length - 2; at > 0; at -= 1) {
      if (topicWord[fold(words[at])]) { return words.slice(0, at).join(" "); }
    }
    return query;
  }

  function reportingHint(query) {
    // "units" in "which units does IT work with?" asks the kind of partner, as on the server.
    var together = function (text) {
      return framedHint(text, asksCollaboration, collaborationFrame,
                        function (entry) { return entry.together; }, data.reportingMin, false,
                        "together");
    };
    return together(beforeTopic(query)) || together(query) ||
      framedHint(query, anyOf(reporting), reporting,
                      function (entry) { return entry.post; }, data.reportingMin) ||
      // Who supports or runs a system no task uses ("hvem drifter Aula?"), well named.
      framedHint(query, anyOf(supporting), supporting,
                 function (entry) { return entry.used; }, data.supportedMin) ||
      (asksStructure(fold(query).split(" ")) && namesHomeAlone(query, structureFrame) ?
        homeHint() : null) ||
      framedHint(query, asksStructure, structureFrame, function (entry) { return entry.parts; },
                 data.reportingMin, true) ||
      sizeHint(query) ||
      framedHint(query, asksMeeting, meetingFrame, function (entry) { return entry.meeting; },
                 data.hintMin, false, "meeting");
  }

  /* How often or when a forum or body meets ("hvor tit mødes ØS-IT?"): a verb of meeting and
   * a word of when, as orgmodel.question_frames.asks_meeting reads them. */
  var meetVerbs = foldedSet((data.meeting || [[], []])[0]);
  var meetWhen = foldedSet((data.meeting || [[], []])[1]);
  var meetingFrame = foldedSet([].concat.apply([], data.meeting || []));
  function asksMeeting(words) { return anyOf(meetVerbs)(words) && anyOf(meetWhen)(words); }

  /* How big something is ("hvor mange ansatte har Økonomi og Indkøb?", "how big is Finance
   * and Staff?"), as orgmodel.node_hint reads it: its hint, which says its size where the
   * data counts it, and that the model gives none where not. */
  var sizeFrame = foldedSet(data.size);
  var sizeAsk = (data.sizeAsk || [[], [], []]).map(foldedSet);
  function asksSize(words) {
    return words.some(function (word, at) {
      return sizeAsk[2][word] || (sizeAsk[0][word] && sizeAsk[1][words[at + 1]]);
    });
  }
  function sizeHint(query) {
    if (!asksSize(fold(query).split(" "))) { return null; }
    var found = namesHomeAlone(query, sizeFrame) ? { entry: home, score: 1 } : null;
    if (!found) {
      var words = wordsOf(query).filter(function (word) { return !sizeFrame[word]; });
      found = words.length ? bestNamed(words, function (entry) { return entry.text; }) : null;
    }
    if (!found || found.score < data.hintMin) { return null; }
    return { text: found.entry.text + (found.entry.counted ? countMissing(query, found.entry) :
      " " + data.noSize), says: found.entry.says, score: found.score, alone: true };
  }

  /* The count the question's noun asks for, when the entry counts others ("hvor mange
   * medarbejdere har kommunen?": its inhabitants are no answer), as the server says it. */
  function countMissing(query, entry) {
    var asked = {};
    var name = (entry.keys[0] || { words: [] }).words;
    wordsOf(query).forEach(function (word) {
      var key = (data.sizeNounCounts || {})[word];
      if (key && name.indexOf(word) < 0) { asked[key] = true; }
    });
    var keys = Object.keys(asked);
    return keys.length === 1 && (entry.counts || []).indexOf(keys[0]) < 0 ?
      " " + data.noCount.replace("{what}", data.countWords[keys[0]]) : "";
  }

  /* A question about the asker ("hvem er min chef?", "who do I report to?"), as the server
   * reads it (orgmodel/asker.py): it names nothing else, and no task is its answer. */
  var my = foldedSet(data.my), boss = foldedSet(data.boss);
  var selfReporting = foldedSet(data.selfReporting), subject = { jeg: true, i: true, me: true };
  function asksAboutSelf(query) {
    var words = fold(query).split(" ");
    var mine = words.some(function (word, at) {
      // "min chef", and Danish also "chefen min"
      return my[word] && words.slice(at + 1, at + 3).concat(words.slice(Math.max(at - 1, 0), at))
        .some(function (near) { return boss[near]; });
    });
    var reporting = words.some(function (word) { return selfReporting[word] && !subject[word]; }) &&
      words.some(function (word) { return subject[word]; });
    return (mine || reporting) && wordsOf(query).every(function (word) {
      return my[word] || boss[word] || selfReporting[word];
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function fact(list, term, value) {
    list.appendChild(element("dt", term));
    var detail = element("dd");
    if (Array.isArray(value)) {
      var steps = element("ol", null, "chain");
      value.forEach(function (step) { steps.appendChild(element("li", step)); });
      detail.appendChild(value.length ? steps : document.createTextNode("—"));
    } else {
      detail.textContent = value || "—";
    }
    list.appendChild(detail);
  }

  var pageTitle = document.title;

  function render(query) {
    var box = document.getElementById("answers");
    box.replaceChildren();
    // The tab and the browser's history name the question, as the served page's title does.
    document.title = query ? texts.answers_for.replace("{q}", query) + " – " +
      pageTitle.split(" – ").slice(1).join(" – ") : pageTitle;
    if (!query) { return; }
    var asked = yearsIn(query).filter(function (when) {
      return !data.asOf || when.slice(0, 4) !== data.asOf.slice(0, 4);
    });
    var text = withoutPronounIt(withoutDate(query).trim() || query);
    // "hvem er min chef?": the page cannot know who asks.
    var instead = asksAboutSelf(text) ? texts.ask_about_your_post : null;
    var found = instead ? [] : rank(text);
    var best = found.length ? found[0].score : 0;
    var hint = instead ? null : namedHint(text, best);
    // "hvem er chef?" names nothing led, unless a post's name holds the word ("who is the
    // municipal director?"): what the tasks met was stray.
    var content = wordsOf(text);
    if (!instead && !hint && content.length &&
        content.every(function (word) { return leading[word]; })) {
      instead = texts.name_what_is_led;
      found = [];
    }
    var cannot = instead !== null;
    // As the server does: a node named clearly better than every task, all weak matches,
    // answers alone when its hint says who is in charge of it ("hvem er kommunaldirektør?" is
    // not about staff matters).
    if (hint && (hint.alone || hint.says && hint.score >= best + data.margin &&
        found.every(function (hit) { return hit.score < WEAK; }))) {
      found = [];
    }
    box.appendChild(element("h2", texts.answers_for.replace("{q}", query)));
    if (asked.length) {
      box.appendChild(element("p", texts.site_as_of.replace("{date}", data.asOf)
        .replace("{asked}", asked[0]), "as-of-note"));
    }
    if (cannot) {
      box.appendChild(element("p", instead, "no-answer ask-instead"));
    } else if (!found.length && !hint) {
      box.appendChild(element("p", texts.no_answer.replace("{q}", query), "no-answer"));
    }
    if (hint) { box.appendChild(element("p", hint.text, "node-hint")); }
    found.forEach(function (hit, index) {
      var task = hit.task;
      var article = element("article", null, "answer");
      var heading = element("h3", task.task);
      heading.id = "answer-" + (index + 1);
      article.setAttribute("aria-labelledby", heading.id);
      article.appendChild(heading);
      if (task.kle) {
        article.appendChild(element("p", texts.kle + " " + task.kle + " · " + texts.kle_group + " " +
          (task.kle_group || ""), "kle"));
      }
      var table = element("table", null, "data");
      table.appendChild(element("caption", texts.owners));
      var head = element("tr");
      [texts.raci, texts.name, texts.kind, texts.confidence].forEach(function (label) {
        var th = element("th", label);
        th.scope = "col";
        head.appendChild(th);
      });
      var thead = element("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = element("tbody");
      task.owners.forEach(function (owner) {
        var line = element("tr");
        var th = element("th", owner.raci);
        th.scope = "row";
        line.appendChild(th);
        line.appendChild(element("td", owner.name));
        line.appendChild(element("td", owner.kind));
        line.appendChild(element("td", owner.certainty || ""));
        body.appendChild(line);
      });
      table.appendChild(body);
      article.appendChild(table);
      var facts = element("dl", null, "facts");
      fact(facts, texts.accountable_post, task.accountable_post);
      fact(facts, texts.escalation, task.escalation);
      (task.facts || []).forEach(function (pair) { fact(facts, pair[0], pair[1]); });
      // Fewer than half of the question's words met the task: an answer to check, as the
      // server says of its weak matches.
      var notes = hit.notes.concat(task.notes, hit.score < WEAK ? [texts.weak_match] : []);
      if (notes.length) { fact(facts, texts.notes, notes.join(" ")); }
      article.appendChild(facts);
      var link = element("a", texts.view_responsibilities);
      link.href = "responsibilities.html#sel=" + encodeURIComponent(task.id);
      var para = element("p");
      para.appendChild(link);
      article.appendChild(para);
      box.appendChild(article);
    });
    // Said in a few words; the answer itself is read where it stands (h2 and on).
    var said = document.getElementById("answers-said");
    if (said) {
      said.textContent = cannot ? instead : (!found.length && hint) ? hint.text.split(". ")[0] + "." :
        texts.answers_said.replace("{count}", found.length).replace("{q}", query);
    }
  }

  /* The other language's page asks the same question (as the served page's link does). */
  function keepInLanguageLink(query) {
    var toggle = document.getElementById("lang-toggle");
    if (toggle) { toggle.search = query ? "?q=" + encodeURIComponent(query) : ""; }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("q").value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    keepInLanguageLink(query);
    render(query);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    document.getElementById("q").value = initial;
    keepInLanguageLink(initial);
    render(initial);
  }
}());

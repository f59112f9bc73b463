/* The static site's start page, first of three scripts (start-read.js, start-hints.js,
 * start.js): reading a question. There is no server to ask, so the page embeds the answers of
 * every task and this script finds the tasks a question is about: the words that frame it
 * ("hvem har ansvaret for") are dropped, and each other word is looked for among the texts
 * the page embeds with each task (its name, other names, KLE topic and their synonyms), each
 * with a weight; a word no text writes may be a typo of a task's name. A simpler reading of a
 * question than the server's (orgmodel.search, orgmodel.answers). Shares what the next
 * scripts need as window.orgmodelStart. */
(function () {
  "use strict";

  var source = document.getElementById("orgmodel-owners");
  if (!source || !document.getElementById("owner-form")) { return; }
  var data = JSON.parse(source.textContent);
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
      counted: entry.counted, counts: entry.counts, listing: entry.listing, tasks: entry.tasks,
      up: entry.up, down: entry.down, sits: entry.sits, route: entry.route, head: entry.head,
      place: entry.place, stakeholders: entry.stakeholders, sized: entry.sized,
      running: entry.running, decides: entry.decides, org: entry.org, whatIs: entry.whatIs,
      supplier: entry.supplier, usedCounted: entry.usedCounted, escalation: entry.escalation,
      thing: entry.thing, council: entry.council,
      operator: entry.operator, held: entry.held || null, link: entry.link || null,
      partsCounted: entry.partsCounted || null, routeOn: entry.routeOn || null,
      headSits: entry.headSits || null, when: entry.when || null,
      groupCounted: entry.groupCounted || null,
      // who it is, and what the data holds between it and another (start-hints.js, yesNoHint)
      id: entry.id || null, name: entry.name || null, headPost: entry.headPost || null,
      between: entry.between || null,
      keys: entry.keys.map(function (key) {
        return { words: wordsOf(key[0]), weight: key[1], whole: " " + fold(key[0]) + " ",
          written: writtenWords(key[0]).join(" ") };
      }) };
  });

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
    // (its name without the marks of a Danish name on an English page: text.js)
    return { score: total / words.length +
      (entry.name && window.orgmodelText.plain(entry.name) === words.join(" ") ? 0.5 : 0),
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

  /* A request or roundabout question read as the plain one, as on the server
   * (orgmodel.politeness): "vis mig hvem der sidder i Direktørforum" is "hvem sidder i
   * Direktørforum", "leder nogen Chefforum?" is "hvem leder Chefforum?". */
  var plainPatterns = data.plain || {};
  function pattern(key) { return new RegExp(plainPatterns[key] || "(?!)", "iu"); }
  var REQUEST = pattern("request"), EMBEDDED = pattern("embedded"), LIST = pattern("list");
  var EXISTS = pattern("exists"), ANY_OF = pattern("anyOf"), CLEFT = pattern("cleft");
  // "løn, men ikke HR": what is left out, everywhere in the question
  var EXCEPT = new RegExp(plainPatterns.except || "(?!)", "giu");
  var ANYONE = /^(\S+) (?:nogen|nogle|anyone|anybody)(?![\p{L}\p{N}])/iu;
  var anyoneVerbs = {};
  (data.anyoneVerbs || []).forEach(function (verb) { anyoneVerbs[verb] = true; });
  var auxiliaries = { does: true, do: true, is: true, are: true };
  function plainQuestion(question) {
    var text = String(question).replace(REQUEST, "");
    if (text !== String(question)) {
      text = text.replace(LIST, function (said) {
        return /^(a |list)/i.test(said) ? "which " : "hvilke ";
      });
    }
    text = text.replace(EMBEDDED, "$1").replace(EXISTS, "er der").replace(CLEFT, "$2 $1 $3")
      .replace(EXCEPT, "").replace(ANY_OF, "hvilke ");
    var anyone = text.match(ANYONE);
    if (anyone && anyoneVerbs[anyone[1].toLowerCase()]) {
      var rest = text.slice(anyone[0].length).trim();
      text = auxiliaries[anyone[1].toLowerCase()] ? "who " + rest :
        "hvem " + anyone[1] + " " + rest;
    }
    return text.trim() || String(question);
  }

  /* An abbreviation in capitals with a genitive's "s" ("ØUs", "KB's") names the abbreviation,
   * as on the server (orgmodel.text.without_acronym_genitive). */
  var acronymGenitive = new RegExp(data.acronymGenitive || "(?!)", "gu");
  function withoutAcronymGenitive(query) {
    return String(query).replace(acronymGenitive, "$1");
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

  /* The municipality's own name where it only says where: "økonomichef i Albertslund",
   * "CIO albertslund" ask for the finance chief, the CIO (orgmodel.home.without_home_name).
   * Kept within another name
   * ("Albertslund Centrum") and when nothing else would be left. */
  var homeName = foldedSet(data.homeNames || []);
  var homeWordOf = foldedSet(data.homeWords || []);
  var whereWord = foldedSet(data.where || []);
  function withoutHomeName(query) {
    var pattern = /[\p{L}\p{N}]+/gu, words = [], match;
    while ((match = pattern.exec(query)) !== null) {
      words.push({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]) });
    }
    var count = words.length, drop = {};
    words.forEach(function (word, i) {
      // "albertslunds borgmester": whose, before what it names (as orgmodel.home)
      var folded = word.folded;
      if (!homeName[folded] && folded.slice(-1) === "s" && homeName[folded.slice(0, -1)] &&
          i + 1 < count) {
        drop[i] = true;
        return;
      }
      if (!homeName[word.folded]) { return; }
      var after = i + 1;
      while (after < count && homeName[words[after].folded]) { after++; }
      var home = after < count && homeWordOf[words[after].folded] ? 1 : 0;
      var end = after + home, k;
      // at the end, after its preposition or right after what it places ("CIO albertslund"),
      // not after a verb ("hvor mange indbyggere har Albertslund?")
      var preposition = i > 0 && whereWord[words[i - 1].folded];
      var where = end === count && i > 0 && (preposition || !stopwords[words[i - 1].folded]);
      if (!home && !where) { return; }
      for (k = preposition && where ? i - 1 : i; k < end; k++) { drop[k] = true; }
    });
    var dropped = Object.keys(drop).map(Number);
    var rest = words.filter(function (word, i) { return !drop[i]; });
    if (!dropped.length || rest.every(function (word) {
      return stopwords[word.folded] || homeWordOf[word.folded];
    })) { return query; }
    var kept = query;
    dropped.sort(function (a, b) { return b - a; }).forEach(function (i) {
      var start = words[i].start;
      while (start > 0 && kept[start - 1] === " ") { start--; }
      kept = kept.slice(0, start) + kept.slice(words[i].end);
    });
    return kept;
  }

  function rank(query) {
    // A task's id is that task alone, as on the server ("task:lon" met "Løn" and more by its
    // words).
    var id = query.trim();
    var byId = tasks.filter(function (entry) { return entry.task.id === id; });
    if (byId.length) { return [{ task: byId[0].task, score: 1, notes: [] }]; }
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

  /* A Danish noun's definite or genitive ending: "chefen" is "chef", "udvalgets" "udvalg". */
  var DEFINITE = { en: true, et: true, ens: true, ets: true, ne: true, erne: true, ene: true };
  /* The same word, give or take an ending ("letbanen", "letbane"); not a compound's first
   * part ("løn" does not name "lønsystem", nor "digitalisering" "Digitaliseringsrådet"). */
  function sameWord(a, b) {
    var short = a.length < b.length ? a : b;
    var long = a.length < b.length ? b : a;
    return long.indexOf(short) === 0 && (short.length >= 0.75 * long.length ||
      DEFINITE[long.slice(short.length)] === true);
  }

  /* The words of a text as written, lower-case: "ØU" is not "OU" (which fold would make it). */
  function writtenWords(text) {
    return String(text || "").toLowerCase().match(/[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu) || [];
  }

  window.orgmodelStart = {
    data: data, fold: fold, foldedSet: foldedSet, stopwords: stopwords, named: named,
    WEAK: WEAK, READ_AS: READ_AS, wordsOf: wordsOf, writtenWords: writtenWords,
    yearsIn: yearsIn, withoutDate: withoutDate, withoutPronounIt: withoutPronounIt,
    withoutAcronymGenitive: withoutAcronymGenitive, plainQuestion: plainQuestion,
    namesWork: namesWork, readings: readings, fit: fit, rank: rank, sameWord: sameWord,
    withoutHomeName: withoutHomeName,
    readAsName: readAsName
  };
}());

/* The static site's start page, second of three scripts: the hint on what a question names
 * that is not a task (a unit, a forum, a body, a post, a system no task uses, an initiative),
 * as the server gives it (orgmodel.node_hint): who leads it, whom it reports to, what lies
 * under it, whom it works with, its size, when it meets, the list of a kind; and questions
 * about the asker, which the page cannot answer. Reads with start-read.js's tools; adds
 * namedHint, asksAboutSelf and leading to window.orgmodelStart. */
(function () {
  "use strict";

  var start = window.orgmodelStart;
  if (!start) { return; }
  var data = start.data, fold = start.fold, foldedSet = start.foldedSet;
  var stopwords = start.stopwords, named = start.named, wordsOf = start.wordsOf;
  var writtenWords = start.writtenWords, sameWord = start.sameWord;
  var readAsName = start.readAsName, READ_AS = start.READ_AS, WEAK = start.WEAK;
  var fit = start.fit, readings = start.readings, namesWork = start.namesWork;
  var texts = data.texts || {};

  var leading = foldedSet(data.leading), deciding = foldedSet(data.deciding);
  var reporting = foldedSet(data.reporting), supporting = foldedSet(data.supporting);
  var structure = foldedSet(data.structure), collaboration = foldedSet(data.collaboration);
  var collaborationFrame = foldedSet((data.collaboration || []).concat(
    data.structure || [], data.collaborationFrame || []));  // "… vigtigste samarbejdspartnere"
  var underBeside = foldedSet(data.under);
  // The words left out when the node is looked for: the question's frame, not its name.
  var structureFrame = foldedSet((data.structure || []).concat(data.structureFrame || [],
                                                               data.under || [], ["under"]));

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

  /* The question in the other words of orgmodel.question_frames.REWORDED_PHRASES: "hvem er
   * med i ØU?" asks for members, as "hvem sidder i ØU?" does. */
  var rewordings = (data.reworded || []).map(function (pair) {
    return [new RegExp(pair[0], "gi"), pair[1]];
  });
  function reworded(query) {
    return rewordings.reduce(function (text, pair) { return text.replace(pair[0], pair[1]); },
      String(query));
  }

  /* The hint on what the question names that is not a task, as the server gives it: a name
   * that fits well and better than the best task, or any unit, forum, body, initiative or post
   * the question names when it asks who leads or sits in one (those words left out, as are
   * the words that ask who decides); with how well it fits. */
  /* "hvilke udvalg er der?", "what fora are there?": the list of a kind, its plural alone
   * beside the words that ask for it (orgmodel.kind_list). */
  var listFrame = foldedSet(data.listFrame), listAsking = foldedSet(data.listAsking);
  var runningWords = foldedSet(data.runningWords || []);
  var listHere = foldedSet((data.homeNames || []).concat(data.homeWords || [],
                                                         data.townWords || []));
  function listHint(query) {
    if (!fold(query).split(" ").some(function (word) { return listAsking[word]; })) { return null; }
    // As the server reads it (orgmodel.kind_list.asked_kind): its words folded, not the
    // search's, which leave out "systemer" after "hvilke" (a system's frame, for tasks).
    // ... and the municipality's own name and words, which say where ("which departments does
    // Albertslund have?", "hvilke systemer har kommunen?")
    // An acronym in capitals is a name, not the stopword it folds to ("ØS" is not "os").
    var written = {};
    if (String(query) !== String(query).toUpperCase()) {
      (String(query).match(/(?<![\p{L}\p{N}])[A-ZÆØÅ]{2,}(?![\p{L}\p{N}])/gu) || [])
        .forEach(function (word) { written[fold(word)] = true; });
    }
    var words = fold(query).split(/\s+/).filter(function (word) {
      return word && !listFrame[word] && (written[word] || !stopwords[word]) && !listHere[word];
    });
    var found = words.length ? named.filter(function (entry) {
      return entry.listing && words.every(function (word) {
        return entry.keys.some(function (key) { return key.words.indexOf(word) >= 0; });
      });
    }) : [];
    if (found.length !== 1) { return null; }
    // "hvilke initiativer kører?": those under way, where that is another list
    // ... and "i gang" ("hvilke initiativer er i gang?"), as on the server
    var underWay = fold(query).split(" ").some(function (word) { return runningWords[word]; }) ||
      (" " + fold(query) + " ").indexOf(" i gang ") >= 0;
    return { text: (underWay && found[0].running) || found[0].text, says: true, score: 1,
             alone: true };
  }

  /* "hvornår blev OP oprettet?", "when was … created?": what it names, its first or last day
   * in the data said first, as sure as its record (orgmodel.when_asked); unless a task fits
   * clearly better. */
  var whenWords = foldedSet(data.whenWords), whenBegin = foldedSet(data.whenBegin);
  var whenEnd = foldedSet(data.whenEnd), whenDone = foldedSet(data.whenDone);
  var whenFrame = foldedSet([].concat(data.whenWords || [], data.whenBegin || [],
                                      data.whenEnd || [], data.whenDone || [],
                                      data.whenFrame || []));
  function whenHint(query, bestTask) {
    var said = fold(query).replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ");
    var asksWhen = said.some(function (word) { return whenWords[word]; }) &&
      said.some(function (word) { return whenBegin[word] || whenEnd[word] || whenDone[word]; });
    if (!asksWhen) { return null; }
    var words = wordsOf(query).filter(function (word) { return !whenFrame[word]; });
    var best = words.length ? bestNamed(words, function (entry) { return entry.when; }) : null;
    if (!best || best.score < Math.max(data.hintMin, bestTask - data.margin)) { return null; }
    // its first day, its last, or the day it was carried out (a change's first, else its last)
    var has = function (set) { return said.some(function (word) { return set[word]; }); };
    var at = has(whenBegin) ? 0 : has(whenEnd) || !has(whenDone) ? 1 : 2;
    var rest = best.entry.text || best.entry.whatIs || "";
    // said alone, as the server says it: no task is when something began
    return { text: best.entry.when[at] + (rest ? " " + rest : ""), says: true,
             score: best.score, entry: best.entry, alone: true };
  }

  /* "er borgmesteren formand for ØU?", "is Politiker Web operated by OP?": a question that
   * opens with its verb and names two, split where both sides name one best (each as well as
   * a post is named for its line); a side with a leader's word names the post that heads
   * what it names, a person stands by the post they hold. What the data holds between the two
   * is said, each relation as sure as it is, or that it holds none directly: the page cannot
   * weigh which relation was asked, so it says no yes or no (orgmodel.yes_no on the server). */
  var openings = foldedSet(data.yesNoOpenings), notBetween = foldedSet(data.notBetween);
  var relating = foldedSet(data.relating);
  var byId = {};
  named.forEach(function (entry) { if (entry.id) { byId[entry.id] = entry; } });
  var MOST_WORDS = 16;
  function sideNamed(words) {
    var all = wordsOf(words.join(" "));
    var asked = all.filter(function (word) { return !relating[word]; });
    if (!asked.length) { return null; }
    var found = bestNamed(asked, function (entry) { return entry.id; });
    // (a leader's word may be a relating one too: "head", "leder")
    var leader = all.some(function (word) { return leading[word] || heading[word]; });
    var rest = asked.filter(function (word) { return !leading[word] && !heading[word]; });
    var headed = leader && rest.length ?
      bestNamed(rest, function (entry) { return entry.headPost && byId[entry.headPost]; }) : null;
    // "chefen for ØS": the post that heads what the rest names, when that names it as well
    if (headed && (!found || headed.score >= found.score - data.margin)) {
      return { entry: byId[headed.entry.headPost], score: headed.score };
    }
    return found && found.score > 0 ? { entry: found.entry, score: found.score } : null;
  }
  function yesNoHint(query) {
    var said = writtenWords(query);
    var folded = said.map(fold);
    if (said.length < 3 || said.length > MOST_WORDS || !openings[folded[0]] ||
        folded.some(function (word) { return notBetween[word]; })) { return null; }
    var best = null;
    for (var at = 2; at < said.length; at += 1) {
      var one = sideNamed(said.slice(1, at)), other = sideNamed(said.slice(at));
      if (!one || !other || one.entry === other.entry) { continue; }
      var score = Math.min(one.score, other.score);
      if (!best || score > best.score) { best = { one: one.entry, other: other.entry, score: score }; }
    }
    if (!best || best.score < data.reportingMin) { return null; }
    var first = best.one, second = best.other;
    // (a person's relations are those of the post they hold too: viz/start_between.py)
    var held = (first.between || {})[second.id];
    if (!held && (second.between || {})[first.id]) { held = second.between[first.id]; }
    var line = held ? texts.between_held.replace("{said}", held) :
      texts.between_none.replace("{one}", first.name).replace("{other}", second.name);
    var rest = first.text || first.whatIs || "";
    return { text: line + (rest ? " " + rest : ""), says: true, score: best.score, entry: first,
             alone: true };
  }

  /* "which committees does the head of Finance and Staff attend?": what the post sits in, or
   * the post by what it heads ("the head of Finance and Staff", the leader's word left out),
   * as orgmodel.hint_search.post_or_head. */
  function sittingHint(query) {
    // the post's own words stay ("the municipal director": without "director", "municipal"
    // named nothing and every forum was listed)
    return framedHint(query, asksSitting, sittingWords, function (entry) { return entry.sits; },
                      data.reportingMin, false, function (entry) {
                        return entry.sits + " " + entry.text;
                      }) ||
      framedHint(query, asksSitting, sittingFrame,
                 function (entry) { return entry.headSits; }, data.reportingMin, false,
                 "headSits");
  }

  function namedHint(query, bestTask) {
    query = reworded(query);
    var when = whenHint(query, bestTask);
    if (when) { return when; }
    var between = yesNoHint(query);
    if (between) { return between; }
    // "which fora does the municipal director sit in": the post's, not every forum
    var sits = sittingHint(query);
    if (sits) { return sits; }
    var listing = listHint(query);
    if (listing) { return listing; }
    var reportsTo = reportingHint(query);
    if (reportsTo) { return reportsTo; }
    var council = councilHint(query);
    if (council) { return council; }
    var all = wordsOf(query).filter(function (word) { return !deciding[word]; });
    // Asked who decides, the tasks are weighed by the rest too, as on the server: "hvem
    // bestemmer skolestruktur?" names the task whole, beside an initiative of that name.
    if (all.length < wordsOf(query).length) {
      var rest = start.rank(all.join(" "));
      if (rest.length) { bestTask = Math.max(bestTask, rest[0].score); }
    }
    // (read from all the question's words: "sidder" is a stopword of the search, and "hvem
    // sidder i Økonomiudvalget?" met only the committee's servicing)
    var asksWho = fold(query).split(" ").some(function (word) { return leading[word]; });
    if (asksWho && namesHomeAlone(query, leading)) { return homeHint(); }
    var byName = asksWho ? null : namedWhole(query, bestTask);
    if (byName) { return byName; }
    // ... its meetings' words too: "hvem deltager i ØU møderne?" takes part in ØU
    var words = asksWho ? all.filter(function (word) {
      return !leading[word] && !meetVerbs[word] && !nearest[word];  // "… nærmeste leder"
    }) : all;
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
    if (!(best && best.score >= needed)) { return asksWho ? null : thingWritten(query, bestTask); }
    // "hvem er formand for Børne- og Skoleudvalget?": who heads it first, or that no one is
    // named (as orgmodel.question_frames.asks_head reads the question)
    var asksHead = all.some(function (word) { return heading[word]; }) &&
      !all.some(function (word) { return inIt[word]; });
    var head = asksWho && asksHead && best.entry.head ? best.entry.head + " " : "";
    // "hvem er teamlederens chef?": whom that post reports to, said first
    if (asksWho && best.entry.post && best.entry.up && asksSuperior(query)) {
      head = best.entry.up + " ";
    }
    return { text: head + best.entry.text, says: best.entry.says, score: best.score,
      entry: best.entry };
  }
  var heading = foldedSet(data.heading || []), inIt = foldedSet(data.inIt || []);
  var superior = foldedSet(data.superior || []), nearest = foldedSet(data.nearest || []);
  /* A superior's word after a genitive ("teamlederens chef", "the team leader's boss"), as
   * orgmodel.question_frames.asks_superior reads it. */
  function asksSuperior(query) {
    var words = fold(query).replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ");
    return words.some(function (word, at) {
      var back = at;  // "dagtilbudschefens nærmeste leder"
      while (back > 0 && nearest[words[back - 1]]) { back -= 1; }
      var before = words[back - 1] || "";
      return superior[word] && at > 0 && (before === "s" ||
        (before.length > 3 && before.slice(-1) === "s" && !stopwords[before]));
    });
  }

  /* Asked what or who something is ("hvem er ØU?", "what is SKI?"), the one entry with a name
   * or an alias that the rest of the question writes whole, as the server names it
   * (orgmodel.hint_search.first_hint, by_alias), unless a task fits clearly better. Compared
   * as written, case aside: "ØU" (the finance committee) is not "OU" (organisational
   * development). */
  var defining = foldedSet(data.defining), notDefining = foldedSet(data.notDefining);
  var articles = foldedSet(data.articles), roleWords = foldedSet(data.roleWords || []);
  function namedWhole(query, bestTask) {
    var said = writtenWords(query);
    // ... or a name alone ("økonomichef", "ØU"), which asks what it is too, and gives way to
    // any task that fits better (orgmodel.node_hint: by_alias, alias_margin 0)
    var bare = said.length > 0 && said.length <= data.nameWords &&
      said.every(function (word) { return !stopwords[fold(word)]; });
    var opened = defining[said.slice(0, 2).map(fold).join(" ")];
    if (!opened && !bare) { return null; }
    var rest = opened ? said.slice(2).filter(function (word) { return !articles[fold(word)]; })
      : said;
    // "what does the finance committee do?": the verb's end is no part of the name
    if (fold(said[1]) === "does" && rest.length > 1 && fold(rest[rest.length - 1]) === "do") {
      rest = rest.slice(0, -1);
    }
    // ... nor what is asked of it: "what does ØS stand for?", "hvad er forkortelsen ØI?"
    // (orgmodel.question_frames.ROLE_SPELLINGS, left out on the server too)
    if (opened) {
      rest = rest.filter(function (word) { return !roleWords[fold(word)]; });
      while (rest.length > 1 && stopwords[fold(rest[rest.length - 1])]) { rest = rest.slice(0, -1); }
    }
    if (!rest.length || notDefining[fold(rest[0])]) { return null; }
    var asked = rest.join(" ");
    // A system a task uses is named here alone: "hvad er RolleBi?" (its whatIs); its name
    // alone ("OPUS") is asked of the task that uses it, as on the server
    var found = named.filter(function (entry) {
      return (entry.text || (opened && entry.whatIs)) &&
        entry.keys.some(function (key) { return key.written === asked; });
    });
    if (found.length !== 1) { return null; }
    // A name alone that is a task's own name gives way to the task ("HR", an alias of
    // Organisation og Politik, is the task HR): the server names no node then, as no node's
    // alias fits as well as a task's whole name (alias_margin 0)
    var same = fold(asked);
    if (!opened && (data.tasks || []).some(function (task) {
      return task.keys.some(function (key) { return key[1] >= 1 && fold(key[0]) === same; });
    })) { return null; }
    // How well it fits, as a task's fit is scored: "SKI" names the SKI agreements' task as
    // well as it names SKI, and the server then names both.
    var words = wordsOf(query).filter(function (word) {
      return namesWork(word) && !(opened && roleWords[word]);
    });
    var score = words.length ? fit(found[0], words, words.map(readings)).score : 0;
    // a name alone is said beside the tasks that fit better, as on the server ("IT": the
    // unit, then its tasks); asked what it is, it gives way to a task that fits clearly better
    return opened && bestTask >= score + data.margin ? null :
      { text: found[0].whatIs || found[0].text, says: found[0].says, score: score,
        entry: found[0] };
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

  /* A system, initiative, policy or organisation whose name the question writes whole among
   * other words, where no task fits well (orgmodel.hint_search: WRITTEN_NAME_MIN): "hvem er
   * systemejer for Aula?". The page's scores are not the server's, so the test is the task's
   * side of the server's bar: a thing written whole fits at least WRITTEN_NAME_MIN there. */
  function thingWritten(query, bestTask) {
    var found = writtenEntry(query, function (entry) { return entry.thing && entry.text; });
    if (!found) { return null; }
    // ... or, every task weak, where it fits better than any ("jeg skal have fat i
    // systemejeren på AppWriter, hvem er det": WRITTEN_FIRST_MIN on the server)
    var words = wordsOf(query);
    var nameFit = Math.max.apply(null, found.keys.map(function (key) {
      return naming(key, words);
    }));
    if (bestTask + data.margin > data.writtenMin && !(bestTask < WEAK && nameFit > bestTask)) {
      return null;
    }
    return { text: found.text, says: found.says, score: data.writtenMin, entry: found };
  }

  /* The entry ``fits`` accepts with the longest name (of data.writtenChars letters or more)
   * the question writes whole (orgmodel.hint_search.written_whole); null when none. */
  function writtenEntry(query, fits) {
    var asked = " " + fold(query).split(/\s+/).join(" ") + " ";
    var found = null, longest = 0;
    named.forEach(function (entry) {
      if (!fits(entry)) { return; }
      entry.keys.forEach(function (key) {
        var length = key.whole.length - 2;
        // another name of one word is a common word as often as a name ("klubber"), as the
        // server's _proper reads an alias (the page keeps no capitals of it)
        var proper = key.weight >= 1 || key.words.length > 1 || /\d/.test(key.whole) ||
          /^ \p{L}{4,}(?:en|et|ne) $/u.test(key.whole);  // Danish's definite form
        if (proper && length >= data.writtenChars && length > longest &&
            asked.indexOf(key.whole) >= 0) {
          found = entry;
          longest = length;
        }
      });
    });
    return found;
  }

  /* A route's text: where a body's cases go first when that is asked ("… hen efter ØU?"),
   * else where they come from and go, then the body's own. */
  function routeText(query) {
    return function (entry) {
      var on = anyOf(onward)(fold(query).split(" ")) && entry.routeOn;
      return (on || entry.route) + " " + entry.text;
    };
  }

  function routeWritten(query) {
    if (!anyOf(cases)(fold(query).split(" "))) { return null; }
    var found = writtenEntry(query, function (entry) { return entry.route; });
    // ... where the rest names little else, as the server takes it only when nothing fits
    // the rest better ("a council case about a new youth club and …" names a youth club)
    var words = wordsOf(query).filter(function (word) { return !routeFrame[word]; });
    var fit = found ? Math.max.apply(null, found.keys.map(function (key) {
      return naming(key, words);
    })) : 0;
    return fit >= data.writtenRouteMin ? { text: routeText(query)(found), entry: found,
      says: found.says, score: fit, alone: true } : null;
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
    // Of names met alike, the one the question writes whole ("the municipal director" among
    // the directors: the parity probe met Director 1), as the server breaks such a tie
    if (best && best.tied.length) { best = writtenWhole(best, query) || best; }
    // A post named better is what it asks about ("hvad hører under borgmesteren?").
    var post = notAPost && best ? bestNamed(words, function (entry) { return entry.post; }) : null;
    if (post && post.score > best.score + (data.nearTie || 0)) { return null; }
    var said = !best ? null :
      typeof field === "function" ? field(best.entry) : best.entry[field || "text"];
    return best && best.score >= needed ? { text: said, entry: best.entry,
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
  var deciderFrame = foldedSet(data.deciderFrame || []);
  var homePointer = foldedSet(data.homePointers || []);
  /* "which body has the final say?", "hvem bestemmer i kommunen?": a question of who decides
   * that names nothing decided is the council's (orgmodel.framed_hints.council_deciding). */
  function councilHint(query) {
    if (!wordsOf(query).some(function (word) { return deciding[word]; })) { return null; }
    var words = fold(query).split(/\s+/);
    var rest = wordsOf(query).filter(function (word) {
      // "in this municipality": the pointer says where, as the municipality does
      var at = words.indexOf(word);
      var pointing = homePointer[word] && at >= 0 && homeWord[words[at + 1]];
      return !deciderFrame[word] && !homeWord[word] && !pointing;
    });
    var councils = named.filter(function (entry) { return entry.council && entry.text; });
    if (rest.length || councils.length !== 1) { return null; }
    return { text: councils[0].text, says: councils[0].says, score: 1, alone: true,
      entry: councils[0] };
  }
  function homeHint() {
    return { text: home.text, says: home.says, score: 1, alone: true, entry: home };
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

  /* "down" when the question asks who reports to the post ("hvem refererer til
   * økonomichefen?"), else "up" (orgmodel.question_frames.reporting_direction). */
  var reportedTo = foldedSet(data.reportedTo), subordinate = foldedSet(data.subordinate);
  var reportingFrame = foldedSet((data.reporting || []).concat(data.reportingFrame || []));
  var reportingAdverb = foldedSet(data.reportingAdverbs || []);
  function reportingDirection(query) {
    var words = fold(query).split(" ").filter(Boolean);
    // "hvem er underordnet borgmesteren?", "the mayor's direct reports": who is under it
    return words.some(function (word, at) {
      var namedAfter = function (start) {  // "… til hvem?" asks up
        return words.slice(start).some(function (after) { return !stopwords[after]; });
      };
      var to = at + 1;  // "refererer direkte til": past the adverbs
      while (to < words.length && reportingAdverb[words[to]]) { to += 1; }
      return subordinate[word] || (word === "direct" && words[at + 1] === "reports") ||
        (reporting[word] && ((reportedTo[words[to]] && namedAfter(to + 1)) ||
                             (reportedTo[word] && namedAfter(at + 1))));  // "overfor X"
    }) ? "down" : "up";
  }

  function reportingHint(query) {
    // "units" in "which units does IT work with?" asks the kind of partner, as on the server.
    var together = function (text) {
      return framedHint(text, asksCollaboration, collaborationFrame,
                        function (entry) { return entry.together; }, data.reportingMin, false,
                        "together");
    };
    // "hvem er de vigtigste interessenter for chefen for Økonomi og Stab?": whom the post's
    // stakeholder map says to manage closely, first (orgmodel.stakeholder_hint)
    return framedHint(query, anyOf(stakeholderWords), stakeholderFrame,
                      function (entry) { return entry.stakeholders; }, data.reportingMin, false,
                      "stakeholders") ||
      // "hvem eskalerer jeg til, hvis IT ikke svarer?": the head of the unit named, and whom
      // that post reports to, said first (orgmodel.node_hint)
      framedHint(query, asksEscalation, escalationFrame,
                 function (entry) { return entry.escalation; }, data.reportingMin, false,
                 "escalation") ||
      // ... or the post named by its own words, and whom it reports to ("hvis enhedslederen
      // for OP ikke svarer, hvem går jeg så til?")
      framedHint(query, asksEscalation, escalationFrame,
                 function (entry) { return entry.post && entry.up; }, data.reportingMin, false,
                 function (entry) { return entry.up + " " + entry.text; }) ||
      // "hvad beslutter Økonomiudvalget?": what it decides, said first (a "who" asks who
      // decides something: orgmodel.node_hint)
      framedHint(query, asksWhatIsDecided, decidedFrame,
                 function (entry) { return entry.decides; }, data.hintMin, false, "decides") ||
      // "hvad leverer KMD til os?": what an outside party supplies, its hint
      framedHint(query, anyOf(supplyWords), supplyWords,
                 function (entry) { return entry.org && entry.text; }, data.reportingMin) ||
      // "hvem leverer OPUS?": who supplies a system or equipment, said first (a task that
      // uses it gives way: orgmodel.node_hint)
      framedHint(query, anyOf(supplyWords), supplyWords,
                 function (entry) { return entry.supplier; }, data.reportingMin, false,
                 "supplier") ||
      together(beforeTopic(query)) || together(query) ||
      framedHint(query, anyOf(reporting), reportingFrame,
                 function (entry) { return entry.post; }, data.reportingMin, false,
                 function (entry) {  // whom it reports to, or who reports to it, said first
                   var lead = entry && entry[reportingDirection(query)];
                   return lead ? lead + " " + entry.text : entry && entry.text;
                 }) ||
      // "hvor går sagerne hen efter Økonomiudvalget?": where a body's cases come from and go,
      // said first (as orgmodel.framed_hints.route_of)
      framedHint(query, anyOf(cases), routeFrame, function (entry) { return entry.route; },
                 data.hintMin, false, routeText(query)) ||
      // ... or the body written whole among other words ("hvilket udvalg skal se sagen lige
      // før kommunalbestyrelsen?"), as the server's route_of
      routeWritten(query) ||
      // Who supports or runs a system no task uses ("hvem drifter Aula?"), well named.
      framedHint(query, anyOf(supporting), supporting,
                 function (entry) { return entry.used; }, data.supportedMin) ||
      // ... or one a task uses, where the data says who runs it ("hvem drifter Politiker
      // Web?"): said first, as on the server
      framedHint(query, anyOf(supporting), supporting,
                 function (entry) { return entry.operator; }, data.reportingMin, false,
                 "operator") ||
      (asksStructure(fold(query).split(" ")) && namesHomeAlone(query, structureFrame) ?
        homeHint() : null) ||
      // "hvilket direktørområde hører Skole og Uddannelse under?": what it lies under, first
      // (as orgmodel.place.place_of; the kind its "which" asks for names nothing)
      framedHint(query.replace(placeAskedKind, "$1"), asksPlace, placeFrame,
                 function (entry) { return entry.place; }, data.reportingMin, false,
                 function (entry) { return entry.place + " " + entry.text; }) ||
      // "hvad er Økonomi og Stabs opgaver?": its tasks and those under it (orgmodel.task_list)
      framedHint(query, asksTasks, taskFrame, function (entry) { return entry.tasks; },
                 data.reportingMin, false, "tasks") ||
      framedHint(query, asksStructure, structureFrame, function (entry) { return entry.parts; },
                 data.reportingMin, true, function (entry) {
                   // how many of the kind named lie under it, said first ("hvor mange enheder
                   // har Økonomi og Stab?"), or which ("hvilke udvalg hører under KB?"), as
                   // the server's asked_parts
                   var key = partKey(query), said = fold(query).split(" ");
                   var count = key && (asksSize(said) || said.some(function (word) {
                     return listAsking[word];
                   })) && entry.partsCounted && entry.partsCounted[key];
                   return count ? count + " " + entry.text : entry.text;
                 }) ||
      sizeHint(query) ||
      // "hvad sker der i Ledelsesteamet i Økonomi og Stab?": what goes on in a unit, body or
      // forum named well, its hint (as orgmodel.framed_hints.happening_in)
      framedHint(query, anyOf(happening), happening, function (entry) {
        return entry.text && entry.led && !entry.post;
      }, data.reportingMin) ||
      framedHint(query, asksMeeting, meetingFrame, function (entry) { return entry.meeting; },
                 data.hintMin, false, "meeting");
  }

  var cases = foldedSet(data.cases || []), routeFrame = foldedSet(data.routeFrame || []);
  var onward = foldedSet(data.onward || []);
  var partNouns = {};
  Object.keys(data.partNouns || {}).forEach(function (noun) {
    partNouns[fold(noun)] = data.partNouns[noun];
  });
  /* The key of the one kind whose plural the question writes ("enheder": units), if one. */
  function partKey(query) {
    var keys = {};
    fold(query).split(" ").forEach(function (word) {
      if (partNouns[word]) { keys[partNouns[word]] = true; }
    });
    var found = Object.keys(keys);
    return found.length === 1 ? found[0] : null;
  }
  var stakeholderWords = foldedSet(data.stakeholderWords || []);
  var happening = foldedSet(data.happening || []);
  var supplyWords = foldedSet(data.supplying || []);
  var escalating = foldedSet(data.escalating || []);
  var escalationFrame = foldedSet(data.escalationFrame || []);
  var escalationNot = anyOf(foldedSet(data.escalationNot || [])),
    escalationAnswer = anyOf(foldedSet(data.escalationAnswer || [])),
    whoAsked = anyOf(foldedSet(["hvem", "who", "whom"]));
  /* Whether folded words ask whom to turn to when someone does not answer, with the word or
   * without it (orgmodel.question_frames.asks_escalation). */
  var notStem = foldedSet(data.escalationNotStems || []);
  function asksEscalation(words) {
    // a contraction's stem is a negation before its "t" ("doesn't", not "who can answer")
    var negated = escalationNot(words) || words.some(function (word, at) {
      return notStem[word] && words[at + 1] === "t";
    });
    return anyOf(escalating)(words) ||
      (negated && escalationAnswer(words) && whoAsked(words));
  }
  var whatWords = foldedSet(data.whatWords || []);
  var decidedFrame = foldedSet((data.deciding || []).concat(data.itself || []));
  function asksWhatIsDecided(words) {
    return whatWords[words[0]] && words.some(function (word) { return deciding[word]; });
  }
  // (the leader's word stays: "chefen for Økonomi og Stab" names the post by its own name)
  var stakeholderFrame = foldedSet(data.stakeholderFrame || []);

  /* What a unit, body, forum or post lies under ("… hører Skole og Uddannelse under?", "what
   * is Finance and Staff part of?"), as orgmodel.question_frames.asks_place reads it: the
   * question ends so, has a word of placing, or "under" before its "which". */
  var placeEndings = (data.placeEndings || []).map(function (ending) {
    return ending.map(fold);
  });
  var placeWords = foldedSet(data.placeWords || []), placeWhich = foldedSet(data.placeWhich || []);
  var placeFrame = foldedSet((data.placeFrame || []).concat(data.placeWords || [],
                                                             data.placeWhich || []));
  var placeAskedKind = new RegExp(data.placeAskedKind || "(?!)", "giu");
  var splitEnding = [foldedSet((data.placeSplitEnding || [[], ""])[0]),
                     fold((data.placeSplitEnding || [[], ""])[1])];
  function asksPlace(words) {
    return placeEndings.some(function (ending) {
      return ending.length <= words.length &&
        words.slice(words.length - ending.length).join(" ") === ending.join(" ");
    }) || (words[words.length - 1] === splitEnding[1] &&  // "hører Dagtilbud til"
           words.slice(0, -1).some(function (word) { return splitEnding[0][word]; })) ||
    words.some(function (word, at) {
      return placeWords[word] || (word === "under" && placeWhich[words[at + 1]]);
    }) || (anyOf(placeWhere[0])(words) && anyOf(placeWhere[1])(words));  // "hvor … i organisationen"
  }
  var placeWhere = (data.placeWhere || [[], []]).map(foldedSet);

  /* A verb of sitting and a plural of what is sat in (orgmodel.question_frames.asks_sitting). */
  var sitting = (data.sitting || [[], []]).map(foldedSet);
  var sittingWords = foldedSet([].concat.apply([], data.sitting || []));
  var sittingFrame = foldedSet([].concat.apply([], data.sitting || []).concat(data.leading || []));
  var satInLast = foldedSet(data.satInLast);
  function asksSitting(words) {
    var sits = anyOf(sitting[0])(words) || words.length > 0 && satInLast[words[words.length - 1]];
    return Boolean(sits) && anyOf(sitting[1])(words);
  }
  var taskList = foldedSet(data.taskList);
  var taskFrame = foldedSet((data.taskList || []).concat(data.taskFrame || [],
    data.responsible || []));
  var responsible = anyOf(foldedSet(data.responsible || []));
  var whatWord = anyOf(foldedSet(["hvad", "what"])), whoWord = anyOf(foldedSet(["hvem", "who",
    "whom"]));
  /* Whether folded words ask for the tasks of something, or what it is responsible for:
   * "what", not "who", with a word of responsibility (orgmodel.task_list.asks_tasks). */
  function asksTasks(words) {
    return anyOf(taskList)(words) ||
      (whatWord(words) && !whoWord(words) && responsible(words));
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
  var sizeFrame = foldedSet(data.size), sizeWords = foldedSet(data.sizeWords || []);
  var sizeAsk = (data.sizeAsk || [[], [], []]).map(foldedSet);
  function asksSize(words) {
    return words.some(function (word, at) {
      return sizeAsk[2][word] || (sizeAsk[0][word] && sizeAsk[1][words[at + 1]]);
    });
  }
  function sizeHint(query) {
    if (!asksSize(fold(query).split(" "))) { return null; }
    var found = namesHomeAlone(query, sizeFrame) || homeCounts(query) ?
      { entry: home, score: 1 } : null;
    // Named with the nouns of what is counted, then without them, as the server reads it:
    // "how big is Finance and Staff?" is not Finance and Procurement ("staff" counts staff).
    [sizeWords, sizeFrame].forEach(function (frame) {
      if (found && found.score >= data.hintMin) { return; }
      var words = wordsOf(query).filter(function (word) { return !frame[word]; });
      found = words.length ? bestNamed(words, function (entry) { return entry.text; }) : null;
      // ... or a system a task uses, named well, where its record counts ("hvor mange
      // fagsystemer har vi?"), as orgmodel.framed_hints reads it
      var used = words.length ? bestNamed(words, function (entry) {
        return entry.usedCounted;
      }) : null;
      if (used && used.score >= data.reportingMin && (!found || used.score > found.score)) {
        found = used;
      }
    });
    if (!found || found.score < data.hintMin) { return null; }
    // Its size first (the server's sized hint), or what the model does not count: the count
    // the question's noun asks for, before the others ("Modellen angiver ikke antallet af
    // medarbejdere. Albertslund Kommune: ca. 28.000 indbyggere …").
    // A system or equipment counts itself: "hvor mange devices har medarbejderne?" asks for
    // the devices, not the staff (as on the server)
    var entry = found.entry;
    // a count the municipality's record lacks, as the data counts it in a group ("hvor mange
    // ansatte har kommunen?": Medarbejdere, about 3,000), as on the server
    var lacking = askedCount(query, entry);
    if (lacking && entry.groupCounted && entry.groupCounted[lacking]) {
      return { text: entry.groupCounted[lacking], says: true, score: found.score, alone: true,
               entry: entry };
    }
    var missing = entry.used || entry.usedCounted ? "" : countMissing(query, entry).trim();
    var sized = entry.sized || entry.text;
    if (missing && sized.indexOf(data.noSize) === 0) {
      sized = missing + sized.slice(data.noSize.length);
    } else if (missing && entry.counted) {
      sized = missing + " " + sized;
    }
    return { text: sized, says: entry.says, score: found.score, alone: true, entry: entry };
  }

  /* Whether a question of size names only what it counts, and the municipality counts it
   * ("hvor mange indbyggere er der?"), as orgmodel.framed_hints reads it. */
  function homeCounts(query) {
    var words = wordsOf(query), counts = (home && home.counts) || [];
    return words.length > 0 && words.every(function (word) { return sizeFrame[word]; }) &&
      words.some(function (word) {
        return counts.indexOf((data.sizeNounCounts || {})[word]) >= 0;
      });
  }

  /* The count the question's noun asks for, when the entry counts others ("hvor mange
   * medarbejdere har kommunen?": its inhabitants are no answer), as the server says it. */
  function countMissing(query, entry) {
    var key = askedCount(query, entry);
    return key ? " " + data.noCount.replace("{what}", data.countWords[key]) : "";
  }

  /* The one count the question's nouns ask for that the entry does not count, or null. */
  function askedCount(query, entry) {
    var asked = {};
    var name = (entry.keys[0] || { words: [] }).words;
    wordsOf(query).forEach(function (word) {
      var key = (data.sizeNounCounts || {})[word];
      if (key && name.indexOf(word) < 0) { asked[key] = true; }
    });
    var keys = Object.keys(asked);
    return keys.length === 1 && (entry.counts || []).indexOf(keys[0]) < 0 ? keys[0] : null;
  }

  /* A question about the asker ("hvem er min chef?", "who do I report to?", "hvilke fora
   * sidder jeg i?"), as the server reads it (orgmodel/asker.py): it names nothing else, and no
   * task is its answer. A Danish "i" is "in": only "I" written so is the asker where they sit. */
  var my = foldedSet(data.my), boss = foldedSet(data.boss);
  var subject = foldedSet(data.selfSubject), selfPlace = foldedSet(data.selfPlace);
  var selfReporting = {};
  Object.keys(foldedSet(data.selfReporting)).forEach(function (word) {
    if (!subject[word]) { selfReporting[word] = true; }
  });
  function asksAboutSelf(query) {
    var words = fold(query).split(" ");
    var mine = words.some(function (word, at) {
      // "min chef", and Danish also "chefen min"
      return my[word] && words.slice(at + 1, at + 3).concat(words.slice(Math.max(at - 1, 0), at))
        .some(function (near) { return boss[near]; });
    });
    var asker = words.filter(function (word) { return subject[word]; });
    var reporting = words.some(function (word) { return selfReporting[word]; }) && asker.length > 0;
    var placing = words.some(function (word) { return selfPlace[word]; }) &&
      (asker.some(function (word) { return word !== "i"; }) ||
       /(?<![\p{L}\p{N}_'])I(?![\p{L}\p{N}_'])/u.test(query));
    return (mine || reporting || placing) && wordsOf(query).every(function (word) {
      return my[word] || boss[word] || selfReporting[word] || selfPlace[word] || subject[word];
    });
  }

  /* A task asked of the unit or body that holds it ("økonomistyring ØS", "hvem står for løn i
   * Organisation og Politik?"), as orgmodel.task_in_place reads it: the tasks the rest of the
   * question names, those held there first; null when it names no such pair, or asks
   * another frame's question (who leads, what lies under, how many, whom it works with). */
  function taskInPlace(query) {
    var folded = fold(query).split(" ").filter(Boolean);
    if ([collaboration, leading, reporting, sizeWords, stakeholderWords, structure, cases,
         deciding]
        .some(function (table) { return anyOf(table)(folded); }) ||
        asksCollaboration(folded) || asksPlace(folded) || asksStructure(folded)) {
      return null;
    }
    var written = wordsOf(query), asked = " " + folded.join(" ") + " ", best = null;
    named.forEach(function (entry) {
      (entry.held ? entry.keys : []).forEach(function (key) {
        var words = key.whole.trim().split(" ");
        // one of its names written whole, the longest; words to find, or an acronym in
        // capitals (which wordsOf keeps: "ØS" is no "os", us)
        if (asked.indexOf(key.whole) < 0 ||
            !words.some(function (word) { return written.indexOf(word) >= 0; })) { return; }
        if (!best || words.length > best.words.length) {
          best = { entry: entry, whole: key.whole, words: words };
        }
      });
    });
    if (!best) { return null; }
    var rest = asked.replace(best.whole, " ").trim();
    var held = best.entry.held;
    var found = wordsOf(rest).length ? start.rank(rest) : [];
    if (!found.some(function (hit) {
      return hit.score >= data.taskInPlaceMin && held.indexOf(hit.task.id) >= 0;
    })) { return null; }
    return found.slice().sort(function (a, b) {
      return (held.indexOf(a.task.id) < 0 ? 1 : 0) - (held.indexOf(b.task.id) < 0 ? 1 : 0);
    });
  }

  /* The words before or after which a question asks ("… før sammenlægningen"), when they name
   * an initiative as well as the server's orgmodel.event_date needs: this page, built for one
   * day, cannot answer for its day, and says so; else null. */
  var around = new RegExp(data.around || "(?!)", "iu");
  function eventAsked(query) {
    var found = query.match(around);
    if (!found) { return null; }
    var best = bestNamed(wordsOf(found.groups.what), function (entry) {
      return (entry.id || "").indexOf("initiative:") === 0;
    });
    return best && best.score >= data.eventMin ? found[0].trim() : null;
  }

  /* "who's responsible for budget and procurement?": each side's task first, where both name
   * one well and the whole names none as well, as orgmodel.two_tasks.both_asked; an "og"
   * within a name ("Økonomi og Indkøb") is no "og" between two; else null. */
  var andSplit = new RegExp("\\s+(?:" + (data.andWords || ["og"]).map(function (word) {
    return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }).join("|") + ")\\s+", "iu");
  function bothAsked(text, whole) {
    var parts = text.trim().replace(/[?!. ]+$/, "").split(andSplit);
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) { return null; }
    // the words on either side of it, one to three each: "budget i Økonomi og Indkøb" holds
    // a unit's name whole
    var before = parts[0].split(/\s+/), after = parts[1].split(/\s+/);
    for (var left = 1; left <= 3; left += 1) {
      for (var right = 1; right <= 3; right += 1) {
        var words = wordsOf(before.slice(-left).concat(after.slice(0, right)).join(" "));
        var name = words.length ? bestNamed(words, function () { return true; }) : null;
        if (name && name.score >= data.nameMin) { return null; }
      }
    }
    var first = start.rank(parts[0])[0], second = start.rank(parts[1])[0];
    if (!first || !second || first.task.id === second.task.id) { return null; }
    var best = whole.length ? whole[0].score : 0;
    if (Math.min(first.score, second.score) < Math.max(data.partMin, best + data.partMargin)) {
      return null;
    }
    var asked = [first.task.id, second.task.id];
    return [first, second].concat(whole.filter(function (hit) {
      return asked.indexOf(hit.task.id) < 0;
    })).slice(0, Math.max(whole.length, 2));
  }

  start.namedHint = namedHint;
  start.eventAsked = eventAsked;
  start.bothAsked = bothAsked;
  start.taskInPlace = taskInPlace;
  start.asksAboutSelf = asksAboutSelf;
  start.leading = leading;
}());

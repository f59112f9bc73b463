/* The static site's start page, last of three scripts: answers "who is responsible for …?"
 * in the browser from the embedded answers of every task, read by start-read.js and
 * start-hints.js (there is no server to ask). The served start page answers on the server
 * instead and does not load these scripts. Text goes in as text only (orgmodelText.put:
 * text nodes, and the Danish parts an English page's texts mark in <span lang="da">). */
(function () {
  "use strict";

  var start = window.orgmodelStart;
  var form = document.getElementById("owner-form");
  if (!start || !start.namedHint || !form) { return; }
  var data = start.data, texts = data.texts, wordsOf = start.wordsOf, WEAK = start.WEAK;
  var raciWords = {};  // folded word -> the letter of RACI it asks for
  Object.keys(data.raciAsked || {}).forEach(function (letter) {
    data.raciAsked[letter].forEach(function (word) { raciWords[start.fold(word)] = letter; });
  });
  /* The one role of RACI a question asks for ("hvem skal høres om …?"), as
   * orgmodel.raci_asked.raci_asked reads it; null when none or two. */
  function raciAsked(question) {
    var letters = {};
    start.fold(question).split(/\s+/).forEach(function (word) {
      if (raciWords[word]) { letters[raciWords[word]] = true; }
    });
    var found = Object.keys(letters);
    return found.length === 1 ? found[0] : null;
  }
  var leading = start.leading, deciding = start.foldedSet(data.deciding);
  var approving = start.foldedSet(data.approving);
  var yearsIn = start.yearsIn, withoutDate = start.withoutDate;
  var withoutPronounIt = start.withoutPronounIt, rank = start.rank;
  var namedHint = start.namedHint, asksAboutSelf = start.asksAboutSelf;
  var put = window.orgmodelText.put;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { put(node, text); }
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
      put(detail, value || "—");
    }
    list.appendChild(detail);
  }

  var pageTitle = document.title;
  var whetherThereIs = new RegExp(data.whetherThereIs || "(?!)", "iu");
  var phoneNumber = new RegExp(data.phoneNumber || "(?!)", "iu");
  var phoneNumberWords = new RegExp(data.phoneNumber || "(?!)", "giu");
  var amount = new RegExp(data.amount || "(?!)", "iu");
  var whoNot = new RegExp(data.whoNot || "(?!)", "iu");
  var notWord = new RegExp(data.notWord || "(?!)", "i");

  function render(query) {
    var box = document.getElementById("answers");
    box.replaceChildren();
    // The tab and the browser's history name the question, as the served page's title does.
    document.title = query ? texts.answers_for.replace("{q}", query) + " – " +
      pageTitle.split(" – ").slice(1).join(" – ") : pageTitle;
    if (!query) {  // an empty question: the last answer's words are no longer said
      var saidBefore = document.getElementById("answers-said");
      if (saidBefore) { saidBefore.replaceChildren(); }
      return;
    }
    var asked = yearsIn(query).filter(function (when) {
      return !data.asOf || when.slice(0, 4) !== data.asOf.slice(0, 4);
    });
    // "… før sammenlægningen": a day this page is not of, as a year is (the server answers it)
    var event = start.eventAsked(query);
    if (event) {
      asked.push(document.documentElement.lang === "en" ? "“" + event + "”" : "»" + event + "«");
    }
    // "ØUs medlemmer": the committee's; "vis mig hvem der …": "hvem …"
    var plain = start.plainQuestion(start.withoutAcronymGenitive(query));
    var text = start.withoutHomeName(withoutPronounIt(withoutDate(plain).trim() || plain));
    // ... and without the event it named, which is no word of a task (as on the server)
    if (event) { text = text.replace(event, " ").replace(/\s+([?!.])/g, "$1").trim() || text; }
    // "phone number of payroll": said first, below; its words met the staff's phones
    var phone = phoneNumber.test(text);
    text = phone ? text.replace(phoneNumberWords, " ") : text;
    // "hvem har IKKE ansvaret …": said below; what is left asks who does
    var negated = whoNot.test(text);
    text = negated ? text.replace(notWord, " ") : text;
    // "hvem er min chef?": the page cannot know who asks.
    var instead = asksAboutSelf(text) ? texts.ask_about_your_post : null;
    // "budget and procurement": each side's task first (orgmodel.two_tasks), else
    // "økonomistyring ØS": the task, in the unit that holds it (orgmodel.task_in_place)
    var ranked = instead ? [] : rank(text);  // once: the whole index is weighed
    var both = instead ? null : start.bothAsked(text, ranked);
    var placed = instead || both ? null : start.taskInPlace(text);
    var found = instead ? [] : both || placed || ranked;
    // Asked who decides, the tasks the data says who decides first, as on the server.
    if (wordsOf(text).some(function (word) { return deciding[word]; })) {
      found = found.slice().sort(function (a, b) {
        return (a.task.decided ? 0 : 1) - (b.task.decided ? 0 : 1);
      });
    }
    var best = found.length ? found[0].score : 0;
    // ... and the one that decides the task met first, said first ("hvem godkender
    // it-projekter?": the Digitalisation Council), as on the server
    var decider = found.length && wordsOf(text).some(function (word) {
      return deciding[word] || approving[word];
    }) ? found[0].task.decider : null;
    var hint = instead || placed ? null : decider ? { text: decider, says: true, score: best } :
      namedHint(text, best);
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
    // ... and tasks far below it are stray, weak or not ("hvem er borgmester?")
    if (hint && (hint.alone || hint.says && (hint.score >= best + data.strayGap ||
        hint.score >= best + data.margin &&
        found.every(function (hit) { return hit.score < WEAK; })))) {
      found = [];
    }
    box.appendChild(element("h2", texts.answers_for.replace("{q}", query)));
    if (asked.length) {
      box.appendChild(element("p", texts.site_as_of.replace("{date}", data.asOf)
        .replace("{asked}", asked[0]), "as-of-note"));
    }
    // "hvad er telefonnummeret til lønkontoret?": the data holds none, said first (as on the
    // server); what it has follows
    if (phone) {
      box.appendChild(element("p", texts.no_phone_numbers, "no-answer no-phone"));
    }
    // ... and so is an amount ("what is the budget of Finance and Staff?"), as on the server
    if (amount.test(text)) {
      box.appendChild(element("p", texts.no_amounts, "no-answer no-amount"));
    }
    // ... and who does not: the data says who does ("hvem har IKKE ansvaret for løn?")
    if (negated) {
      box.appendChild(element("p", texts.not_who_not, "no-answer who-not"));
    }
    if (cannot) {
      box.appendChild(element("p", instead, "no-answer ask-instead"));
    } else if (!found.length && !hint && whetherThereIs.test(text)) {
      // "har vi en DPO?" that nothing answers: the data names none, as on the server
      box.appendChild(element("p", data.notInData.replace("{what}",
        text.match(whetherThereIs).groups.what), "no-answer ask-instead"));
    } else if (!found.length && !hint) {
      box.appendChild(element("p", texts.no_answer.replace("{q}", query), "no-answer"));
    } else if (!hint && found.every(function (hit) { return hit.score < WEAK; })) {
      // no task is what it asks: said first, as on the server (the nearest follow)
      box.appendChild(element("p", texts.only_weak, "no-answer only-weak"));
    }
    if (hint) {
      box.appendChild(element("p", hint.text, "node-hint"));
      // ... and the view that draws what it names, as on the server (viz.start.hint_link)
      var link = hint.entry && hint.entry.link;
      if (link) {
        var to = element("a", link.text);
        to.href = link.view + ".html#sel=" + encodeURIComponent(link.id);
        var where = element("p", null, "node-link");
        where.appendChild(to);
        box.appendChild(where);
      }
    }
    var roleAsked = raciAsked(text);
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
        line.appendChild(element("td", owner.certainty || "", "src"));
        body.appendChild(line);
      });
      table.appendChild(body);
      // a box that scrolls, and takes the keyboard's focus, where a phone is narrower
      var scroll = element("div", null, "table-scroll");
      scroll.setAttribute("role", "region");
      scroll.tabIndex = 0;
      scroll.setAttribute("aria-labelledby", heading.id);
      scroll.appendChild(table);
      article.appendChild(scroll);
      var facts = element("dl", null, "facts");
      fact(facts, texts.accountable_post, task.accountable_post);
      fact(facts, texts.escalation, task.escalation);
      (task.facts || []).forEach(function (pair) {
        fact(facts, pair[0], pair[1]);
        if (task.mailbox && pair[1] === task.mailbox) {  // a link to write to, as on the server
          var mail = element("a", pair[1]);
          mail.href = "mailto:" + pair[1];
          facts.lastChild.replaceChildren(mail);
        }
      });
      // Fewer than half of the question's words met the task: an answer to check, as the
      // server says of its weak matches.
      var notes = hit.notes.concat(task.notes, hit.score < WEAK ? [texts.weak_match] : []);
      // a role of RACI asked that the answer has no one in: said (orgmodel.raci_asked)
      if (index === 0 && roleAsked && !task.owners.some(function (owner) {
        return owner.raci === roleAsked;
      })) { notes.push(data.roleNotes[roleAsked]); }
      if (notes.length) { fact(facts, texts.notes, notes.join(" ")); }
      article.appendChild(facts);
      var link = element("a", texts.task_on_map.replace("{task}", task.task));
      link.href = "responsibilities.html#sel=" + encodeURIComponent(task.id);
      var para = element("p");
      para.appendChild(link);
      article.appendChild(para);
      box.appendChild(article);
    });
    // Said in a few words; the answer itself is read where it stands (h2 and on).
    var said = document.getElementById("answers-said");
    if (said) {
      put(said, cannot ? instead : (!found.length && hint) ? hint.text.split(". ")[0] + "." :
        (found.length === 1 ? texts.answer_said : texts.answers_said)
          .replace("{count}", found.length).replace("{q}", query));
    }
  }

  /* The other language's page asks the same question (as the served page's link does). */
  function keepInLanguageLink(query) {
    var toggle = document.getElementById("lang-toggle");
    if (toggle) { toggle.search = query ? "?q=" + encodeURIComponent(query) : ""; }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("q").value.normalize("NFC").trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    keepInLanguageLink(query);
    render(query);
  });
  var initial = (new URLSearchParams(location.search).get("q") || "").normalize("NFC");
  if (initial) {
    document.getElementById("q").value = initial;
    keepInLanguageLink(initial);
    render(initial);
  }
}());

/* dlqa study modes: practice mode, random question and mock interview.
 *
 * Everything runs in the browser and nothing is sent anywhere. The data comes from script
 * files the build writes under assets/dlqa/ (catalogue.js, answers/<topic>.js), loaded with
 * <script> elements because a page opened from file:// cannot fetch() local files. Without
 * JavaScript none of this runs and every page shows all of its answers.
 */
(function () {
  "use strict";

  // This file is <root>/javascripts/study.js, so its own URL gives the site root whether the
  // site is opened from disk or served from a subpath.
  var ownUrl = document.currentScript && document.currentScript.src;
  var root = ownUrl ? new URL("../", ownUrl)
    : new URL(typeof __md_scope !== "undefined" ? __md_scope : "./", location.href);

  // The page format (levels, sections) is declared once, in dlqa/pageformat.py: the build
  // gives each section heading its label (data-dlqa-label), puts the levels in the
  // catalogue, and makes the study pages' level controls.

  /* ---- storage: scoped to this copy of the site, like Material's own settings ---- */

  var memory = {};
  var storage = {
    key: function (name) { return root.pathname + ":dlqa." + name; },
    get: function (name) {
      try {
        var raw = localStorage.getItem(this.key(name));
        return raw === null ? null : JSON.parse(raw);
      } catch (e) {
        return name in memory ? memory[name] : null;
      }
    },
    set: function (name, value) {
      memory[name] = value;
      try {
        if (value === null) localStorage.removeItem(this.key(name));
        else localStorage.setItem(this.key(name), JSON.stringify(value));
      } catch (e) { /* storage refused (private mode, quota): keep the value in memory */ }
    },
  };

  /* ---- small DOM helpers ---- */

  function make(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function button(label, className, attrs) {
    return make("button", Object.assign({ type: "button", class: className, text: label },
      attrs || {}));
  }

  function siteUrl(rel) {
    return new URL(rel, root).href;
  }

  // Answer HTML carries links relative to the site root; make them work on this page.
  function insertAnswer(container, html) {
    container.innerHTML = html;
    container.querySelectorAll("[href], [src]").forEach(function (node) {
      ["href", "src"].forEach(function (attr) {
        var value = node.getAttribute(attr);
        if (value !== null && value.charAt(0) !== "#") node.setAttribute(attr, siteUrl(value));
      });
    });
  }

  /* ---- data, loaded on demand ---- */

  var scripts = {};

  function loadScript(rel) {
    if (!scripts[rel]) {
      scripts[rel] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = siteUrl(rel);
        tag.onload = resolve;
        tag.onerror = function () {
          delete scripts[rel];
          tag.remove();
          reject(new Error("could not load " + rel));
        };
        document.head.appendChild(tag);
      });
    }
    return scripts[rel];
  }

  function loadCatalogue() {
    return loadScript("assets/dlqa/catalogue.js").then(function () {
      return window.dlqaCatalogue;
    });
  }

  // Short answers (id -> HTML) for the given question ids, loading only their topics' files.
  function loadAnswers(ids) {
    return loadCatalogue().then(function (catalogue) {
      var topics = {};
      catalogue.questions.forEach(function (q) {
        if (ids.indexOf(q.id) >= 0) topics[q.topic] = true;
      });
      return Promise.all(Object.keys(topics).map(function (topic) {
        return loadScript("assets/dlqa/answers/" + topic + ".js");
      }));
    }).then(function () {
      return window.dlqaAnswers || {};
    });
  }

  function shuffle(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  /* ---- random question ---- */

  // Opens a random question matching `filter` ({level, topic}, empty = any), other than the
  // page being read; resolves to false when no question matches.
  function openRandom(filter) {
    return loadCatalogue().then(function (catalogue) {
      var here = location.pathname;
      var pool = catalogue.questions.filter(function (q) {
        return (!filter.level || q.level === filter.level)
          && (!filter.topic || q.topic === filter.topic)
          && new URL(q.url, root).pathname !== here;
      });
      if (!pool.length) return false;
      location.href = siteUrl(shuffle(pool)[0].url);
      return true;
    });
  }

  function setupRandomForm() {
    var form = document.getElementById("dlqa-random");
    if (!form || form.dataset.dlqaReady) return;
    form.dataset.dlqaReady = "1";
    var status = document.getElementById("dlqa-random-status");
    loadCatalogue().then(function (catalogue) {
      fillTopics(document.getElementById("dlqa-random-topic"), catalogue);
      form.hidden = false;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = "";
      openRandom({ level: form.elements.level.value, topic: form.elements.topic.value })
        .then(function (found) {
          if (!found) status.textContent = "No question matches this level and topic.";
        });
    });
  }

  function fillTopics(select, catalogue) {
    if (!select || select.options.length > 1) return;
    catalogue.topics.forEach(function (topic) {
      select.append(make("option", { value: topic.id, text: topic.title }));
    });
  }

  /* ---- practice mode ---- */

  function practiceOn() {
    return storage.get("practice") === true;
  }

  function setPractice(on) {
    storage.set("practice", on);
    applyPractice();
  }

  function setExpanded(toggle, panel, open) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = (open ? "Hide " : "Show ") + toggle.dataset.dlqaWhat;
    // In a list every button reads "Show answer"; the full name says which question it is for.
    if (toggle.dataset.dlqaOf) {
      toggle.setAttribute("aria-label", toggle.textContent + ": " + toggle.dataset.dlqaOf);
    }
  }

  function toggleButton(what, panelId) {
    var toggle = button("Show " + what, "dlqa-button dlqa-show", {
      "aria-expanded": "false", "aria-controls": panelId,
    });
    toggle.dataset.dlqaWhat = what;
    return toggle;
  }

  function practiceBar(message, pairs) {
    var bar = make("div", {
      class: "dlqa-practice-bar", role: "group", "aria-label": "Practice mode",
    }, [
      make("span", { text: message }),
      button("Reveal all", "dlqa-button dlqa-reveal-all"),
      button("Hide all", "dlqa-button dlqa-hide-all"),
    ]);
    bar.querySelector(".dlqa-reveal-all").addEventListener("click", function () {
      pairs.forEach(function (pair) { setExpanded(pair[0], pair[1], true); });
    });
    bar.querySelector(".dlqa-hide-all").addEventListener("click", function () {
      pairs.forEach(function (pair) { setExpanded(pair[0], pair[1], false); });
    });
    return bar;
  }

  // A question page: wrap each answer section (everything between its h2 and the next one,
  // up to the footer) in a panel with its own show/hide button. Done once, on first use.
  function prepareQuestionPage(article) {
    if (article.dlqaPairs) return article.dlqaPairs;
    var sections = [];
    var current = null;
    var footer = false;
    Array.prototype.slice.call(article.children).forEach(function (node) {
      if (footer) return;
      if (node.classList.contains("dlqa-sources") || node.classList.contains("dlqa-id")) {
        footer = true;
      } else if (node.tagName === "H2") {
        var what = node.dataset.dlqaLabel;
        current = what ? { heading: node, what: what, nodes: [] } : null;
        if (current) sections.push(current);
      } else if (current) {
        current.nodes.push(node);
      }
    });
    var pairs = sections.map(function (section, index) {
      var id = "dlqa-section-" + (section.heading.id || index);
      var panel = make("div", { id: id, class: "dlqa-answer" }, section.nodes);
      var toggle = toggleButton(section.what, id);
      toggle.addEventListener("click", function () { setExpanded(toggle, panel, panel.hidden); });
      section.heading.after(toggle, panel);
      panel.dlqaHeading = section.heading;
      return [toggle, panel];
    });
    if (pairs.length) {
      var bar = practiceBar("Practice mode: answers are hidden until you show them.", pairs);
      sections[0].heading.before(bar);
      article.dlqaBar = bar;
    }
    article.dlqaPairs = pairs;
    return pairs;
  }

  // A page listing questions (a topic page): a button per question showing its short answer.
  function prepareListPage(article, links) {
    if (article.dlqaPairs) return article.dlqaPairs;
    var pairs = links.map(function (link) {
      var id = "dlqa-short-" + link.dataset.dlqaId;
      var panel = make("div", {
        id: id, class: "dlqa-short-answer", "data-dlqa-for": link.dataset.dlqaId,
      });
      panel.append(make("p", { text: "Loading the answer…" }));
      var toggle = toggleButton("answer", id);
      toggle.dataset.dlqaOf = link.textContent.trim();
      toggle.addEventListener("click", function () { setExpanded(toggle, panel, panel.hidden); });
      link.after(" ", toggle);
      link.parentNode.append(panel);
      return [toggle, panel];
    });
    var bar = practiceBar("Practice mode: each question's short answer is behind its button.",
      pairs);
    var list = links[0].closest("ul, ol") || links[0];
    var before = list.previousElementSibling;
    (before && /^H[2-6]$/.test(before.tagName) ? before : list).before(bar);
    article.dlqaBar = bar;
    article.dlqaPairs = pairs;
    var ids = links.map(function (link) { return link.dataset.dlqaId; });
    loadAnswers(ids).then(function (answers) {
      pairs.forEach(function (pair) {
        var html = answers[pair[1].dataset.dlqaFor];
        if (html) insertAnswer(pair[1], html);
      });
    }, function () {
      pairs.forEach(function (pair) {
        pair[1].firstChild.textContent =
          "The answer could not be loaded; open the question's page.";
      });
    });
    return pairs;
  }

  function currentArticle() {
    if (document.getElementById("print-site-page")) return null;  // the PDF's page: leave it
    return document.querySelector("article.md-content__inner");
  }

  function applyPractice() {
    var on = practiceOn();
    document.querySelectorAll(".dlqa-practice-toggle").forEach(function (toggle) {
      toggle.setAttribute("aria-pressed", String(on));
    });
    var article = currentArticle();
    if (!article) return;
    var pairs = article.dlqaPairs;
    if (!pairs && on) {
      var links = Array.prototype.slice.call(article.querySelectorAll("li > a[data-dlqa-id]"));
      if (article.querySelectorAll(".dlqa-id").length === 1) pairs = prepareQuestionPage(article);
      else if (links.length) pairs = prepareListPage(article, links);
    }
    if (!pairs) return;
    if (article.dlqaBar) article.dlqaBar.hidden = !on;
    pairs.forEach(function (pair) {
      pair[0].hidden = !on;
      setExpanded(pair[0], pair[1], !on && !pair[1].classList.contains("dlqa-short-answer"));
    });
    if (on) revealTarget(location.hash);
  }

  // Following a link to a part of the page (the table of contents) shows its section.
  function revealTarget(hash) {
    var article = currentArticle();
    if (!hash || hash.length < 2 || !article || !article.dlqaPairs) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    article.dlqaPairs.forEach(function (pair) {
      if (pair[1].contains(target) || pair[1].dlqaHeading === target) {
        setExpanded(pair[0], pair[1], true);
      }
    });
  }

  /* ---- mock interview ---- */

  function levelCounts(form) {
    var counts = {};
    form.querySelectorAll('input[type="number"]').forEach(function (input) {
      var value = parseInt(input.value, 10);
      counts[input.name] = isNaN(value) || value < 0 ? 0 : Math.min(value, 50);
    });
    return counts;
  }

  function levelNames(catalogue) {
    var names = {};
    catalogue.levels.forEach(function (level) { names[level.id] = level.label; });
    return names;
  }

  function setupMock() {
    var form = document.getElementById("dlqa-mock-setup");
    var stage = document.getElementById("dlqa-mock");
    if (!form || !stage || form.dataset.dlqaReady) return;
    form.dataset.dlqaReady = "1";
    var status = document.getElementById("dlqa-mock-status");
    var total = document.getElementById("dlqa-mock-total");

    function showTotal() {
      var counts = levelCounts(form);
      var n = Object.keys(counts).reduce(function (sum, level) { return sum + counts[level]; }, 0);
      total.textContent = n === 1 ? "1 question" : n + " questions";
    }

    loadCatalogue().then(function (catalogue) {
      var byId = {};
      catalogue.questions.forEach(function (q) { byId[q.id] = q; });
      var topicTitles = {};
      catalogue.topics.forEach(function (t) { topicTitles[t.id] = t.title; });
      fillTopics(form.elements.topic, catalogue);
      showTotal();

      function showSetup(focus) {
        stage.hidden = true;
        stage.replaceChildren();
        form.hidden = false;
        if (focus) form.querySelector('input[type="number"]').focus();
      }

      function show(state, focus) {
        form.hidden = true;
        stage.hidden = false;
        if (state.marks.length < state.ids.length) showQuestion(state, focus);
        else showSummary(state, focus);
      }

      function restart() {
        storage.set("mock", null);
        status.textContent = "";
        showSetup(true);
      }

      function showQuestion(state, focus) {
        var index = state.marks.length;
        var q = byId[state.ids[index]];
        var heading = make("h2", { id: "dlqa-mock-question", tabindex: "-1", text: q.title });
        var panel = make("div", {
          id: "dlqa-mock-answer", class: "dlqa-mock-answer", hidden: true,
        }, [make("p", { text: "Loading the answer…" })]);
        var toggle = toggleButton("answer", "dlqa-mock-answer");
        toggle.addEventListener("click", function () { setExpanded(toggle, panel, panel.hidden); });
        var known = button("I knew it", "dlqa-button dlqa-button--primary dlqa-mock-known");
        var notYet = button("Not yet", "dlqa-button dlqa-mock-not-yet");
        function mark(value) {
          state.marks.push(value);
          storage.set("mock", state);
          show(state, true);
        }
        known.addEventListener("click", function () { mark(true); });
        notYet.addEventListener("click", function () { mark(false); });
        var quit = button("End and start again", "dlqa-button dlqa-mock-restart");
        quit.addEventListener("click", restart);
        stage.replaceChildren(
          make("p", { class: "dlqa-mock-progress", text: "Question " + (index + 1) + " of "
            + state.ids.length + " · " + levelNames(catalogue)[q.level] + " · " + topicTitles[q.topic] }),
          heading,
          make("p", {}, [toggle]),
          panel,
          make("div", { class: "dlqa-mock-marks", role: "group", "aria-label": "Did you know it?" },
            [known, " ", notYet]),
          make("p", {}, [quit]),
        );
        loadAnswers([q.id]).then(function (answers) {
          insertAnswer(panel, answers[q.id] || "");
        }, function () {
          panel.replaceChildren();
        }).then(function () {
          var link = make("a", { href: siteUrl(q.url), text: "Read the full answer" });
          panel.append(make("p", {}, [link]));
        });
        if (focus) heading.focus();
      }

      function questionList(ids, className) {
        return make("ul", { class: className }, ids.map(function (id) {
          return make("li", {}, [make("a", { href: siteUrl(byId[id].url), text: byId[id].title })]);
        }));
      }

      function showSummary(state, focus) {
        var knew = state.ids.filter(function (id, i) { return state.marks[i]; });
        var notYet = state.ids.filter(function (id, i) { return !state.marks[i]; });
        var heading = make("h2", { id: "dlqa-mock-summary", tabindex: "-1", text: "Summary" });
        var again = button("Start again", "dlqa-button dlqa-button--primary dlqa-mock-restart");
        again.addEventListener("click", restart);
        stage.replaceChildren(
          heading,
          make("p", { id: "dlqa-mock-score", text: "You knew " + knew.length + " of "
            + state.ids.length + (state.ids.length === 1 ? " question." : " questions.") }),
          make("h3", { text: "Not yet (" + notYet.length + ")" }),
          notYet.length ? questionList(notYet, "dlqa-mock-not-yet-list")
            : make("p", { text: "None: well done." }),
          make("h3", { text: "Knew it (" + knew.length + ")" }),
          knew.length ? questionList(knew, "dlqa-mock-known-list") : make("p", { text: "None." }),
          make("p", {}, [again]),
        );
        if (focus) heading.focus();
      }

      function deal(counts, topic) {
        var chosen = [];
        var short = [];
        Object.keys(levelNames(catalogue)).forEach(function (level) {
          var pool = catalogue.questions.filter(function (q) {
            return q.level === level && (!topic || q.topic === topic);
          });
          if (pool.length < counts[level]) short.push(pool.length + " " + level);
          chosen = chosen.concat(shuffle(pool).slice(0, counts[level]));
        });
        return { ids: shuffle(chosen).map(function (q) { return q.id; }), short: short };
      }

      form.addEventListener("input", showTotal);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var dealt = deal(levelCounts(form), form.elements.topic.value);
        if (!dealt.ids.length) {
          status.textContent = "No questions to ask: choose at least one question of a level "
            + "that has questions in this topic.";
          return;
        }
        var state = { ids: dealt.ids, marks: [] };
        storage.set("mock", state);
        show(state, true);
        if (dealt.short.length) {
          stage.prepend(make("p", { class: "dlqa-status", role: "status",
            text: "Only " + dealt.short.join(", ") + " question(s) match, so fewer are asked." }));
        }
      });

      var saved = storage.get("mock");
      var valid = saved && Array.isArray(saved.ids) && Array.isArray(saved.marks)
        && saved.ids.length > 0 && saved.ids.every(function (id) { return id in byId; });
      if (valid) show(saved, false);
      else showSetup(false);
    });
  }

  /* ---- header buttons ---- */

  var SVG = "http://www.w3.org/2000/svg";

  function icon(shapes) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    shapes.forEach(function (shape) {
      var node = document.createElementNS(SVG, shape[0]);
      Object.keys(shape[1]).forEach(function (name) { node.setAttribute(name, shape[1][name]); });
      svg.append(node);
    });
    return svg;
  }

  function addHeaderButtons() {
    if (document.querySelector(".dlqa-practice-toggle")) return;
    // The light/dark toggle (taken over from Material by overrides/partials/palette-toggle.html)
    var anchor = document.querySelector(".md-header__inner [data-dlqa-component=palette]")
      || document.querySelector(".md-header__inner [data-md-component=palette]")
      || document.querySelector(".md-header__inner label[for=__search]");
    if (!anchor) return;
    var outline = { fill: "none", stroke: "currentColor", "stroke-width": "2" };
    var random = make("button", {
      type: "button", class: "md-header__button md-icon dlqa-header-button dlqa-random-button",
      title: "Random question", "aria-label": "Random question",
    }, [icon([
      ["rect", Object.assign({ x: "3", y: "3", width: "18", height: "18", rx: "3" }, outline)],
      ["circle", { cx: "8", cy: "8", r: "1.7" }], ["circle", { cx: "16", cy: "8", r: "1.7" }],
      ["circle", { cx: "12", cy: "12", r: "1.7" }],
      ["circle", { cx: "8", cy: "16", r: "1.7" }], ["circle", { cx: "16", cy: "16", r: "1.7" }],
    ])]);
    random.addEventListener("click", function () { openRandom({}); });
    var practice = make("button", {
      type: "button", class: "md-header__button md-icon dlqa-header-button dlqa-practice-toggle",
      title: "Practice mode: hide the answers until you show them",
      "aria-label": "Practice mode", "aria-pressed": String(practiceOn()),
    }, [icon([
      ["path", Object.assign(
        { d: "M2 12c2.5-4.5 6-7 10-7s7.5 2.5 10 7c-2.5 4.5-6 7-10 7s-7.5-2.5-10-7z" }, outline)],
      ["circle", { cx: "12", cy: "12", r: "3.2" }],
      ["path", Object.assign({ class: "dlqa-slash", d: "M4 4l16 16" }, outline)],
    ])]);
    practice.addEventListener("click", function () { setPractice(!practiceOn()); });
    anchor.before(random, practice);
  }

  /* ---- start ---- */

  function init() {
    addHeaderButtons();
    document.querySelectorAll(".dlqa-needs-js").forEach(function (note) { note.hidden = true; });
    applyPractice();
    setupRandomForm();
    setupMock();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href*='#']");
    if (link && link.pathname === location.pathname && link.hash) revealTarget(link.hash);
  }, true);
  window.addEventListener("hashchange", function () { revealTarget(location.hash); });
  window.addEventListener("storage", function (event) {
    if (event.key === storage.key("practice")) applyPractice();
  });

  // Material's document$ emits once the page is ready (and again after each instant load).
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

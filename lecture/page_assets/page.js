/* The lecture page: chapters, transcript, search, deep links and keys around a plain <video>.
   No library, no network: the data (chapters, beats, captions) is embedded in index.html. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("lecture-data").textContent);
  var video = document.getElementById("video");
  var byId = function (id) { return document.getElementById(id); };
  var lines = byId("lines");
  var search = byId("search");
  var found = byId("found");
  var capTrack = document.querySelector("track[kind=captions]").track;
  var chapTrack = document.querySelector("track[kind=chapters]").track;
  chapTrack.mode = "hidden"; // loaded (cues, cuechange) but not drawn

  var chapters = data.chapters;
  var beats = [];
  var cues = [];
  var EPS = 1e-3;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    var h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
    var ss = (s < 10 ? "0" : "") + s;
    return h ? h + ":" + (m < 10 ? "0" : "") + m + ":" + ss : m + ":" + ss;
  }

  function words(slug) { return slug.replace(/[-_]+/g, " "); }

  function norm(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  function beatHash(b) { return "#beat=" + b.chapter.slug + "/" + b.beat; }

  function slideHref(b) { return data.slides + "#/" + b.slide; }

  // Last index i with items[i].start <= t (items sorted by start), or -1.
  function at(items, t) {
    var lo = 0, hi = items.length - 1, best = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (items[mid].start <= t + EPS) { best = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return best;
  }

  // --- the chapter list and the transcript -------------------------------------------------

  var chapterList = byId("chapter-list");
  chapters.forEach(function (ch) {
    var li = el("li");
    var a = el("a", {
      class: "chapter", href: "#t=" + ch.start,
      "aria-label": "Chapter " + ch.number + ": " + ch.title + ", starts at " + clock(ch.start),
    });
    if (ch.thumb) { a.appendChild(el("img", { src: ch.thumb, alt: "", loading: "lazy" })); }
    var start = el("span", { class: "start" });
    start.appendChild(el("span", { class: "num" }, String(ch.number)));
    start.appendChild(document.createTextNode(clock(ch.start)));
    a.appendChild(start);
    a.appendChild(el("span", { class: "title" }, ch.title));
    a.addEventListener("click", function (e) { e.preventDefault(); seek(ch.start); });
    li.appendChild(a);
    chapterList.appendChild(li);
    ch.link = a;

    var head = el("h3", { id: "ch-" + ch.slug }, ch.number + ". " + ch.title);
    lines.appendChild(head);
    ch.head = head;
    ch.beats.forEach(function (b) {
      b.chapter = ch;
      b.index = beats.length;
      beats.push(b);
      var h4 = el("h4");
      var name = el("a", { class: "name", href: beatHash(b) },
                    ch.number + "." + b.number + " " + words(b.beat));
      name.addEventListener("click", function (e) { e.preventDefault(); seek(b.start); });
      h4.appendChild(name);
      h4.appendChild(el("span", {}, clock(b.start)));
      h4.appendChild(el("a", { href: b.clip, "aria-label": "Clip of beat " + ch.number + "." +
                               b.number + " (mp4)" }, "clip"));
      if (data.slides) {
        h4.appendChild(el("a", { href: slideHref(b), "aria-label": "Slide " + (b.slide + 1) +
                                 " of the deck (beat " + ch.number + "." + b.number + ")" },
                          "slide " + (b.slide + 1)));
      }
      lines.appendChild(h4);
      b.head = h4;
      var p = el("p");
      b.cues.forEach(function (c) {
        var cue = { start: c[0], end: c[1], text: c[2], beat: b, norm: norm(c[2]) };
        var a2 = el("a", { class: "cue", href: "#t=" + cue.start });
        a2.appendChild(el("span", { class: "at", "aria-hidden": "true" }, clock(cue.start)));
        cue.span = el("span", { class: "text" }, cue.text);
        a2.appendChild(cue.span);
        a2.addEventListener("click", function (e) {
          e.preventDefault();
          seek(Math.max(cue.start, b.start));  // SRT times are cut to whole ms
        });
        cue.elem = a2;
        p.appendChild(a2);
        cues.push(cue);
      });
      lines.appendChild(p);
      b.para = p;
    });
  });
  cues.sort(function (x, y) { return x.start - y.start; });

  // --- seeking, deep links, the address ----------------------------------------------------

  var pending = null;  // a time to seek to once the video knows its duration
  var follow = false;  // the address follows the current beat once the viewer moved

  function seek(t) {
    t = Math.max(0, t);
    follow = true;
    if (video.readyState < 1) { pending = t; return; }
    if (video.duration) { t = Math.min(t, video.duration); }
    video.currentTime = t;
    sync();
  }

  video.addEventListener("loadedmetadata", function () {
    if (pending !== null) { var t = pending; pending = null; seek(t); }
  });

  function find(list, key) {
    return list.find(function (x) { return x.slug === key || x.beat === key ||
                                            String(x.number) === key; });
  }

  // "#t=123", "#t=2:03", "#t=1:02:03" or "#beat=<chapter>/<beat>" (slugs or numbers).
  function parseHash(hash) {
    var h = decodeURIComponent(hash.replace(/^#/, ""));
    var m = /^t=(\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){0,2})s?$/.exec(h);
    if (m) {
      return m[1].split(":").reduce(function (acc, part) { return acc * 60 + parseFloat(part); }, 0);
    }
    m = /^beat=([^/]+)\/(.+)$/.exec(h);
    if (m) {
      var ch = find(chapters, m[1]);
      var b = ch && find(ch.beats, m[2]);
      if (b) { return b.start; }
      if (ch) { return ch.start; }
    }
    return null;
  }

  function openHash() {
    var t = parseHash(location.hash);
    if (t !== null) { seek(t + EPS); }
  }
  window.addEventListener("hashchange", openHash);

  // --- what is playing now ------------------------------------------------------------------

  var cur = { chapter: null, beat: null, cue: null };
  var userScrolled = 0;
  var query = "";

  function mark(elem, on, cls) {
    if (!elem) { return; }
    if (cls) { elem.classList.toggle(cls, on); }
    if (on) { elem.setAttribute("aria-current", "true"); } else { elem.removeAttribute("aria-current"); }
  }

  function keepInView(elem) {
    if (!elem || query || Date.now() - userScrolled < 4000) { return; }
    var top = elem.offsetTop, bottom = top + elem.offsetHeight;
    if (top < lines.scrollTop + 8 || bottom > lines.scrollTop + lines.clientHeight - 8) {
      lines.scrollTop = Math.max(0, top - lines.clientHeight / 3);
    }
  }

  function showBeat(b) {
    var box = byId("beat");
    box.textContent = "";
    if (!b) { return; }
    var ch = b.chapter;
    box.appendChild(el("span", { class: "label" }, "Beat " + ch.number + "." + b.number + " "));
    box.appendChild(el("strong", {}, words(b.beat)));
    box.appendChild(el("span", { class: "label" },
                       " \u00b7 " + clock(b.start) + "\u2013" + clock(b.end) + " "));
    box.appendChild(el("br"));
    box.appendChild(el("a", { href: b.clip }, "This beat's clip"));
    if (data.slides) { box.appendChild(el("a", { href: slideHref(b) }, "Its slide (" + (b.slide + 1) + ") in the deck")); }
    box.appendChild(el("a", { href: beatHash(b) }, "Link to this beat"));
  }

  function sync() {
    var t = video.currentTime;
    var ci = at(chapters, t), bi = at(beats, t), k = at(cues, t);
    var ch = chapters[ci] || null, b = beats[bi] || null;
    var cue = k >= 0 && t < cues[k].end ? cues[k] : null;
    if (ch !== cur.chapter) {
      if (cur.chapter) { mark(cur.chapter.link, false); }
      mark(ch && ch.link, true);
      cur.chapter = ch;
    }
    if (b !== cur.beat) {
      if (cur.beat) { cur.beat.head.classList.remove("now"); }
      if (b) { b.head.classList.add("now"); }
      cur.beat = b;
      showBeat(b);
      byId("now").textContent = ch ? "Chapter " + ch.number + " of " + chapters.length + ": " +
        ch.title + (b ? " \u00b7 " + words(b.beat) : "") : "\u00a0";
    }
    if (cue !== cur.cue) {
      if (cur.cue) { mark(cur.cue.elem, false); }
      if (cue) { mark(cue.elem, true); }
      cur.cue = cue;
    }
    keepInView(cue ? cue.elem : (cues[k] ? cues[k].elem : (b ? b.head : null)));
    if (follow && b && pending === null) {
      var want = beatHash(b);
      if (decodeURIComponent(location.hash) !== want) { history.replaceState(null, "", want); }
    }
  }

  ["timeupdate", "seeked", "seeking", "loadedmetadata"].forEach(function (ev) {
    video.addEventListener(ev, sync);
  });
  capTrack.addEventListener("cuechange", sync);
  chapTrack.addEventListener("cuechange", sync);
  ["wheel", "touchmove"].forEach(function (ev) {
    lines.addEventListener(ev, function () { userScrolled = Date.now(); }, { passive: true });
  });

  // --- controls -----------------------------------------------------------------------------

  var playButton = byId("play");
  var ccButton = byId("cc");

  function togglePlay() {
    if (video.paused || video.ended) {
      follow = true;
      var p = video.play();
      if (p && p.catch) { p.catch(function () {}); }
    } else {
      video.pause();
    }
  }
  function playState() { playButton.textContent = video.paused ? "Play" : "Pause"; }
  video.addEventListener("play", playState);
  video.addEventListener("pause", playState);

  function skip(d) { seek(video.currentTime + d); }

  function chapterStep(d) {
    var t = video.currentTime, i = Math.max(0, at(chapters, t));
    if (d < 0) {
      seek(t - chapters[i].start > 2 || i === 0 ? chapters[i].start : chapters[i - 1].start);
    } else if (i + 1 < chapters.length) {
      seek(chapters[i + 1].start);
    }
  }

  function ccState() { ccButton.setAttribute("aria-pressed", String(capTrack.mode === "showing")); }
  function toggleCaptions() {
    capTrack.mode = capTrack.mode === "showing" ? "hidden" : "showing";
    ccState();
  }
  video.textTracks.addEventListener("change", ccState);

  function toggleFull() {
    var p;
    if (document.fullscreenElement) {
      p = document.exitFullscreen();
    } else if (video.requestFullscreen) {
      p = video.requestFullscreen();
    } else if (video.webkitEnterFullscreen) {
      video.webkitEnterFullscreen();
    }
    if (p && p.catch) { p.catch(function () {}); }
  }

  playButton.addEventListener("click", togglePlay);
  byId("prev").addEventListener("click", function () { chapterStep(-1); });
  byId("next").addEventListener("click", function () { chapterStep(1); });
  byId("back").addEventListener("click", function () { skip(-5); });
  byId("fwd").addEventListener("click", function () { skip(5); });
  ccButton.addEventListener("click", toggleCaptions);
  byId("full").addEventListener("click", toggleFull);

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var tag = e.target.tagName || "";
    if (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(tag)) { return; }
    var onControl = /^(BUTTON|A|SUMMARY)$/.test(tag);
    switch (e.key) {
      case " ": case "Spacebar":
        if (onControl) { return; }
        togglePlay(); break;
      case "ArrowLeft": skip(-5); break;
      case "ArrowRight": skip(5); break;
      case "j": case "J": chapterStep(-1); break;
      case "k": case "K": chapterStep(1); break;
      case "f": case "F": toggleFull(); break;
      case "c": case "C": toggleCaptions(); break;
      case "/": search.focus(); break;
      default: return;
    }
    e.preventDefault();
  }, true);

  // --- search -------------------------------------------------------------------------------

  var matches = [], matchAt = -1;

  function paint(cue, q) {
    cue.span.textContent = "";
    var i = q ? cue.text.toLowerCase().indexOf(q.toLowerCase()) : -1;
    if (i < 0) { cue.span.textContent = cue.text; return; }
    cue.span.appendChild(document.createTextNode(cue.text.slice(0, i)));
    cue.span.appendChild(el("mark", {}, cue.text.slice(i, i + q.length)));
    cue.span.appendChild(document.createTextNode(cue.text.slice(i + q.length)));
  }

  function filter() {
    var q = search.value.trim();
    var nq = norm(q);
    query = q;
    matches = [];
    matchAt = -1;
    cues.forEach(function (cue) {
      var hit = !nq || cue.norm.indexOf(nq) >= 0;
      cue.elem.hidden = !hit;
      if (nq && hit) { matches.push(cue); }
      paint(cue, nq && hit ? q : "");
    });
    beats.forEach(function (b) {
      var any = !nq || matches.some(function (c) { return c.beat === b; });
      b.head.hidden = b.para.hidden = !any;
    });
    chapters.forEach(function (ch) {
      ch.head.hidden = !!nq && !ch.beats.some(function (b) { return !b.head.hidden; });
    });
    found.textContent = !q ? "" : matches.length === 1 ? "1 sentence" :
      matches.length ? matches.length + " sentences" : "no sentence matches";
    if (matches.length) { lines.scrollTop = Math.max(0, matches[0].elem.offsetTop - 40); }
    else if (!q) { userScrolled = 0; sync(); }
  }

  function jump(d) {
    if (!matches.length) { return; }
    matchAt = (matchAt + d + matches.length) % matches.length;
    var cue = matches[matchAt];
    seek(Math.max(cue.start, cue.beat.start));
    lines.scrollTop = Math.max(0, cue.elem.offsetTop - lines.clientHeight / 3);
    found.textContent = "sentence " + (matchAt + 1) + " of " + matches.length;
  }

  search.addEventListener("input", filter);
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); jump(e.shiftKey ? -1 : 1); }
    if (e.key === "Escape" && search.value) { e.preventDefault(); search.value = ""; filter(); }
  });
  byId("search-form").addEventListener("submit", function (e) { e.preventDefault(); });

  // --- start ----------------------------------------------------------------------------------

  ccState();
  playState();
  if (location.hash) { openHash(); }
  sync();
})();

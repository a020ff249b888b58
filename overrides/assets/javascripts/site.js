/* PMI Aman's additions to Material, run before Material's bundle (see overrides/main.html).
 *
 * 1. Search is loaded only when the reader uses it, and works from file://.
 * Material starts its search Web Worker (12 KB compressed) and downloads the search index
 * (about 24 KB compressed in late 2026, growing with the site) on every page view, for nothing if the
 * reader does not search. This script holds both back until the reader opens or focuses
 * search: the worker is replaced by a stand-in that queues its messages, and the request
 * for search_index.json is sent later.
 *
 * In the offline edition (file://) Chromium refuses to start a Web Worker, so the stand-in
 * runs the worker's own script in a hidden iframe of the same page instead. Nothing is
 * loaded from another host.
 *
 * 2. Material's bundle (34 KB compressed, half of a first visit) is loaded only when the reader
 * needs it: when search is opened or focused (click, tap, the keys / s f), or the keyboard is
 * used in the header. Until then the page works without it: the menu and search buttons are
 * CSS checkboxes, collapsible blocks are <details>, the language switcher and skip link are
 * plain links. overrides/main.html keeps the bundle's address in a data-pmi-src attribute.
 * The bundle starts on DOMContentLoaded, so once loaded it is sent that event again.
 *
 * 3. Keyboard and screen reader fixes to Material's markup (found by axe-core):
 * the search dialog gets a name, the menu and search buttons of the narrow layout (labels
 * for hidden checkboxes) can be reached with Tab and pressed with Enter or Space, and wide
 * tables, which scroll sideways, can be focused to scroll them with the arrow keys.
 *
 * 4. A tap on an abbreviation shows its expansion.
 *
 * 5. Listen, share and save for offline: the service worker and which buttons show; the
 * listen and share code is loaded when first pressed.
 *
 * 6. Collapsible blocks are printed open.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("__config").textContent);
  var workerUrl = new URL(config.search, location.href).href;
  var RealWorker = window.Worker;
  var opened = false;
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  function whenOpened(start) {
    if (opened) start(); else waiting.push(start);
  }

  /* Something with addEventListener/postMessage, as Material expects of a Worker. */
  function Channel() {
    var events = new EventTarget();
    this.addEventListener = events.addEventListener.bind(events);
    this.removeEventListener = events.removeEventListener.bind(events);
    this.deliver = function (data) {
      events.dispatchEvent(new MessageEvent("message", { data: data }));
    };
  }

  /* The worker's script run in a hidden iframe (file://, where Web Workers cannot start). */
  function FrameWorker(url) {
    var channel = new Channel();
    var frame = document.createElement("iframe");
    var pending = [];
    var ready = false;
    frame.hidden = true;
    frame.title = "search";
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    document.body.appendChild(frame);
    var inner = frame.contentWindow;

    /* The worker answers with postMessage(data): hand it to Material, asynchronously. */
    inner.postMessage = function (data) {
      setTimeout(function () { channel.deliver(data); });
    };
    function send(data) {
      setTimeout(function () {
        inner.dispatchEvent(new inner.MessageEvent("message", { data: data }));
      });
    }
    var script = inner.document.createElement("script");
    script.src = url;
    script.onload = function () {
      ready = true;
      pending.splice(0).forEach(send);
    };
    inner.document.head.appendChild(script);

    channel.postMessage = function (data) {
      if (ready) send(data); else pending.push(data);
    };
    channel.terminate = function () { frame.remove(); };
    return channel;
  }

  /* Stand-in for Material's search worker: starts the real one when search is opened. */
  function SearchWorker(url) {
    var channel = new Channel();
    var queue = [];
    var real = null;
    channel.postMessage = function (data) {
      if (real) real.postMessage(data); else queue.push(data);
    };
    channel.terminate = function () { if (real) real.terminate(); };
    whenOpened(function () {
      real = location.protocol === "file:" ? new FrameWorker(url) : new RealWorker(url);
      real.addEventListener("message", function (event) { channel.deliver(event.data); });
      queue.splice(0).forEach(function (data) { real.postMessage(data); });
    });
    return channel;
  }

  window.Worker = function (url, options) {
    var absolute = new URL(String(url), location.href).href;
    if (absolute === workerUrl) return new SearchWorker(absolute);
    return new RealWorker(url, options);
  };

  /* Material requests the index with XMLHttpRequest: send that request only once opened. */
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.pmiSearchIndex = /search_index\.json([?#]|$)/.test(String(url));
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.pmiSearchIndex) return xhrSend.apply(xhr, args);
    whenOpened(function () { xhrSend.apply(xhr, args); });
  };

  /* 2. Material's bundle, loaded when needed. Until then the page has Material's "js" layout
     (search button shown), with the sidebars of its "no-js" layout (class pmi-lazy, site.css). */
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js", "pmi-lazy");
  window.pmiBundleLater = true;  /* overrides/main.html: do not load the bundle with the page */
  var parsed = false;
  var bundle = "none";  /* then "asked", "loading", "loaded" */

  function loadBundle() {
    if (bundle !== "none" && bundle !== "asked") return;
    if (!parsed) { bundle = "asked"; return; }  /* its <script> placeholder is not parsed yet */
    bundle = "loading";
    var sources = Array.prototype.map.call(document.querySelectorAll("script[data-pmi-src]"),
      function (placeholder) { return placeholder.getAttribute("data-pmi-src"); });
    /* Material reacts to the address's #target when it starts (scrolls to it, closes the
       menu and search): hidden from it while it starts, as the reader is already elsewhere. */
    var hash = location.hash;
    var bare = location.href.split("#")[0];
    if (hash) history.replaceState(history.state, "", bare);
    sources.forEach(function (src, i) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      if (i === sources.length - 1) {
        script.onload = function () {
          bundle = "loaded";
          if (hash && location.href === bare) history.replaceState(history.state, "", bare + hash);
          document.dispatchEvent(new Event("DOMContentLoaded"));
          root.classList.remove("pmi-lazy");
          setTimeout(fixTables);  /* Material has wrapped the tables by now */
        };
      }
      document.body.appendChild(script);
    });
  }

  /* What counts as using search: opening it (click, tap, keyboard shortcut) or focusing the
     field; also arriving from a search result, whose terms Material highlights. */
  var toggle = document.getElementById("__search");
  var query = document.querySelector("[data-md-component=search-query]");
  function searchUsed() {
    open();
    loadBundle();
  }
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (!toggle.checked) return;
      /* Material focuses the field when search opens; until it is loaded, this does. */
      if (bundle !== "loaded" && query) query.focus();
      searchUsed();
    });
  }
  if (query) {
    query.addEventListener("focus", searchUsed);
    query.addEventListener("input", searchUsed);
  }
  if ((toggle && toggle.checked) || /[?&]h=/.test(location.search)) searchUsed();

  /* Material's search keys (/ s f), until Material listens to them itself. */
  document.addEventListener("keydown", function (event) {
    if (bundle === "loaded" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].indexOf(event.key) < 0 || !toggle || !query) return;
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    if (!toggle.checked) toggle.click(); else query.focus();
  });
  /* The keyboard in the header (Tab to its buttons, the search field): Material's keys. */
  var header = document.querySelector(".md-header");
  if (header) header.addEventListener("focusin", loadBundle);

  /* 3. Keyboard and screen reader fixes. */
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && query) dialog.setAttribute("aria-label", query.getAttribute("aria-label") || query.placeholder);
  document.querySelectorAll("label.md-header__button[for]").forEach(function (button) {
    var target = document.getElementById(button.htmlFor);
    button.setAttribute("tabindex", "0");
    /* Its name, as text (aria-label is not allowed on a label): "Cari" or "Navigasi". */
    var named = target && target.id === "__search" ? query : document.querySelector(".md-nav--primary");
    if (named && named.getAttribute("aria-label") && !button.textContent.trim()) {
      var text = document.createElement("span");
      text.textContent = named.getAttribute("aria-label");
      text.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
      button.appendChild(text);
    }
    /* Pressed with Enter or Space, as buttons are, also before Material is loaded (Material
       clicks a focused label on Enter itself: the event stops here, so it is clicked once). */
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        button.click();
      }
    });
  });

  /* Wide tables scroll sideways: they can be focused, to scroll them with the arrow keys.
     Before Material is loaded the table itself scrolls; Material then wraps it in a
     .md-typeset__scrollwrap, which scrolls instead (a region named after its heading). */
  function fixTables() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      var wrap = table.closest(".md-typeset__scrollwrap");
      var heading = table.querySelector("caption");
      for (var el = wrap || table; !heading && el && el !== document.body; el = el.previousElementSibling || el.parentElement) {
        if (/^H[1-6]$/.test(el.tagName)) heading = el;
      }
      var name = heading ? heading.textContent.trim() : document.title;
      if (wrap) {
        table.removeAttribute("tabindex");
        if (!table.querySelector("caption")) table.removeAttribute("aria-label");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name);
      } else if (!table.querySelector("caption")) {
        table.setAttribute("aria-label", name);
      }
      (wrap || table).setAttribute("tabindex", "0");
    });
  }

  /* 4. A tap (or click) on an abbreviation shows its expansion after it, and a second tap
     hides it: a title tooltip does not show on a touch screen. The first use on each page is
     already spelled out in the text (scripts/pmi_aman/reading.py). */
  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest(".md-typeset abbr[title]");
    if (!abbr) return;
    var next = abbr.nextElementSibling;
    if (next && next.classList.contains("pmi-abbr-expansion")) return;  /* already spelled out */
    if (next && next.classList.contains("pmi-abbr-tip")) { next.remove(); return; }
    var tip = document.createElement("span");
    tip.className = "pmi-abbr-tip";
    tip.textContent = " (" + abbr.title + ")";
    abbr.after(tip);
  });

  /* 5. Listen, share and save for offline (issue 12; overrides/partials/pmi-actions.html).
     Here only what runs with the page: the service worker, which stores the whole edition
     after the first visit (sw.js, bjn/sw.js, written by scripts/pmi_aman/pocket.py) unless the
     reader's data saver is on, the "Simpan" control (home and help pages), and which buttons
     the browser can use (hidden otherwise; listen only with an Indonesian voice). The listen
     and share code (assets/javascripts/pocket.js, in data-pmi-src) is loaded when the reader
     first presses one of them; the button is then pressed again for it. */
  var actions = document.querySelector(".pmi-actions");
  if (actions) pocket(actions);

  function pocket(bar) {
    var data = bar.dataset;
    var save = document.querySelector(".pmi-save");
    var sw = navigator.serviceWorker;
    if (data.pmiSw && sw && location.protocol !== "file:") {
      var thrifty = navigator.connection && navigator.connection.saveData;
      var saveButton = save && save.querySelector("button");
      var show = function (state) {
        if (!save) return;
        save.hidden = false;
        save.setAttribute("data-pmi-state", state);
        save.querySelector(".pmi-save__state").textContent = save.getAttribute("data-pmi-" + state);
        saveButton.hidden = state !== "none";
      };
      var ask = function (message) {
        sw.ready.then(function (registration) {
          if (registration.active) registration.active.postMessage(message);
        });
      };
      sw.addEventListener("message", function (event) {
        var message = event.data || {};
        if (message.lang !== data.pmiLang || !message.pmiPocket) return;
        show(message.pmiPocket);
        if (message.pmiPocket === "none" && !thrifty && !ask.done) {
          ask.done = true;  /* stored automatically once per page view, unless data saver is on */
          ask("save");
        }
      });
      sw.startMessages();
      if (saveButton) saveButton.addEventListener("click", function () { show("saving"); ask("save"); });
      var start = function () {
        sw.register(data.pmiSw).then(function () { ask("state"); }, function () { if (save) save.hidden = true; });
      };
      if (document.readyState === "complete") start(); else window.addEventListener("load", start);
    }

    var share = bar.querySelector(".pmi-share");
    var listen = bar.querySelector(".pmi-listen");
    var synth = window.speechSynthesis;
    if (share) share.hidden = false;  /* the address is copied where there is no share sheet */
    if (listen && synth && window.SpeechSynthesisUtterance) {
      var findVoice = function () {
        listen.hidden = !(synth.getVoices() || []).some(function (v) { return /^id([-_]|$)/i.test(v.lang); });
      };
      findVoice();
      if (synth.addEventListener) synth.addEventListener("voiceschanged", findVoice);
    }

    var code = "none";  /* then "loading", "loaded" */
    var pressed = null;
    function load() {
      if (code !== "none" || !data.pmiSrc) return;
      code = "loading";
      var script = document.createElement("script");
      script.src = data.pmiSrc;
      script.onload = function () {
        code = "loaded";
        if (pressed) pressed.click();
        pressed = null;
      };
      script.onerror = function () { code = "none"; };
      document.head.appendChild(script);
    }
    [share, listen].forEach(function (button) {
      if (!button) return;
      button.addEventListener("pointerdown", load);  /* usually loaded by the end of the tap */
      button.addEventListener("click", function () {
        if (code === "loaded") return;  /* pocket.js answers */
        pressed = button;
        load();
      });
    });
  }

  /* 6. On paper every collapsible block is printed open, and closed again afterwards. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  /* Once: the bundle is sent DOMContentLoaded again when it is loaded (see loadBundle). */
  document.addEventListener("DOMContentLoaded", function () {
    parsed = true;
    fixTables();
    if (bundle === "asked") loadBundle();
  }, { once: true });
})();

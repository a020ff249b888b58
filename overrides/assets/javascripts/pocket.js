/* Listen and share (issue 12): loaded only when the reader first presses one of the buttons
 * (assets/javascripts/site.js, part 5, which also shows the buttons where the browser can do it,
 * and registers the service worker). site.js presses the button again once this has run.
 *
 * Share: the phone's share sheet (Web Share API); otherwise the page's public address and
 *    short title are copied, with a visible confirmation.
 * Listen: the phone's speech engine reads the page's main text, sentence by sentence, with an
 *    Indonesian voice (also on Banjar pages, which say so); pause/continue and stop. Navigation,
 *    tables of contents, footnotes, printout-only parts and these controls are not read.
 */
(function () {
  "use strict";

  var bar = document.querySelector(".pmi-actions");
  if (!bar || window.pmiPocketReady) return;
  window.pmiPocketReady = true;
  var data = bar.dataset;
  var status = bar.querySelector(".pmi-actions__status");

  function say(text) {
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  }

  /* Share -------------------------------------------------------------------------------- */
  var share = bar.querySelector(".pmi-share");
  var address = data.pmiUrl || location.href.split("#")[0];
  var title = data.pmiTitle || document.title;
  function copied() { say(share.getAttribute("data-pmi-copied")); }
  function copyByHand() { say(share.getAttribute("data-pmi-manual") + " " + address); }
  function copy() {
    var text = title + "\n" + address;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(copied, copyOld);
    } else {
      copyOld();
    }
    function copyOld() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "readonly");
      area.style.cssText = "position:fixed;top:0;left:0;opacity:0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      area.remove();
      share.focus();
      if (done) copied(); else copyByHand();
    }
  }
  if (share) {
    share.addEventListener("click", function () {
      if (navigator.share) {
        navigator.share({ title: title, text: title, url: address }).catch(function (error) {
          if (!error || error.name !== "AbortError") copy();
        });
      } else {
        copy();
      }
    });
  }

  /* Listen ------------------------------------------------------------------------------- */
  var synth = window.speechSynthesis;
  var listen = bar.querySelector(".pmi-listen");
  var stop = bar.querySelector(".pmi-stop");
  if (!synth || !listen || !window.SpeechSynthesisUtterance) return;
  var label = listen.innerHTML;
  var voice = null;
  var sentences = [];
  var at = 0;
  var run = 0;  /* each start gets a number: a cancelled sentence's late events are ignored */
  var playing = false;
  var SKIP = "nav, .md-nav, .md-sidebar, .toc, .footnote, .pmi-print-only, .pmi-actions, .pmi-save," +
    " .md-content__button, .headerlink, script, style, [hidden], [aria-hidden=true]";
  var BLOCK = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, summary, blockquote, figcaption";

  /* An Indonesian voice: site.js shows the button only when the phone has one. */
  function findVoice() {
    voice = (synth.getVoices() || []).filter(function (v) { return /^id([-_]|$)/i.test(v.lang); })[0] || voice;
  }

  /* The main text, block by block, in reading order, cut into sentences. */
  function mainText() {
    var root = document.querySelector("article") || document.querySelector("main");
    var out = [];
    if (!root) return out;
    root.querySelectorAll(BLOCK).forEach(function (block) {
      if (block.closest(SKIP) || block.parentElement.closest(BLOCK)) return;
      var copy = block.cloneNode(true);
      copy.querySelectorAll(SKIP).forEach(function (el) { el.remove(); });
      var text = copy.textContent.replace(/\s+/g, " ").trim();
      if (!text) return;
      text.replace(/([.!?…:;])\s+/g, "$1\n").split("\n").forEach(function (sentence) {
        if (/\w/.test(sentence)) out.push({ text: sentence, block: block });
      });
    });
    return out;
  }

  function mark(sentence) {
    document.querySelectorAll(".pmi-speaking").forEach(function (el) { el.classList.remove("pmi-speaking"); });
    if (sentence) sentence.block.classList.add("pmi-speaking");
  }

  function speakFrom(index, mine) {
    if (mine !== run) return;
    if (index >= sentences.length) { finish(); return; }
    at = index;
    var sentence = sentences[index];
    var utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = (voice && voice.lang) || "id-ID";
    utterance.voice = voice;
    utterance.onend = function () { speakFrom(index + 1, mine); };
    utterance.onerror = function (event) {
      if (event.error !== "interrupted" && event.error !== "canceled") speakFrom(index + 1, mine);
    };
    mark(sentence);
    synth.speak(utterance);
  }

  function buttons() {
    if (playing || at > 0) listen.textContent = listen.getAttribute(playing ? "data-pmi-pause" : "data-pmi-resume");
    else listen.innerHTML = label;
    listen.setAttribute("aria-pressed", playing ? "true" : "false");
    stop.hidden = !playing && at === 0;
  }

  function halt() {
    run += 1;
    playing = false;
    synth.cancel();
  }

  function finish() {
    halt();
    at = 0;
    mark(null);
    buttons();
  }

  listen.addEventListener("click", function () {
    if (playing) {  /* pause: stop speaking, go on later from the same sentence */
      halt();
    } else {
      findVoice();
      if (!sentences.length || at === 0) sentences = mainText();
      synth.cancel();
      run += 1;
      playing = true;
      speakFrom(at, run);
    }
    buttons();
  });
  stop.addEventListener("click", function () {
    finish();
    listen.focus();
  });
  window.addEventListener("pagehide", function () { if (playing) halt(); });
})();

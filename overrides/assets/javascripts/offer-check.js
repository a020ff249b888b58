/* Periksa tawaran kerja: turns the reader's answers into the result, in the page only.
   The questions are in the HTML; every danger sign, rendered at build time from data/, is in
   offer-check-<lang>.js (scripts/pmi_aman/offer_check.py), loaded from this site when the
   reader first answers. This script only shows the signs the answers give; the rule is
   offer_check.evaluate(): the danger answer of a question gives its danger sign, "tidak tahu"
   gives "find out first". The answers are sent nowhere and stored nowhere (no cookie, no
   localStorage): the one request is for that file, the same for every reader. */
(function () {
  var form = document.querySelector("[data-pmi-offer]");
  var result = document.querySelector("[data-pmi-offer-result]");
  if (!form || !result) return;
  var items = [];
  var list = result.querySelector("[data-pmi-offer-list]");
  var loading = false;

  function load() {
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = result.getAttribute("data-pmi-offer-src");
    script.onload = function () {
      list.innerHTML = window.pmiOfferResult || "";
      items = list.querySelectorAll("[data-pmi-key]");
      update();
    };
    document.head.appendChild(script);
  }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var show = function (el, on) { el.hidden = !on; };

  function update() {
    var n = { "bahaya": 0, "tidak-tahu": 0, "belum": 0 };
    each(items, function (item) {
      var checked = form.querySelector('input[name="' + item.getAttribute("data-pmi-key") + '"]:checked');
      var answer = checked ? checked.value : "";
      var state = answer === item.getAttribute("data-pmi-danger") ? "bahaya"
        : answer === "tidak-tahu" ? "tidak-tahu" : "";
      if (state) n[state] += 1;
      if (!answer) n.belum += 1;
      show(item, !!state);
      each(item.querySelectorAll("[data-pmi-when]"), function (el) {
        show(el, el.getAttribute("data-pmi-when") === state);
      });
    });
    each(result.querySelectorAll("[data-pmi-n]"), function (el) {
      el.textContent = n[el.getAttribute("data-pmi-n")];
    });
    each(result.querySelectorAll("[data-pmi-sum]"), function (el) {
      var name = el.getAttribute("data-pmi-sum");
      show(el, items.length > 0 && (name === "kosong" ? n.bahaya + n["tidak-tahu"] === 0 && n.belum < items.length
        : n[name] > 0));
    });
  }

  form.addEventListener("change", function () { load(); update(); });
  var actions = form.querySelector(".pmi-offer__actions");
  if (actions) actions.hidden = false;
  var showButton = form.querySelector("[data-pmi-offer-show]");
  var heading = document.getElementById("hasil");
  if (showButton && heading) {
    heading.setAttribute("tabindex", "-1");
    showButton.addEventListener("click", function () {
      heading.scrollIntoView();
      heading.focus();
    });
  }
  var reset = form.querySelector("[data-pmi-offer-reset]");
  if (reset) {
    reset.addEventListener("click", function () {
      each(form.querySelectorAll("input:checked"), function (input) { input.checked = false; });
      update();
      var first = form.querySelector("input");
      if (first) first.focus();
    });
  }
  update();
})();

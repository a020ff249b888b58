/* Periksa tawaran kerja, loaded at the reader's first answer (overrides/main.html): the rule of
   pmi_aman/offer_check.evaluate() applied to the danger signs of offer-check-<lang>.js, which it
   loads from this site. The answers are sent nowhere and stored nowhere. */
(function () {
  var form = document.querySelector("[data-pmi-offer]");
  var result = document.querySelector("[data-pmi-offer-result]");
  if (!form || !result) return;
  var list = result.querySelector("[data-pmi-offer-list]");
  var items = [], loading = false;
  var each = function (els, fn) { Array.prototype.forEach.call(els, fn); };
  var show = function (el, on) { el.hidden = !on; };

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

  function update() {
    var n = { "bahaya": 0, "tidak-tahu": 0, "belum": 0 };
    each(items, function (item) {
      var checked = form.querySelector('input[name="' + item.getAttribute("data-pmi-key") + '"]:checked');
      var answer = checked ? checked.value : "";
      var state = answer === item.getAttribute("data-pmi-danger") ? "bahaya"
        : answer === "tidak-tahu" ? answer : "";
      if (state) n[state] += 1;
      if (!answer) n.belum += 1;
      show(item, state);
      each(item.querySelectorAll("[data-pmi-when]"), function (el) {
        show(el, el.getAttribute("data-pmi-when") === state);
      });
    });
    each(result.querySelectorAll("[data-pmi-n]"), function (el) {
      el.textContent = n[el.getAttribute("data-pmi-n")];
    });
    each(result.querySelectorAll("[data-pmi-sum]"), function (el) {
      var name = el.getAttribute("data-pmi-sum");
      show(el, items.length && (name === "kosong"
        ? !n.bahaya && !n["tidak-tahu"] && n.belum < items.length : n[name]));
    });
  }

  form.addEventListener("change", update);
  show(form.querySelector(".pmi-offer__actions"), true);
  var heading = document.getElementById("hasil");
  heading.setAttribute("tabindex", "-1");
  form.querySelector("[data-pmi-offer-show]").addEventListener("click", function () {
    heading.scrollIntoView();
    heading.focus();
  });
  form.querySelector("[data-pmi-offer-reset]").addEventListener("click", function () {
    each(form.querySelectorAll("input:checked"), function (input) { input.checked = false; });
    update();
    form.querySelector("input").focus();
  });
  load();
})();

/* Periksa tawaran kerja: turns the reader's answers into the result, in the page only.
   The questions and every danger sign are in the HTML (scripts/pmi_aman/offer_check.py); this
   script only shows the signs the answers give. The rule is offer_check.evaluate(): the danger
   answer of a question gives its danger sign; "tidak tahu" gives "find out first". Nothing is
   sent anywhere and nothing is stored: no request, no cookie, no localStorage. */
(function () {
  var form = document.querySelector("[data-pmi-offer]");
  var result = document.querySelector("[data-pmi-offer-result]");
  if (!form || !result) return;
  var items = result.querySelectorAll("[data-pmi-key]");
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
      show(el, name === "kosong" ? n.bahaya + n["tidak-tahu"] === 0 && n.belum < items.length
        : name !== "static" && n[name] > 0);
    });
  }

  form.addEventListener("change", update);
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

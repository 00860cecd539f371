// Progressive enhancement of the host field: the units of the chosen year, filtered as
// the user types, without diacritics ("tuyen quang" finds "Tuyên Quang"). Without this
// script the page still works: the server matches names the same way.
(function () {
  "use strict";
  var hostsByYear = JSON.parse(document.getElementById("hosts-by-year").textContent);
  var year = document.getElementById("year");
  var host = document.getElementById("host");
  var list = document.getElementById("host-suggestions");
  var form = document.getElementById("build-form");

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().trim().replace(/\s+/g, " ");
  }

  function pick(name) {
    host.value = name;
    list.hidden = true;
    list.textContent = "";
  }

  function suggest() {
    var wanted = fold(host.value);
    var names = (hostsByYear[year.value] || []).filter(function (name) {
      return fold(name).indexOf(wanted) !== -1;
    });
    list.textContent = "";
    names.forEach(function (name) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = name;
      button.addEventListener("click", function () { pick(name); });
      item.appendChild(button);
      list.appendChild(item);
    });
    list.hidden = names.length === 0 || (names.length === 1 && names[0] === host.value);
  }

  host.removeAttribute("list");  // the filtered list below replaces the browser's own
  host.addEventListener("input", suggest);
  host.addEventListener("focus", suggest);
  year.addEventListener("change", suggest);
  form.addEventListener("submit", function () {
    document.getElementById("build").disabled = true;
    document.getElementById("busy").hidden = false;
  });
})();

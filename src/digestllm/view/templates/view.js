(function () {
  "use strict";
  // Records come as JSON data and are written with textContent only: nothing from the text becomes markup.
  var records = JSON.parse(document.getElementById("records").textContent);
  var body = document.body;
  var pop = document.getElementById("pop");
  var source = document.getElementById("source");
  var pinned = null;
  var focused = [];

  function recordOf(mark) {
    var id = mark.getAttribute("data-h");
    return id.slice(0, id.lastIndexOf("-"));
  }

  function classWith(element, prefix) {
    for (var i = 0; i < element.classList.length; i++) {
      if (element.classList[i].indexOf(prefix) === 0) return element.classList[i];
    }
    return "";
  }

  function shown(mark) {
    return !body.classList.contains("hide-" + classWith(mark, "t-")) &&
      !body.classList.contains("hide-" + classWith(mark, "g-")) &&
      !mark.closest(".sec.off");
  }

  function innermost(target) {
    var mark = target && target.closest ? target.closest("mark[data-h]") : null;
    while (mark && !shown(mark)) {
      mark = mark.parentElement ? mark.parentElement.closest("mark[data-h]") : null;
    }
    return mark;
  }

  function fill(record) {
    var data = records[record];
    pop.textContent = "";
    var title = document.createElement("h3");
    title.textContent = data.type + ": " + data.title;
    pop.appendChild(title);
    var list = document.createElement("dl");
    data.fields.forEach(function (field) {
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = field[0];
      value.textContent = field[1];
      value.setAttribute("data-field", field[0]);
      list.appendChild(term);
      list.appendChild(value);
    });
    pop.appendChild(list);
    pop.setAttribute("data-record", record);
  }

  function place(element) {
    var box = element.getBoundingClientRect();
    pop.hidden = false;
    var top = box.bottom + 6;
    if (top + pop.offsetHeight > window.innerHeight - 4) top = Math.max(4, box.top - pop.offsetHeight - 6);
    var left = Math.min(box.left, window.innerWidth - pop.offsetWidth - 8);
    pop.style.top = top + "px";
    pop.style.left = Math.max(4, left) + "px";
  }

  function unfocus() {
    focused.forEach(function (mark) { mark.classList.remove("focus"); });
    focused = [];
  }

  function focus(record) {
    unfocus();
    focused = Array.prototype.slice.call(source ? source.querySelectorAll('mark[data-h^="' + record + '-"]') : []);
    focused.forEach(function (mark) { mark.classList.add("focus"); });
  }

  function show(record, element, pin) {
    if (!records[record]) return;
    fill(record);
    place(element);
    focus(record);
    pinned = pin ? { record: record, element: element } : null;
  }

  function hide() {
    pop.hidden = true;
    pop.removeAttribute("data-record");
    pinned = null;
    unfocus();
  }

  function go(record, fallback) {
    var anchor = records[record] && records[record].anchor;
    var target = anchor ? document.getElementById(anchor) : null;
    if (target) target.scrollIntoView({ block: "center" });
    show(record, target || fallback, true);
  }

  if (source) {
    source.addEventListener("mouseover", function (event) {
      if (pinned) return;
      var mark = innermost(event.target);
      if (mark) show(recordOf(mark), mark, false); else hide();
    });
    source.addEventListener("mouseleave", function () { if (!pinned) hide(); });
    source.addEventListener("click", function (event) {
      var mark = innermost(event.target);
      if (mark) show(recordOf(mark), mark, true); else hide();
    });
    source.addEventListener("scroll", function () { if (pinned) place(pinned.element); else hide(); });
  }

  document.querySelectorAll(".row[data-r]").forEach(function (row) {
    row.addEventListener("click", function () { go(row.getAttribute("data-r"), row); });
  });

  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });

  var rows = Array.prototype.slice.call(document.querySelectorAll(".row[data-t]"));

  function applyFilters() {
    var sectionsOff = {};
    document.querySelectorAll("input[data-filter^='s-']").forEach(function (input) {
      if (!input.checked) sectionsOff[input.getAttribute("data-filter").slice(2)] = true;
    });
    rows.forEach(function (row) {
      var sections = (row.getAttribute("data-s") || "").split(" ").filter(Boolean);
      row.hidden = body.classList.contains("hide-t-" + row.getAttribute("data-t")) ||
        body.classList.contains("hide-g-" + row.getAttribute("data-g")) ||
        (sections.length > 0 && sections.every(function (s) { return sectionsOff[s]; }));
    });
    if (pinned && !pinned.element.closest(".panel") && !shown(pinned.element)) hide();
  }

  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    input.addEventListener("change", function () {
      var filter = input.getAttribute("data-filter");
      if (filter.indexOf("s-") === 0) {
        var section = document.getElementById("s" + filter.slice(2));
        if (section) section.classList.toggle("off", !input.checked);
      } else {
        body.classList.toggle("hide-" + filter, !input.checked);
      }
      applyFilters();
    });
  });

  if (location.hash.length > 1 && records[location.hash.slice(1)]) go(location.hash.slice(1), document.body);
})();

/* Site additions to Material for MkDocs. Loaded on every page after Material's bundle. */

/*
 * A download link under each code block titled with an example's file name. The page template
 * lists the example files the page includes (ul.fvm-example-files, hidden); an excerpt's link
 * downloads the whole file. `document$` emits for the first page and after each instant navigation.
 */
document$.subscribe(function () {
  var list = document.querySelector(".fvm-example-files");
  if (!list) return;
  var links = {};
  list.querySelectorAll("a[data-name]").forEach(function (link) {
    links[link.dataset.name] = link;
  });
  document.querySelectorAll(".md-content .highlight > .filename").forEach(function (title) {
    var block = title.parentElement;
    var name = title.textContent.trim();
    var excerpt = / \(excerpt\)$/.test(name);
    var source = links[name.replace(/ \(excerpt\)$/, "")];
    if (!source || (block.nextElementSibling && block.nextElementSibling.matches(".fvm-download"))) {
      return;
    }
    var link = document.createElement("a");
    link.href = source.getAttribute("href");
    link.setAttribute("download", source.dataset.name);
    link.textContent = excerpt
      ? "Download the whole " + source.dataset.name
      : "Download " + source.dataset.name;
    var line = document.createElement("p");
    line.className = "fvm-download";
    line.appendChild(link);
    block.after(line);
  });
});

/*
 * A table wider than the page scrolls inside Material's wrapper; make the wrapper focusable so
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
    wrap.setAttribute("tabindex", "0");
  });
});

/*
 * Search on pasted text. Material's search box runs a query on a key press; text pasted with a
 * mouse, a phone's long-press or dropped into the box fires only an `input` event, so nothing
 * showed until a key was pressed. Each such input is followed by the key event the box waits for.
 */
document.addEventListener("input", function (event) {
  var box = event.target;
  if (box instanceof HTMLInputElement && box.matches(".md-search__input")) {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
});

/* Site additions to Material for MkDocs. Loaded on every page after Material's bundle. */

/*
 * Diagrams without a CDN. Material draws ```mermaid blocks with a global `mermaid`, and loads one
 * from unpkg.com if none exists when it meets the first diagram. This stand-in is that global: it
 * keeps Material's settings and fetches the self-hosted library (3.5 MB) only when the first
 * diagram is drawn. So pages without a diagram never load it, and a diagram reached by instant
 * navigation (where a page's own scripts do not run) still works offline. Material calls only
 * initialize() and render(); the browser tests draw a diagram both ways.
 */
(function () {
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;
  var libraryUrl = new URL("../mermaid/mermaid.min.js", document.currentScript.src).href;
  var settings = null;
  var loading = null;

  function load() {
    loading = loading || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = libraryUrl;
      script.onload = function () {
        var library = window.mermaid; // the library replaced this stand-in when it ran
        if (settings) library.initialize(settings);
        resolve(library);
      };
      script.onerror = function () {
        reject(new Error("could not load " + libraryUrl));
      };
      document.head.appendChild(script);
    });
    return loading;
  }

  window.mermaid = {
    initialize: function (options) {
      settings = options;
    },
    render: function (id, text) {
      return load().then(function (library) {
        return library.render(id, text);
      });
    },
  };
})();

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

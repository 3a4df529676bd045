/*
 * Learning Challenge Library embed script. Paste once on a page:
 *   <script src="https://LIBRARY/embed.js" async></script>
 * then
 *   <div data-challenge="UID"></div>                     one challenge, an auto-resizing iframe
 *   <div data-challenge-list data-subject="science" data-key-stage="KS2" data-limit="6"></div>
 * The list is built from JSON with text nodes only: nothing from the library becomes HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__lclEmbedLoaded) return;
  window.__lclEmbedLoaded = true;
  var ORIGIN = new URL(script.src, document.baseURI).origin;
  var MAX_HEIGHT = 20000;
  var MIN_HEIGHT = 150;
  var FILTERS = ["q", "subject", "theme", "tag", "trust", "school", "key-stage", "year",
                 "duration", "screen-free", "cost", "licence", "kind", "sort", "limit"];
  var frames = [];

  function clampHeight(value) {
    var height = Number(value);
    if (!isFinite(height)) return null;
    return Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.round(height)));
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== ORIGIN || !event.data || event.data.type !== "lcl:resize") return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = clampHeight(event.data.height);
        if (height !== null) frames[i].style.height = height + "px";
        nameFrame(frames[i], event.data.title);
      }
    }
  });

  // Each frame is named after its challenge (WCAG 4.1.2: two embeds on one page must not share
  // a title), unless the school gave it a data-title. An attribute: text, never HTML.
  function nameFrame(frame, title) {
    if (frame.hasAttribute("data-lcl-titled") || typeof title !== "string") return;
    title = title.replace(/\s+/g, " ").trim().slice(0, 200);
    if (title) frame.title = "Learning challenge: " + title;
  }

  function themeParams(element) {
    var params = new URLSearchParams();
    if (element.dataset.school) params.set("school", element.dataset.school);
    if (element.dataset.accent) params.set("accent", element.dataset.accent);
    // The family's language (data-lang="ur"): English where the challenge is not translated.
    if (element.dataset.lang) params.set("lang", element.dataset.lang);
    return params;
  }

  function embedChallenge(element) {
    var uid = element.getAttribute("data-challenge");
    if (!/^[0-9a-fA-F-]{32,36}$/.test(uid)) return;
    var query = themeParams(element).toString();
    var frame = document.createElement("iframe");
    frame.src = ORIGIN + "/embed/challenges/" + uid + "/" + (query ? "?" + query : "");
    frame.title = element.getAttribute("data-title") || "Learning challenge";
    if (element.getAttribute("data-title")) frame.setAttribute("data-lcl-titled", "");
    frame.loading = "lazy";
    // allow-same-origin keeps the frame's real origin (ours, never the host page's), so that
    // its resize messages can be checked against ORIGIN; without it they come from "null".
    frame.setAttribute("sandbox",
      "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    frame.style.cssText = "width:100%;border:0;height:600px;display:block;overflow:hidden";
    frame.setAttribute("scrolling", "no");
    frames.push(frame);
    element.textContent = "";
    element.appendChild(frame);
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value == null ? "" : String(value);
    if (className) node.className = className;
    return node;
  }

  function safeLink(url) {
    try {
      var parsed = new URL(url, ORIGIN);
      return parsed.origin === ORIGIN ? parsed.href : ORIGIN + "/";
    } catch (error) {
      return ORIGIN + "/";
    }
  }

  function renderCards(element, data) {
    var list = document.createElement("ul");
    list.className = "lcl-cards";
    list.style.cssText = "list-style:none;margin:0;padding:0;display:grid;gap:12px;" +
      "grid-template-columns:repeat(auto-fill,minmax(220px,1fr))";
    data.results.forEach(function (card) {
      var item = document.createElement("li");
      item.className = "lcl-card";
      item.style.cssText = "border:1px solid #cfd6df;border-radius:8px;padding:12px";
      var heading = document.createElement("h3");
      heading.style.margin = "0 0 4px";
      var link = text("a", card.title);
      link.href = safeLink(card.url);
      link.target = "_blank";
      link.rel = "noopener";
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(text("p", card.summary));
      item.appendChild(text("p", [card.school || card.trust].concat(card.key_stages || []).join(" · "),
                            "lcl-meta"));
      list.appendChild(item);
    });
    element.textContent = "";
    if (!data.results.length) element.appendChild(text("p", "No challenges to show yet."));
    element.appendChild(list);
  }

  function embedList(element) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = element.getAttribute("data-" + name);
      if (value) value.split(",").forEach(function (part) {
        params.append(name.replace("-", "_"), part.trim());
      });
    });
    fetch(ORIGIN + "/embed/challenges.json?" + params.toString(), { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { renderCards(element, data); })
      .catch(function () {
        element.textContent = "";
        element.appendChild(text("p", "Challenges could not be loaded just now."));
      });
  }

  function init() {
    document.querySelectorAll("[data-challenge]").forEach(embedChallenge);
    document.querySelectorAll("[data-challenge-list]").forEach(embedList);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/*
 * Learning Challenge Library embed script. Paste once on a page:
 *   <script src="https://LIBRARY/embed.js" async></script>
 * then
 *   <div data-challenge="UID"></div>                     one challenge, an auto-resizing iframe
 *   <div data-challenge-list data-subject="science" data-key-stage="KS2" data-limit="6"></div>
 * The list is built from JSON with text nodes only: nothing from the library becomes HTML.
 * Its cards are drawn in a shadow root (the host page's styles stay out; ours stay in) and take
 * the school's colour (data-accent="RRGGBB", else data-school's). A card opens its challenge in
 * place of the list, with "Back to the list" and the browser's back button; data-open="library"
 * opens it on the library's own page instead, in a new tab.
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
  var lists = [];
  var HEX = /^[0-9a-fA-F]{6}$/;
  var WIDGET_CSS = [
    ":host{display:block;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;",
    "font-size:16px;line-height:1.5;color:#1b1b1b;text-align:left}",
    "*{box-sizing:border-box}",
    ".lcl-cards{list-style:none;margin:0;padding:0;display:grid;gap:12px;",
    "grid-template-columns:repeat(auto-fill,minmax(min(100%,220px),1fr))}",
    ".lcl-card{position:relative;display:flex;flex-direction:column;background:#fff;",
    "border:1px solid #cfd6df;border-top:4px solid var(--lcl-accent,#1d4f91);border-radius:8px;",
    "overflow:hidden}",
    ".lcl-card:hover{box-shadow:0 2px 8px rgba(0,0,0,.18)}",
    ".lcl-card-image{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;",
    "background:#f3f5f8}",
    ".lcl-card-title{margin:10px 12px 4px;font-size:17px;line-height:1.3;font-weight:700}",
    ".lcl-card-title a{color:#1b1b1b;text-decoration:underline;text-underline-offset:3px;",
    "text-decoration-color:var(--lcl-accent,#1d4f91)}",
    // The whole card is the link's target: a big thing to tap on a phone.
    ".lcl-card-title a::after{content:'';position:absolute;inset:0}",
    ".lcl-card-title a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;",
    "box-shadow:0 0 0 5px #1b1b1b}",
    ".lcl-summary{margin:0 12px 8px;font-size:15px;color:#1b1b1b}",
    ".lcl-meta{display:flex;flex-wrap:wrap;gap:0 12px;margin:auto 12px 12px;font-size:14px;",
    "color:#4a4a4a}",
    ".lcl-meta div{display:flex;gap:4px}.lcl-meta dt{font-weight:700}.lcl-meta dd{margin:0}",
    ".lcl-back{display:inline-block;margin:0 0 8px;padding:8px 14px;border-radius:6px;",
    "background:var(--lcl-accent,#1d4f91);color:var(--lcl-on-accent,#fff);font-weight:700;",
    "text-decoration:none}",
    ".lcl-back:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}",
    ".lcl-empty{margin:0}",
    ".lcl-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);",
    "white-space:nowrap}"
  ].join("");

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
    var frame = challengeFrame(uid, themeParams(element), element.getAttribute("data-title"));
    element.textContent = "";
    element.appendChild(frame);
  }

  function challengeFrame(uid, params, title) {
    var query = params.toString();
    var frame = document.createElement("iframe");
    frame.src = ORIGIN + "/embed/challenges/" + uid + "/" + (query ? "?" + query : "");
    frame.title = title || "Learning challenge";
    if (title) frame.setAttribute("data-lcl-titled", "");
    frame.loading = "lazy";
    // allow-same-origin keeps the frame's real origin (ours, never the host page's), so that
    // its resize messages can be checked against ORIGIN; without it they come from "null".
    frame.setAttribute("sandbox",
      "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    frame.style.cssText = "width:100%;border:0;height:600px;display:block;overflow:hidden";
    frame.setAttribute("scrolling", "no");
    frames.push(frame);
    return frame;
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

  // Images may live on a file store of their own (S3): any http(s) address, nothing else.
  function safeImage(url) {
    try {
      var parsed = new URL(url, ORIGIN);
      return /^https?:$/.test(parsed.protocol) ? parsed.href : "";
    } catch (error) {
      return "";
    }
  }

  // The list's own shadow root, styled by a constructed sheet (no <style> for the host's CSP).
  function widgetRoot(element) {
    if (element.lclRoot) return element.lclRoot;
    var root = element;
    if (element.attachShadow) {
      root = element.attachShadow({ mode: "open" });
      if ("adoptedStyleSheets" in root && window.CSSStyleSheet) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(WIDGET_CSS);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.appendChild(text("style", WIDGET_CSS));
      }
    }
    element.lclRoot = root;
    return root;
  }

  function meta(list, term, value) {
    if (!value) return;
    var row = document.createElement("div");
    row.appendChild(text("dt", term));
    row.appendChild(text("dd", value));
    list.appendChild(row);
  }

  function cardItem(state, card) {
    var item = document.createElement("li");
    item.className = "lcl-card";
    if (card.image_url) {
      var image = document.createElement("img");
      image.className = "lcl-card-image";
      image.src = safeImage(card.image_url);
      image.alt = "";  // the title beside it says what the card is
      image.width = 480;
      image.height = 270;
      image.loading = "lazy";
      item.appendChild(image);
    }
    var heading = text("h3", "", "lcl-card-title");
    var link = text("a", card.title);
    link.href = safeLink(card.url);
    if (state.inPlace) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return;  // a new tab or window: the library's page, as the link says
        }
        event.preventDefault();
        openInPlace(state, card.uid, true);
      });
    } else {
      link.target = "_blank";
      link.rel = "noopener";
      link.appendChild(text("span", " (opens in a new tab)", "lcl-hidden"));
    }
    heading.appendChild(link);
    item.appendChild(heading);
    if (card.summary) item.appendChild(text("p", card.summary, "lcl-summary"));
    var facts = text("dl", "", "lcl-meta");
    meta(facts, "For", card.year_groups || (card.key_stages || []).join(", "));
    meta(facts, "Time", card.time);
    meta(facts, "From", card.school || card.trust);
    item.appendChild(facts);
    return item;
  }

  function showList(state, focusUid) {
    var root = state.root;
    state.open = null;
    root.textContent = "";
    if (!state.data.results.length) {
      root.appendChild(text("p", "No challenges to show yet.", "lcl-empty"));
      return;
    }
    var list = text("ul", "", "lcl-cards");
    state.data.results.forEach(function (card) { list.appendChild(cardItem(state, card)); });
    root.appendChild(list);
    if (focusUid) {
      var index = state.data.results.findIndex(function (card) { return card.uid === focusUid; });
      var link = index >= 0 ? list.children[index].querySelector("a") : null;
      if (link) link.focus({ preventScroll: true });
      state.element.scrollIntoView({ block: "nearest" });
    }
  }

  function cardOf(state, uid) {
    return state.data.results.filter(function (card) { return card.uid === uid; })[0];
  }

  // The challenge in place of the list; `push` adds a history entry so Back comes back here.
  function openInPlace(state, uid, push) {
    var card = cardOf(state, uid);
    if (!card) return showList(state);
    if (push) {
      history.pushState({ lclList: state.id, lclChallenge: uid }, "",
                        "#challenge-" + encodeURIComponent(uid));
    }
    state.open = uid;
    var root = state.root;
    root.textContent = "";
    var back = text("a", "\u2190 Back to the list", "lcl-back");
    back.href = location.href.split("#")[0];
    back.addEventListener("click", function (event) {
      event.preventDefault();
      var here = history.state;
      // The list comes back at once, not when popstate arrives (it may never, if the back step
      // is spent inside the challenge's frame); the frame is gone before the history step.
      showList(state, uid);
      if (here && here.lclList === state.id && here.lclChallenge === uid) history.back();
    });
    root.appendChild(back);
    var params = new URLSearchParams();
    params.set("accent", state.data.accent);
    root.appendChild(challengeFrame(uid, params, "Learning challenge: " + card.title));
    back.focus({ preventScroll: true });
    state.element.scrollIntoView({ block: "start" });
  }

  window.addEventListener("popstate", function (event) {
    var here = event.state || {};
    lists.forEach(function (state) {
      if (!state.data) return;
      if (here.lclList === state.id && here.lclChallenge) {
        openInPlace(state, here.lclChallenge, false);
      } else if (state.open) {
        showList(state, state.open);
      }
    });
  });

  function renderCards(element, data, state) {
    var accent = HEX.test(data.accent || "") ? data.accent : "1d4f91";
    element.style.setProperty("--lcl-accent", "#" + accent);
    var onAccent = HEX.test(data.on_accent || "") ? data.on_accent : "ffffff";
    element.style.setProperty("--lcl-on-accent", "#" + onAccent);
    data.accent = accent;
    state.data = data;
    var here = history.state || {};
    if (state.inPlace && here.lclList === state.id && here.lclChallenge) {
      openInPlace(state, here.lclChallenge, false);  // a reload, or back from another page
    } else {
      showList(state);
    }
  }

  function embedList(element) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = element.getAttribute("data-" + name);
      if (value) value.split(",").forEach(function (part) {
        params.append(name.replace("-", "_"), part.trim());
      });
    });
    var accent = element.getAttribute("data-accent");
    if (accent && HEX.test(accent)) params.set("accent", accent);
    var state = {
      id: lists.length, element: element, root: widgetRoot(element), data: null, open: null,
      inPlace: element.getAttribute("data-open") !== "library"
    };
    lists.push(state);
    fetch(ORIGIN + "/embed/challenges.json?" + params.toString(), { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { renderCards(element, data, state); })
      .catch(function () {
        state.root.textContent = "";
        state.root.appendChild(text("p", "Challenges could not be loaded just now.", "lcl-empty"));
      });
  }

  function init() {
    document.querySelectorAll("[data-challenge]").forEach(embedChallenge);
    document.querySelectorAll("[data-challenge-list]").forEach(embedList);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

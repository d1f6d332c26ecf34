/*!
 * Tailor in-app messages. Embed on your site:
 *   <script src="https://<your tailor>/tailor-inapp.js" data-key="tlp_…" data-user-id="<signed-in user id>"
 *           data-user-hash="<hex HMAC-SHA256 of the user id with the workspace's identity secret>"></script>
 * The hash is computed by your server (the identity secret never goes to the browser): it proves
 * the visitor is that user, so nobody else can read their messages with the public key.
 * Optional: data-host (Tailor's origin when the script is served elsewhere), and an element with
 * the attribute data-tailor-cards where cards should appear (else they float bottom-right).
 * It reads the user's inbox (GET /api/v1/inapp) with the publishable client key, shows one
 * modal, one banner and up to three cards, and reports impressions, clicks and dismissals.
 * No dependencies; message text is set as text, never as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-key][src*='tailor-inapp']");
  if (!script) return;
  var key = script.getAttribute("data-key");
  var userId = script.getAttribute("data-user-id");
  var userHash = script.getAttribute("data-user-hash");
  var host = (script.getAttribute("data-host") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var seen = {};

  var CSS =
    ".tlr-root{--tlr-bg:#fff;--tlr-fg:#111827;--tlr-muted:#4b5563;--tlr-border:#e5e7eb;--tlr-primary:#4f46e5;--tlr-primary-fg:#fff;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--tlr-fg)}" +
    "@media (prefers-color-scheme:dark){.tlr-root{--tlr-bg:#111827;--tlr-fg:#f9fafb;--tlr-muted:#d1d5db;--tlr-border:#374151;--tlr-primary:#a5b4fc;--tlr-primary-fg:#111827}}" +
    ".tlr-root *{box-sizing:border-box}" +
    ".tlr-overlay{position:fixed;inset:0;background:rgba(17,24,39,.55);display:flex;align-items:center;justify-content:center;z-index:2147483646;padding:16px}" +
    ".tlr-modal{background:var(--tlr-bg);border-radius:14px;max-width:420px;width:100%;box-shadow:0 20px 50px rgba(0,0,0,.3);overflow:hidden;position:relative}" +
    ".tlr-banner{position:fixed;top:0;left:0;right:0;z-index:2147483645;background:var(--tlr-bg);border-bottom:1px solid var(--tlr-border);box-shadow:0 4px 14px rgba(0,0,0,.12);display:flex;gap:12px;align-items:center;padding:12px 48px 12px 16px}" +
    ".tlr-cards{position:fixed;right:16px;bottom:16px;z-index:2147483644;display:flex;flex-direction:column;gap:12px;width:min(340px,calc(100vw - 32px))}" +
    ".tlr-cards.tlr-inline{position:static;width:auto}" +
    ".tlr-card{background:var(--tlr-bg);border:1px solid var(--tlr-border);border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.12);overflow:hidden;position:relative}" +
    ".tlr-body{padding:16px}.tlr-banner .tlr-body{padding:0;flex:1;display:flex;gap:12px;align-items:center;flex-wrap:wrap}" +
    ".tlr-title{font-weight:650;font-size:16px;margin:0 0 4px;padding-right:28px}.tlr-banner .tlr-title{font-size:14px;margin:0;padding:0}" +
    ".tlr-text{margin:0;color:var(--tlr-muted);white-space:pre-line}" +
    ".tlr-img{display:block;width:100%;max-height:200px;object-fit:cover}" +
    ".tlr-actions{display:flex;gap:8px;margin-top:12px;flex-wrap:wrap}.tlr-banner .tlr-actions{margin:0}" +
    ".tlr-btn{font:inherit;font-weight:600;border-radius:8px;padding:8px 14px;border:1px solid var(--tlr-border);background:transparent;color:var(--tlr-fg);cursor:pointer}" +
    ".tlr-btn-primary{background:var(--tlr-primary);border-color:var(--tlr-primary);color:var(--tlr-primary-fg)}" +
    ".tlr-btn:focus-visible,.tlr-close:focus-visible{outline:3px solid var(--tlr-primary);outline-offset:2px}" +
    ".tlr-close{position:absolute;top:8px;right:8px;width:32px;height:32px;border:0;border-radius:8px;background:transparent;color:var(--tlr-muted);font-size:22px;line-height:1;cursor:pointer}" +
    ".tlr-banner .tlr-close{top:50%;transform:translateY(-50%)}";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function report(message, type) {
    return fetch(host + "/api/v1/inapp/events", {
      method: "POST",
      keepalive: true,
      headers: { authorization: "Bearer " + key, "content-type": "application/json" },
      body: JSON.stringify({ userId: userId, userHash: userHash, messageId: message.messageId, type: type }),
    }).catch(function () {});
  }

  function impression(message) {
    if (seen[message.messageId]) return;
    seen[message.messageId] = true;
    report(message, "impression");
  }

  // Only http(s) links are followed: a message can never run script through a javascript: URL.
  function safeUrl(url) {
    if (!url) return null;
    try {
      var parsed = new URL(url, location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Fills a modal, banner or card; returns the title's id for aria-labelledby. */
  function fill(message, container, close) {
    var image = message.layout !== "banner" && safeUrl(message.imageUrl);
    if (image) {
      var img = el("img", "tlr-img");
      img.src = image;
      img.alt = "";
      container.appendChild(img);
    }
    var body = el("div", "tlr-body");
    var title = el(message.layout === "banner" ? "p" : "h2", "tlr-title", message.title);
    title.id = "tlr-title-" + message.messageId;
    body.appendChild(title);
    if (message.body) body.appendChild(el("p", "tlr-text", message.body));
    var actions = el("div", "tlr-actions");
    (message.buttons || []).slice(0, 2).forEach(function (button, i) {
      var b = el("button", "tlr-btn" + (i === 0 ? " tlr-btn-primary" : ""), button.label);
      b.type = "button";
      b.addEventListener("click", function () {
        var url = safeUrl(button.url);
        close(false);
        report(message, "click").then(function () {
          if (url) location.assign(url);
        });
      });
      actions.appendChild(b);
    });
    if (actions.childNodes.length) body.appendChild(actions);
    container.appendChild(body);
    var x = el("button", "tlr-close", "\u00d7");
    x.type = "button";
    x.setAttribute("aria-label", "Close");
    x.addEventListener("click", function () {
      close(true);
    });
    container.appendChild(x);
    return title.id;
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll("button,[href],input,select,textarea,[tabindex]:not([tabindex='-1'])"),
      function (n) {
        return !n.disabled;
      },
    );
  }

  function showModal(message, root) {
    var previous = document.activeElement;
    var overlay = el("div", "tlr-overlay");
    var dialog = el("div", "tlr-modal");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.tabIndex = -1;
    function close(dismissed) {
      document.removeEventListener("keydown", onKey, true);
      overlay.remove();
      if (dismissed) report(message, "dismiss");
      if (previous && previous.focus) previous.focus();
    }
    function onKey(event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      } else if (event.key === "Tab") {
        // The focus trap: Tab and Shift+Tab cycle inside the dialog while it is open.
        var items = focusables(dialog);
        if (!items.length) return event.preventDefault();
        var first = items[0];
        var last = items[items.length - 1];
        var inside = dialog.contains(document.activeElement);
        if (event.shiftKey && (document.activeElement === first || !inside)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
          event.preventDefault();
          first.focus();
        }
      }
    }
    dialog.setAttribute("aria-labelledby", fill(message, dialog, close));
    overlay.addEventListener("click", function (event) {
      if (event.target === overlay) close(true);
    });
    overlay.appendChild(dialog);
    root.appendChild(overlay);
    document.addEventListener("keydown", onKey, true);
    (focusables(dialog)[0] || dialog).focus();
    impression(message);
  }

  function showBanner(message, root) {
    var banner = el("div", "tlr-banner");
    banner.setAttribute("role", "region");
    function close(dismissed) {
      banner.remove();
      if (dismissed) report(message, "dismiss");
    }
    banner.setAttribute("aria-labelledby", fill(message, banner, close));
    root.appendChild(banner);
    impression(message);
  }

  function showCard(message, list) {
    var card = el("article", "tlr-card");
    function close(dismissed) {
      card.remove();
      if (dismissed) report(message, "dismiss");
    }
    card.setAttribute("aria-labelledby", fill(message, card, close));
    list.appendChild(card);
    // A card counts as seen when it scrolls into view, not when it is merely on the page.
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (
          entries.some(function (e) {
            return e.isIntersecting;
          })
        ) {
          impression(message);
          observer.disconnect();
        }
      });
      observer.observe(card);
    } else {
      impression(message);
    }
  }

  function render(messages) {
    var old = document.querySelectorAll("[data-tailor-inapp]");
    for (var i = 0; i < old.length; i++) old[i].remove();
    var root = el("div", "tlr-root");
    root.setAttribute("data-tailor-inapp", "");
    document.body.appendChild(root);
    // A clicked modal or banner has done its job; cards stay in the inbox until dismissed.
    var of = function (layout) {
      return messages.filter(function (m) {
        return m.layout === layout && (layout === "card" || !m.clicked);
      });
    };
    var banner = of("banner")[0];
    var cards = of("card").slice(0, 3);
    var modal = of("modal")[0];
    if (banner) showBanner(banner, root);
    if (cards.length) {
      var slot = document.querySelector("[data-tailor-cards]");
      var list = el("div", "tlr-cards tlr-root" + (slot ? " tlr-inline" : ""));
      list.setAttribute("role", "region");
      list.setAttribute("aria-label", "Messages for you");
      list.setAttribute("data-tailor-inapp", "");
      (slot || root).appendChild(list);
      cards.forEach(function (m) {
        showCard(m, list);
      });
    }
    if (modal) showModal(modal, root);
  }

  function refresh() {
    if (!key || !userId || !userHash) return Promise.resolve([]);
    return fetch(
      host + "/api/v1/inapp?userId=" + encodeURIComponent(userId) + "&userHash=" + encodeURIComponent(userHash),
      { headers: { authorization: "Bearer " + key } },
    )
      .then(function (response) {
        if (!response.ok) throw new Error("Tailor in-app: the inbox answered " + response.status);
        return response.json();
      })
      .then(function (body) {
        var messages = body.messages || [];
        render(messages);
        return messages;
      })
      .catch(function (error) {
        if (window.console) console.warn(error && error.message ? error.message : error);
        return [];
      });
  }

  document.head.appendChild(el("style", null, CSS));
  window.TailorInApp = {
    refresh: refresh,
    /** For single-page apps: show the inbox of the user who just signed in (with their hash from your server). */
    identify: function (id, hash) {
      userId = id;
      userHash = hash;
      return refresh();
    },
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();

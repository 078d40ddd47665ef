// Progressive enhancement for links to answers. Without this script every control is a plain link; with it:
// - a click on a "Link" control or a paragraph's ¶ copies that link instead of following it;
// - selecting text offers "Copy link to quote": a URL text fragment (#id:~:text=...) whose element id part
//   is the paragraph's permanent anchor, so browsers without text fragments still land on the paragraph;
// - citations show the absolute permanent URL when the site was built without a base URL.
const status = document.getElementById("copy_status");

function say(message) {
  if (!status) return;
  status.textContent = "";
  // A fresh text node each time so screen readers announce repeated messages.
  requestAnimationFrame(() => (status.textContent = message));
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

async function copyAndTell(url, control, what) {
  if (await copy(url)) {
    say(`${what} copied to the clipboard.`);
    if (control) {
      control.classList.add("copied");
      setTimeout(() => control.classList.remove("copied"), 2000);
    }
  } else {
    say(`Copy this link: ${url}`);
  }
}

document.addEventListener("click", (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target instanceof Element ? event.target.closest("a.plink, a[data-copy-link]") : null;
  if (!a) return;
  event.preventDefault();
  copyAndTell(a.href, a, a.classList.contains("plink") ? "Link to this paragraph" : "Link");
});

// With this script the section controls copy rather than navigate; say so.
for (const a of document.querySelectorAll(".section-tools a[data-copy-link]")) {
  if (a.firstChild?.nodeType === Node.TEXT_NODE) a.firstChild.textContent = "Copy link";
}

// Citations: without a configured base URL the page knows only its path; the browser knows the host.
const cite = document.querySelector("[data-permanent]");
if (cite) {
  const path = cite.getAttribute("data-permanent");
  if (path && path.startsWith("/")) {
    const absolute = new URL(path, location.href).href;
    for (const el of cite.querySelectorAll("[data-citation], .permalink")) el.textContent = el.textContent.split(path).join(absolute);
  }
}

// --- Links to a quote ---------------------------------------------------------------------------------
const encode = (s) => encodeURIComponent(s).replace(/-/g, "%2D");
const words = (s) => s.replace(/¶/g, " ").replace(/\s+/g, " ").trim().split(" ").filter(Boolean);

/** `#:~:text=` for a selection: short ones whole, long ones as first and last words (textStart,textEnd). */
export function textFragment(selected) {
  const w = words(selected);
  if (w.length === 0) return null;
  if (w.length <= 8) return encode(w.join(" "));
  return `${encode(w.slice(0, 4).join(" "))},${encode(w.slice(-4).join(" "))}`;
}

function paragraphOf(node) {
  const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  const p = el?.closest(".turn p:not(.speaker)");
  return p && p.querySelector("a.plink") ? p : null;
}

const button = document.createElement("button");
button.type = "button";
button.className = "quote-link";
button.textContent = "Copy link to quote";
button.hidden = true;
// Keep the selection when the button is pressed.
button.addEventListener("mousedown", (e) => e.preventDefault());
button.addEventListener("click", () => {
  const url = button.dataset.url;
  if (url) copyAndTell(url, button, "Link to the quote");
});

function update() {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) {
    if (document.activeElement !== button) button.hidden = true;
    return;
  }
  const first = paragraphOf(sel.anchorNode);
  const last = paragraphOf(sel.focusNode);
  const range = sel.getRangeAt(0);
  const start = first && last ? (first.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_PRECEDING ? last : first) : null;
  const fragment = start ? textFragment(sel.toString()) : null;
  if (!start || !fragment) {
    button.hidden = true;
    return;
  }
  const anchor = new URL(start.querySelector("a.plink").href);
  button.dataset.url = `${anchor.origin}${anchor.pathname}${anchor.search}${anchor.hash}:~:text=${fragment}`;
  const end = start === first ? last : first;
  end.after(button);
  const rect = range.getBoundingClientRect();
  const box = end.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 };
  button.style.left = `${Math.max(0, Math.min(rect.left - box.left, (end.offsetParent?.clientWidth ?? 320) - 180))}px`;
  button.style.top = `${rect.bottom - box.top + 6}px`;
  button.hidden = false;
}

let pending = 0;
document.addEventListener("selectionchange", () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(update);
});

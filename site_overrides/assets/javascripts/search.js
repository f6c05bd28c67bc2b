// The search page: Pagefind's index of this version of the site (generator/search_index.py), with each
// query folded to the forms the site writes, since Pagefind folds none of them itself:
//   Arabic ي ى ك → Persian ی ک; Latin and Arabic-Indic digits → Persian digits; tatweel, short vowels,
//   the zero-width non-joiner and direction marks dropped (Pagefind matches «خانوادهها» to the site's
//   «خانواده‌ها», and ranks the same pages the same way only if the query is always written without it).
// A query with digits is also asked with Latin digits (ids and dates in code are written so), and the two
// result lists are merged. Nothing is fetched from another host; results are built as DOM nodes, never as
// HTML from a string.

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const PAGE = 10; // results shown at a time: each loads its page's excerpt (1 to 4 KB)

export function fold(text) {
  return text
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[\u200B-\u200F\u2066-\u2069]/g, "")
    .replace(/[0-9]/g, (d) => PERSIAN_DIGITS[d])
    .replace(/[\u0660-\u0669]/g, (d) => PERSIAN_DIGITS[d.charCodeAt(0) - 0x0660])
    .replace(/\s+/g, " ")
    .trim();
}

function latinDigits(text) {
  return text.replace(/[۰-۹]/g, (d) => String(PERSIAN_DIGITS.indexOf(d)));
}

function persianNumber(n) {
  return String(n).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[d]);
}

const form = document.querySelector("[data-portal-search]");
const input = document.getElementById("portal-q");
const status = document.querySelector("[data-portal-search-status]");
const list = document.querySelector("[data-portal-search-results]");
const more = document.querySelector("[data-portal-search-more]");
// this page is <site>/search/: the site's root, whichever version of the site this is
const root = new URL("../", window.location.href);
let pagefind = null;
let asked = 0;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  }
  return pagefind;
}

// Pagefind's excerpt marks each hit with <mark>; everything else is the page's text
function excerpt(text) {
  const p = document.createElement("p");
  p.className = "portal-search-excerpt";
  text.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const hit = part.match(/^<mark>(.*)<\/mark>$/);
    const node = hit ? document.createElement("mark") : null;
    const plain = (hit ? hit[1] : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    if (node) {
      node.textContent = plain;
      p.append(node);
    } else if (plain) {
      p.append(document.createTextNode(plain));
    }
  });
  return p;
}

function show(pages) {
  pages.forEach((page) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = page.url;
    a.textContent = (page.meta && page.meta.title) || page.url;
    const h = document.createElement("h2");
    h.append(a);
    li.append(h, excerpt(page.excerpt || ""));
    list.append(li);
  });
}

function summary(query, total, shown) {
  if (!total) return `صفحه‌ای برای «${query}» پیدا نشد. واژهٔ کوتاه‌تر یا دیگری را بیازمایید.`;
  const rest = total > shown ? `؛ ${persianNumber(shown)} صفحهٔ نخست در زیر` : "";
  return `${persianNumber(total)} صفحه برای «${query}» پیدا شد${rest}.`;
}

let current = null; // the query whose results are shown (or coming)

async function search(raw) {
  const query = fold(raw);
  if (query === current) return; // typed, then submitted: asked once
  current = query;
  const mine = ++asked;
  list.replaceChildren();
  more.hidden = true;
  if (!query) {
    status.textContent = "";
    return;
  }
  status.textContent = "در حال جستجو…";
  let ranked;
  try {
    const pf = await engine();
    const asks = [pf.search(query)];
    if (/[۰-۹]/.test(query)) asks.push(pf.search(latinDigits(query)));
    const lists = await Promise.all(asks);
    const seen = new Map();
    lists.flatMap((l) => l.results).forEach((r) => {
      if (!seen.has(r.id) || seen.get(r.id).score < r.score) seen.set(r.id, r);
    });
    ranked = [...seen.values()].sort((a, b) => b.score - a.score);
  } catch (err) {
    current = null;
    if (mine === asked) status.textContent = "جستجو انجام نشد: نمایهٔ جستجو بار نشد. صفحه را دوباره بار کنید.";
    return;
  }
  let shown = 0;
  async function next() {
    const pages = await Promise.all(ranked.slice(shown, shown + PAGE).map((r) => r.data()));
    if (mine !== asked) return; // a newer query has been typed meanwhile
    shown += pages.length;
    show(pages);
    status.textContent = summary(query, ranked.length, shown);
    more.hidden = shown >= ranked.length;
    more.onclick = () => next();
  }
  if (mine === asked) await next();
}

if (form && input) {
  let timer = null;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    search(input.value);
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 250);
  });
  const initial = new URL(window.location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
  input.focus();
}

// The search page: Pagefind's index of this version of the site (generator/search_index.py), with each
// query folded to the forms the site writes, since Pagefind folds none of them itself:
//   Arabic ي ى ك → Persian ی ک; Latin and Arabic-Indic digits → Persian digits; tatweel, short vowels,
//   the zero-width non-joiner and direction marks dropped (Pagefind matches «خانوادهها» to the site's
//   «خانواده‌ها», and ranks the same pages the same way only if the query is always written without it).
// A query with digits is also asked with Latin digits (ids and dates in code are written so), and a query
// of several words with each two neighbouring words joined (a space typed for a zero-width non-joiner);
// the result lists are merged. Nothing is fetched from another host; results are built as DOM nodes, never as
// HTML from a string.

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const PAGE = 10; // results shown at a time: each loads its page's excerpt (1 to 4 KB)
// the English edition's search page (en/search/): Pagefind loads the index of the page's language (English
// pages only), queries keep Latin digits (Persian and Arabic-Indic ones typed are read as Latin), and the
// page speaks English
const ENGLISH = document.documentElement.lang === "en";
const SAY = ENGLISH
  ? {
      none: ["No page found for «", "». Try a shorter or another word."],
      found: (total, rest) => [`${total} ${total === 1 ? "page" : "pages"} found for «`, `»${rest}.`],
      first: (shown) => `; the first ${shown} below`,
      searching: "Searching…",
      failed: "The search did not run: the search index did not load. Reload the page.",
    }
  : {
      none: ["صفحه‌ای برای «", "» پیدا نشد. واژهٔ کوتاه‌تر یا دیگری را بیازمایید."],
      found: (total, rest) => [`${persianNumber(total)} صفحه برای «`, `» پیدا شد${rest}.`],
      first: (shown) => `؛ ${persianNumber(shown)} صفحهٔ نخست در زیر`,
      searching: "در حال جستجو…",
      failed: "جستجو انجام نشد: نمایهٔ جستجو بار نشد. صفحه را دوباره بار کنید.",
    };

export function fold(text) {
  return text
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/ۀ/g, "ه") // the one-character «ۀ» of many keyboards; the site writes «هٔ», which Pagefind reads as «ه»
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[\u200B-\u200F\u2066-\u2069]/g, "")
    .replace(/[0-9]/g, (d) => PERSIAN_DIGITS[d])
    .replace(/[\u0660-\u0669]/g, (d) => PERSIAN_DIGITS[d.charCodeAt(0) - 0x0660])
    .replace(/\s+/g, " ")
    .trim();
}

// an English query: spaces folded, Persian and Arabic-Indic digits read as Latin (the English pages write Latin)
export function foldEnglish(text) {
  return latinDigits(text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)))
    .replace(/[\u200B-\u200F\u2066-\u2069]/g, "")
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
// this page is <site>/search/ (or <site>/en/search/): the site's root, whichever version of the site this
// is, where the one index of both editions is
const root = new URL(ENGLISH ? "../../" : "../", window.location.href);
let pagefind = null;
let asked = 0;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  }
  return pagefind;
}

// an id (۱۴۰۰-۰۵-۲۷-d۱), a date written with hyphens, a Latin word or file name: the page isolates it left to
// right, the excerpt's plain text does not, and after a Persian letter the bidi algorithm reads such digits
// as "Arabic numbers", so the id would read in reverse (d۱-۲۷-۰۵-۱۴۰۰); plain Persian numbers (۳۰٬۰۰۰) read
// right as they are and are left alone
const RUN = /([-*&/.]*[0-9۰-۹A-Za-z](?:[0-9۰-۹A-Za-z._/:-]*[0-9۰-۹A-Za-z/])?)/;
const NEEDS_ISOLATING = /[A-Za-z]|[0-9۰-۹][-/:][0-9۰-۹]/;

function appendText(parent, text) {
  text.split(RUN).forEach((part, i) => {
    if (!part) return;
    if (i % 2 && NEEDS_ISOLATING.test(part)) {
      const run = document.createElement("bdi");
      run.dir = "ltr";
      run.textContent = part;
      parent.append(run);
    } else {
      parent.append(document.createTextNode(part));
    }
  });
}

// Pagefind's excerpt marks each hit with <mark>; everything else is the page's text
function excerpt(text) {
  const p = document.createElement("p");
  p.className = "portal-search-excerpt";
  text.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const hit = part.match(/^<mark>(.*)<\/mark>$/);
    const plain = (hit ? hit[1] : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    if (hit) {
      const node = document.createElement("mark");
      appendText(node, plain);
      p.append(node);
    } else if (plain) {
      appendText(p, plain);
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

// the status line; the query is isolated (<bdi>), so Latin text in it does not reorder the sentence
function summary(query, total, shown) {
  const q = document.createElement("bdi");
  q.textContent = query;
  if (!total) {
    status.replaceChildren(SAY.none[0], q, SAY.none[1]);
    return;
  }
  const rest = total > shown ? SAY.first(shown) : "";
  const [before, after] = SAY.found(total, rest);
  status.replaceChildren(before, q, after);
}

// the query, and the same query with each two neighbouring words written as one: a reader who types a
// space where the site has a zero-width non-joiner («اکسیژن ساز» for «اکسیژن‌ساز», which Pagefind indexes
// as «اکسیژنساز») still finds the page; and each of these with Latin digits too, when it has digits
function variants(query) {
  const out = [query];
  if (ENGLISH) return out;
  const words = query.split(" ");
  if (words.length > 1 && words.length <= 6) {
    for (let i = 0; i + 1 < words.length; i++) {
      out.push([...words.slice(0, i), words[i] + words[i + 1], ...words.slice(i + 2)].join(" "));
    }
  }
  if (/[۰-۹]/.test(query)) out.push(...out.map(latinDigits));
  return [...new Set(out)];
}

function remember(raw) {
  // the address keeps the query: Back from a result, a reload or a shared link shows the same results
  const url = new URL(window.location.href);
  if (raw.trim()) url.searchParams.set("q", raw);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

let current = null; // the query whose results are shown (or coming)

async function search(raw) {
  const query = ENGLISH ? foldEnglish(raw) : fold(raw);
  if (query === current) return; // typed, then submitted: asked once
  current = query;
  remember(raw);
  const mine = ++asked;
  list.replaceChildren();
  more.hidden = true;
  if (!query) {
    status.replaceChildren();
    return;
  }
  status.textContent = SAY.searching;
  let ranked;
  try {
    const pf = await engine();
    const lists = await Promise.all(variants(query).map((q) => pf.search(q)));
    // scores of different queries do not compare: each list's are taken relative to its best, and on a
    // tie the list with more results (the spelling the site uses) goes first
    const seen = new Map();
    lists.forEach((l) => {
      const best = Math.max(0, ...l.results.map((r) => r.score)) || 1;
      l.results.forEach((r) => {
        const rank = [r.score / best, l.results.length];
        const old = seen.get(r.id);
        if (!old || old.rank[0] < rank[0] || (old.rank[0] === rank[0] && old.rank[1] < rank[1])) {
          seen.set(r.id, { result: r, rank });
        }
      });
    });
    ranked = [...seen.values()]
      .sort((a, b) => b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1])
      .map((x) => x.result);
  } catch (err) {
    current = null;
    if (mine === asked) status.textContent = SAY.failed;
    return;
  }
  let shown = 0;
  async function next(fromButton) {
    if (more.disabled) return; // one batch at a time, however fast the button is pressed
    more.disabled = true;
    const batch = ranked.slice(shown, shown + PAGE);
    shown += batch.length;
    const pages = await Promise.all(batch.map((r) => r.data()));
    more.disabled = false;
    if (mine !== asked) return; // a newer query has been typed meanwhile
    const first = list.children.length;
    show(pages);
    summary(query, ranked.length, shown);
    more.hidden = shown >= ranked.length;
    more.onclick = () => next(true);
    // the button was pressed from the keyboard: go on from the first new result, not from nowhere
    if (fromButton && list.children[first]) list.children[first].querySelector("a").focus();
  }
  if (mine === asked) await next(false);
}

if (form && input) {
  let timer = null;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
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

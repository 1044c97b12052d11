// The /search/ page: results as you type, filters, the query in the URL,
// highlighted excerpts, keyboard use. Progressive enhancement: without this
// script the page shows the form hidden and explains where else to look.
// Everything from the index is rendered with textContent, never as HTML.

import { StaticIndex } from "./search-engine.js";
import { showing } from "./search-plan.js";
import { BadRequest, checkDate, checkRequest, FILTERS } from "./search-query.js";

const PAGE = 10;
const DEBOUNCE_MS = 200;
const PARAMS = ["q", ...FILTERS, "from", "to", "sort"];
const WIDE = "(min-width: 40em)";

const form = document.getElementById("search-form");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const input = document.getElementById("search-q");
const correction = document.getElementById("search-correction");
const filters = document.getElementById("search-filters");
const filtersSet = document.getElementById("search-filters-set");
const index = new StaticIndex(form.dataset.index);
const siteRoot = new URL(form.dataset.site, document.baseURI);

let latest = 0;
let current = null; // {result, shown}
let timer = 0;

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function paramsFromForm() {
  const params = new URLSearchParams();
  for (const name of PARAMS) {
    const value = form.elements[name].value.trim();
    if (value && !(name === "sort" && value === "relevance")) params.set(name, form.elements[name].value);
  }
  const linked = new URLSearchParams(location.search);
  if (linked.get("exact") && linked.get("q") === params.get("q")) params.set("exact", linked.get("exact"));
  return params;
}

function fillForm(params) {
  for (const name of PARAMS) {
    const field = form.elements[name];
    let value = params.get(name) || "";
    if (name === "from" || name === "to") {
      try {
        value = checkDate(name, value, name === "to")?.iso || "";
      } catch {
        value = "";
      }
    }
    if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.add(new Option(value, value)); // an id this build does not list: keep it; it finds nothing
    }
    field.value = value || (name === "sort" ? "relevance" : "");
  }
}

function say(text) {
  status.textContent = text;
}

// "Showing results for …" with a link to the words as typed, and the names whose spellings were searched.
function explain(request, plan) {
  correction.replaceChildren();
  if (plan.corrections.length) {
    const searched = document.createElement("strong");
    searched.textContent = showing(request.q, plan.corrections);
    const original = new URLSearchParams(location.search);
    original.set("q", request.q);
    original.set("exact", "1");
    const link = document.createElement("a");
    link.href = `?${original}`;
    link.textContent = request.q;
    correction.append("Showing results for ", searched, ". Search instead for ", link, ".");
  }
  for (const names of plan.widened) {
    if (correction.childNodes.length) correction.append(" ");
    correction.append(`Every spelling of ${names[0]} is searched: ${names.slice(1).join(", ")}.`);
  }
  correction.hidden = !correction.childNodes.length;
}

function countFilters() {
  const set = [...FILTERS, "from", "to"].filter((name) => form.elements[name].value).length +
    (form.elements.sort.value === "newest" ? 1 : 0);
  filtersSet.textContent = set ? `(${set} set)` : "";
}

function markedExcerpt(container, { text, highlights }) {
  let last = 0;
  for (const [start, end] of highlights) {
    container.append(document.createTextNode(text.slice(last, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    container.append(mark);
    last = end;
  }
  container.append(document.createTextNode(text.slice(last)));
}

async function resultItem(result, n) {
  const doc = await index.document(n);
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "search-result-title";
  const link = document.createElement("a");
  link.href = new URL(doc.url, siteRoot).href;
  link.textContent = doc.title;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "entry-meta";
  meta.textContent = `${doc.date} · ${doc.section}`;
  const text = document.createElement("p");
  text.className = "search-excerpt";
  markedExcerpt(text, index.excerptOf(doc.text, result));
  item.append(heading, meta, text);
  return item;
}

async function showMore(ticket, focusFirst) {
  const { result } = current;
  const batch = result.ranked.slice(current.shown, current.shown + PAGE);
  const items = await Promise.all(batch.map(([n]) => resultItem(result, n)));
  if (ticket !== latest) return;
  list.append(...items);
  current.shown += batch.length;
  more.hidden = current.shown >= result.total;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

function describe(request, total, plan) {
  const filtered = FILTERS.some((f) => request[f]) || request.from || request.to;
  if (!request.q.trim() && !filtered) return "Type words to search for, or choose a filter.";
  if (plan.empty && !filtered) return "Keep typing: words of two letters or more are searched.";
  if (!total) return "No results. Check the spelling, use fewer words, or remove a filter.";
  return `${plural(total, "result")}${request.sort === "newest" ? ", newest first" : ""}.`;
}

async function run(params = paramsFromForm(), { updateUrl = true } = {}) {
  const ticket = ++latest;
  if (updateUrl) {
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }
  try {
    await index.open();
  } catch (error) {
    say(`The search index could not be loaded (${error.message}). Try again, or browse the timeline and topics.`);
    return;
  }
  let request;
  try {
    request = checkRequest(params, index.manifest.query);
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    if (ticket !== latest) return;
    list.replaceChildren();
    more.hidden = true;
    correction.hidden = true;
    say(`This search cannot run: ${error.message}.`);
    return;
  }
  countFilters();
  try {
    const result = await index.search(request);
    if (ticket !== latest) return;
    list.replaceChildren();
    current = { result, shown: 0 };
    await showMore(ticket, false);
    if (ticket !== latest) return;
    say(describe(request, result.total, result.plan));
    explain(request, result.plan);
  } catch (error) {
    if (ticket !== latest) return;
    list.replaceChildren();
    more.hidden = true;
    say(`The search index could not be loaded (${error.message}). Try again, or browse the timeline and topics.`);
  }
}

function soon() {
  clearTimeout(timer);
  timer = setTimeout(() => run(), DEBOUNCE_MS);
}

function resultLinks() {
  return [...list.querySelectorAll(".search-result-title a")];
}

function onKey(event) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = resultLinks();
  const at = links.indexOf(document.activeElement);
  if (event.target === input && event.key === "ArrowDown" && links.length) {
    links[0].focus();
  } else if (at >= 0) {
    const next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) input.focus();
    else if (next < links.length) links[next].focus();
  } else {
    return;
  }
  event.preventDefault();
}

function start() {
  document.getElementById("search-nojs").hidden = true;
  form.hidden = false;
  filters.open = window.matchMedia(WIDE).matches; // a phone shows the results first, filters on request
  const linked = new URLSearchParams(location.search);
  fillForm(linked);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener("input", soon);
  form.addEventListener("change", (event) => {
    if (event.target !== input) soon();
  });
  more.addEventListener("click", () => showMore(latest, true));
  document.addEventListener("keydown", onKey);
  // The linked search runs as linked (a bad parameter is reported, not silently dropped).
  run(linked, { updateUrl: false });
}

start();

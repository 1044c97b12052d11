// The map of the search results: where the events of the entries shown happened.
// Self-contained beside search.js: it watches the results list, and for the entries listed
// reads the places of their events from timeline/map/ (written by the timeline plugin:
// base.json, and entries-N.json shards chosen by a hash of the entry's address), then draws
// the same marks, sizes and projection as the maps the build draws on timeline pages.
// Nothing is fetched until there are results; without JavaScript there are no results to map.

const SVG = "http://www.w3.org/2000/svg";
const list = document.getElementById("search-results");
const form = document.getElementById("search-form");

function fnv1a(text) {
  let value = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  }
  return value;
}

function element(name, attributes = {}, namespace = SVG) {
  const node = namespace ? document.createElementNS(namespace, name) : document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function summary(tally) {
  let text = `${tally.name}: ${plural(tally.events, "event")}`;
  if (tally.scale !== "place") text += ` (drawn at the ${tally.scale}, not at a town)`;
  return text;
}

function radius(base, harmed, scale) {
  const { min, perRoot, max, floor } = base.radius;
  const size = Math.min(max, min + perRoot * Math.sqrt(harmed));
  return Math.round(Math.max(size, floor[scale] ?? min) * 10) / 10;
}

function makeFigure(base) {
  const figure = element("figure", { class: "event-map search-map", "data-search-map": "" }, null);
  const svg = element("svg", {
    viewBox: `0 0 ${base.width} ${base.height}`, role: "img", focusable: "false",
    "aria-labelledby": "search-map-title", "aria-describedby": "search-map-desc",
  });
  const title = element("title", { id: "search-map-title" });
  title.textContent = "Where the events of the results shown happened";
  const desc = element("desc", { id: "search-map-desc" });
  svg.append(title, desc, element("path", { class: "map-neighbours", d: base.neighbours }),
    element("path", { class: "map-home", d: base.home }), element("g", { "data-marks": "" }));
  const caption = element("figcaption", {}, null);
  const places = element("ul", { class: "map-places" }, null);
  const credit = element("p", { class: "map-credit" }, null);
  credit.textContent = "Borders: Natural Earth (public domain), simplified. Circles sized by the people killed and injured.";
  caption.append(places, credit);
  figure.append(svg, caption);
  return figure;
}

function tallies(base, entries, urls) {
  const found = new Map();
  for (const url of urls) {
    for (const [place, harmed] of entries[url] || []) {
      const [x, y, name, scale] = base.places[place] || [null, null, place, "place"];
      const tally = found.get(place) || { place, x, y, name, scale, events: 0, harmed: 0 };
      tally.events += 1;
      tally.harmed += harmed;
      found.set(place, tally);
    }
  }
  return [...found.values()];
}

function draw(figure, base, found) {
  const marks = figure.querySelector("[data-marks]");
  const places = figure.querySelector(".map-places");
  marks.replaceChildren();
  places.replaceChildren();
  const drawn = found.filter((t) => t.x !== null).map((t) => ({ ...t, r: radius(base, t.harmed, t.scale) }));
  drawn.sort((a, b) => b.r - a.r || a.name.localeCompare(b.name));
  for (const tally of drawn) {
    const circle = element("circle", {
      class: `map-mark map-mark-${tally.scale}`, cx: tally.x, cy: tally.y, r: tally.r, "data-place": tally.place,
    });
    const title = element("title");
    title.textContent = summary(tally);
    circle.append(title);
    marks.append(circle);
  }
  for (const tally of found) {
    const item = element("li", { "data-place": tally.place }, null);
    item.textContent = summary(tally) + (tally.x === null ? "; outside this map" : "");
    places.append(item);
  }
  const events = found.reduce((sum, t) => sum + t.events, 0);
  figure.querySelector("desc").textContent =
    `Map of Ukraine and its neighbours with ${plural(events, "event")} of the results shown, `
    + `at ${plural(drawn.length, "place")} on the map.`;
  figure.hidden = found.length === 0;
}

function resultUrls(siteRoot) {
  return [...list.querySelectorAll(".search-result-title a")]
    .map((link) => new URL(link.href, document.baseURI).href)
    .filter((href) => href.startsWith(siteRoot.href))
    .map((href) => href.slice(siteRoot.href.length).split("#")[0]);
}

async function setUp() {
  const siteRoot = new URL(form.dataset.site || "./", document.baseURI);
  const folder = new URL("timeline/map/", siteRoot);
  const loaded = new Map();
  const load = (name) => {
    if (!loaded.has(name)) loaded.set(name, fetch(new URL(name, folder)).then((r) => (r.ok ? r.json() : {})));
    return loaded.get(name);
  };
  let figure = null;
  let latest = 0;
  const update = async () => {
    const ticket = ++latest;
    const urls = resultUrls(siteRoot);
    if (!urls.length) {
      if (figure) figure.hidden = true;
      return;
    }
    const base = await load("base.json");
    if (!base.places) return;
    const shards = [...new Set(urls.map((url) => fnv1a(url) % base.shards))];
    const entries = Object.assign({}, ...(await Promise.all(shards.map((n) => load(`entries-${n}.json`)))));
    if (ticket !== latest) return; // a newer list of results is being drawn
    if (!figure) {
      figure = makeFigure(base);
      const slot = document.getElementById("search-map"); // the place search.html keeps for it
      slot.append(figure);
      slot.hidden = false;
    }
    draw(figure, base, tallies(base, entries, urls));
  };
  new MutationObserver(() => { update().catch(() => {}); }).observe(list, { childList: true });
  update().catch(() => {});
}

if (list && form && document.getElementById("search-map")) setUp();

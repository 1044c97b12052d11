// Timeline pages, progressively enhanced: without this file every event is listed.
// - Month and year pages: filter the events by kind, place and person without a reload;
//   the choice lives in the URL (?kind=…&place=…&person=…) and is restored on load.
//   Each option shows how many events it would leave with the other filters as they are,
//   and options that would leave none are hidden, so no combination shows nothing.
//   The map above the list keeps only the marks of the events shown, sized as the build sizes them,
//   and a click on a mark filters by its place (a second click shows every place again).
// - "On this day": point to today's date (or the next day with events) and jump to it.

import { chosenFilters, writeUrl } from "./url-filters.js";

const FILTERS = ["kind", "place", "person"];

function plural(count) {
  return `${count} ${count === 1 ? "event" : "events"}`;
}

function matches(event, chosen) {
  return Object.entries(chosen).every(([name, value]) =>
    (event.dataset[name] || "").split(" ").includes(value));
}

function describe(form, chosen) {
  return Object.keys(chosen).map((name) => {
    const select = form.elements.namedItem(name);
    return select.selectedOptions[0].dataset.label;
  }).join(", ");
}

// Counts for every option of every filter: the events it would leave, the other filters kept.
function updateChoices(form, events, chosen) {
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name);
    if (!select) continue;
    const others = { ...chosen };
    delete others[name];
    const counts = new Map();
    let all = 0;
    for (const event of events) {
      if (!matches(event, others)) continue;
      all += 1;
      for (const value of (event.dataset[name] || "").split(" ").filter(Boolean)) {
        counts.set(value, (counts.get(value) || 0) + 1);
      }
    }
    for (const option of select.options) {
      if (!option.value) {
        option.dataset.label ??= option.textContent;
        option.textContent = `${option.dataset.label} (${all})`;
        continue;
      }
      const count = counts.get(option.value) || 0;
      option.textContent = `${option.dataset.label} (${count})`;
      option.hidden = count === 0 && option.value !== select.value;
      option.disabled = option.hidden;
    }
  }
}

// The map's marks follow the events shown: hidden when none is left, resized by what is left.
function updateMap(events) {
  const svg = document.querySelector("[data-event-map] svg");
  if (!svg) return;
  const [least, perRoot, most] = ["rMin", "rPerRoot", "rMax"].map((key) => Number(svg.dataset[key]));
  const harmed = new Map();
  for (const event of events) {
    if (event.hidden) continue;
    const place = event.dataset.place;
    harmed.set(place, (harmed.get(place) || 0) + Number(event.dataset.harmed || 0));
  }
  for (const mark of document.querySelectorAll("[data-event-map] [data-place]")) {
    const place = mark.dataset.place;
    const hide = !harmed.has(place);
    mark.toggleAttribute("hidden", hide); // an attribute: SVG elements have no .hidden property
    if (mark.tagName.toLowerCase() !== "circle" || hide) continue;
    const size = Math.min(most, least + perRoot * Math.sqrt(harmed.get(place)));
    mark.setAttribute("r", String(Math.round(Math.max(size, Number(mark.dataset.rFloor || least)) * 10) / 10));
  }
}

function applyFilters(form, timeline, status, total) {
  const chosen = chosenFilters(form, FILTERS);
  let shown = 0;
  for (const event of timeline.querySelectorAll(".timeline-event")) {
    event.hidden = !matches(event, chosen);
    if (!event.hidden) shown += 1;
  }
  for (const group of timeline.querySelectorAll(".timeline-day")) {
    const visible = group.querySelectorAll(".timeline-event:not([hidden])").length;
    group.hidden = visible === 0;
    const count = group.querySelector("[data-count]");
    if (count) count.textContent = plural(visible);
  }
  for (const month of timeline.querySelectorAll(".timeline-month")) {
    month.hidden = !month.querySelector(".timeline-event:not([hidden])");
  }
  const events = [...timeline.querySelectorAll(".timeline-event")];
  updateChoices(form, events, chosen);
  updateMap(events);
  status.textContent = Object.keys(chosen).length
    ? `Showing ${shown} of ${plural(total)}: ${describe(form, chosen)}.`
    : `Showing all ${plural(total)}.`;
  return chosen;
}

// A link may carry a choice this page no longer offers, or a combination that gives nothing
// (an edited URL, or a link from before a correction): such a choice is left out, never shown as 0 events.
function restoreFromUrl(form, events) {
  const params = new URLSearchParams(window.location.search);
  const chosen = {};
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name);
    const wanted = params.get(name);
    if (!select || !wanted || ![...select.options].some((option) => option.value === wanted)) continue;
    const trial = { ...chosen, [name]: wanted };
    if (!events.some((event) => matches(event, trial))) continue;
    chosen[name] = wanted;
    select.value = wanted;
  }
}

function setUpFilters(form) {
  const timeline = document.querySelector("[data-timeline]");
  const status = form.querySelector("[data-filter-status]");
  if (!timeline || !status) return;
  const total = timeline.querySelectorAll(".timeline-event").length;
  const update = () => writeUrl(applyFilters(form, timeline, status, total), FILTERS);
  restoreFromUrl(form, [...timeline.querySelectorAll(".timeline-event")]);
  form.hidden = false;
  update(); // the URL then says what is shown (choices left out are dropped from it)
  form.addEventListener("change", update);
  // A click on a mark picks its place in the place filter (the select stays the keyboard's way to it).
  const placeSelect = form.elements.namedItem("place");
  for (const mark of document.querySelectorAll("[data-event-map] circle[data-place]")) {
    mark.addEventListener("click", () => {
      if (!placeSelect) return;
      const option = [...placeSelect.options].find((o) => o.value === mark.dataset.place && !o.disabled);
      if (!option) return;
      placeSelect.value = placeSelect.value === option.value ? "" : option.value;
      update();
    });
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    for (const name of FILTERS) {
      const select = form.elements.namedItem(name);
      if (select) select.value = "";
    }
    update();
  });
}

function monthDay(date) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function jumpToToday(calendar) {
  const days = [...calendar.querySelectorAll("[data-month-day]")];
  const link = document.querySelector("[data-today-link]");
  if (!days.length || !link) return;
  const now = new Date();
  const today = monthDay(now);
  const exact = days.find((day) => day.dataset.monthDay === today);
  const target = exact || days.find((day) => day.dataset.monthDay > today) || days[0];
  const anchor = link.querySelector("a");
  anchor.href = `#${target.id}`;
  anchor.textContent = exact
    ? `Today, ${target.dataset.label}: jump to its events`
    : `Nothing on ${now.toLocaleDateString("en-GB", { day: "numeric", month: "long" })} (today); `
      + `jump to the next day with events, ${target.dataset.label}`;
  link.hidden = false;
  if (exact) target.classList.add("is-today");
  if (!window.location.hash) target.scrollIntoView({ block: "start" });
}

const form = document.querySelector("[data-timeline-filters]");
if (form) setUpFilters(form);
const calendar = document.querySelector("[data-on-this-day]");
if (calendar) jumpToToday(calendar);

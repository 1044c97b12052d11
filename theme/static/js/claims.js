// The claim ledger, progressively enhanced: without this file every claim is listed and the
// links to /claims/status/<status>/ and /claims/by/<id>/ do the filtering.
// With it, the ledger filters by status and speaker without a reload; the choice lives in the
// URL (?status=…&by=…), so a filtered view can be shared, and is restored on load.

import { chosenFilters, writeUrl } from "./url-filters.js";

const FILTERS = ["status", "by"];

function plural(count) {
  return `${count} ${count === 1 ? "claim" : "claims"}`;
}

function applyFilters(form, ledger, status, total) {
  const chosen = chosenFilters(form, FILTERS);
  let shown = 0;
  for (const claim of ledger.querySelectorAll(".ledger-claim")) {
    claim.hidden = !Object.entries(chosen).every(([name, value]) => claim.dataset[name] === value);
    if (!claim.hidden) shown += 1;
  }
  const labels = Object.keys(chosen).map((name) =>
    form.elements.namedItem(name).selectedOptions[0].dataset.label);
  status.textContent = labels.length
    ? `Showing ${shown} of ${plural(total)}: ${labels.join(", ")}.`
    : `Showing all ${plural(total)}.`;
  return chosen;
}

function restoreFromUrl(form) {
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name);
    const wanted = params.get(name);
    if (select && wanted && [...select.options].some((option) => option.value === wanted)) {
      select.value = wanted;
    }
  }
}

function setUp(form) {
  const ledger = document.querySelector("[data-ledger]");
  const status = form.querySelector("[data-filter-status]");
  if (!ledger || !status) return;
  const total = ledger.querySelectorAll(".ledger-claim").length;
  const update = () => writeUrl(applyFilters(form, ledger, status, total), FILTERS);
  restoreFromUrl(form);
  applyFilters(form, ledger, status, total);
  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update, 0));
  form.addEventListener("submit", (event) => event.preventDefault());
}

const form = document.querySelector("[data-claim-filters]");
if (form) setUp(form);

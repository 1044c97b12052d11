// Filters kept in the address, shared by the timeline and the claim ledger: what a form's
// selects have chosen, and the URL that shares that choice (?name=value…), replaced in place.

export function chosenFilters(form, names) {
  const chosen = {};
  for (const name of names) {
    const select = form.elements.namedItem(name);
    if (select && select.value) chosen[name] = select.value;
  }
  return chosen;
}

export function writeUrl(chosen, names) {
  const url = new URL(window.location.href);
  for (const name of names) {
    if (chosen[name]) url.searchParams.set(name, chosen[name]);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(window.history.state, "", url);
}

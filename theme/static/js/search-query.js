// A reader's query and its parameters, read exactly as plugins/search/query.py
// and plugins/search/request.py read them (see the rules there).

import { length } from "./search-analysis.js";

export const FILTERS = ["section", "topic", "place", "person"];
export const SORTS = ["relevance", "newest"];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

function unique(values, key = (v) => v) {
  const seen = new Set();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function parseQuery(text, analyzer, rules) {
  const quotes = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '"') quotes.push(i);
  if (quotes.length % 2) {
    const i = quotes[quotes.length - 1];
    text = text.slice(0, i) + " " + text.slice(i + 1);
  }
  const parts = text.split('"');
  const found = [];
  const phrases = [];
  const words = [];
  const quoted = [];
  let offset = 0;
  parts.forEach((part, index) => {
    if (index % 2) {
      const stems = analyzer.terms(part);
      if (stems.length > 1) phrases.push(stems);
      else {
        found.push(...stems);
        quoted.push(...stems);
      }
    } else {
      for (const t of analyzer.tokens(part)) {
        if (!t.term) continue;
        found.push(t.term);
        words.push({ term: t.term, start: offset + t.start, end: offset + t.end, text: t.word });
      }
    }
    offset += part.length + 1;
  });
  let prefix = "";
  let prefixTerm = "";
  const last = parts[parts.length - 1];
  const trailing = analyzer.tokens(last);
  const end = trailing[trailing.length - 1];
  if (end && end.end === last.length && end.term && length(end.word) >= rules.prefix_min_length) {
    prefix = end.word;
    prefixTerm = end.term;
    found.pop();
  }
  return {
    terms: unique(found),
    phrases: unique(phrases, (p) => p.join("\u0000")),
    prefix,
    prefixTerm,
    words,
    quoted: unique(quoted),
    get empty() {
      return !(this.terms.length || this.phrases.length || this.prefix);
    },
  };
}

export class BadRequest extends Error {}

function shown(value) {
  const cut = Array.from(value);
  const text = cut.slice(0, 40).join("") + (cut.length > 40 ? "…" : "");
  return text.replace(/\p{C}/gu, (c) => `\\u${c.codePointAt(0).toString(16).padStart(4, "0")}`);
}

function checkQuery(q, maxLength) {
  const n = length(q);
  if (n > maxLength) throw new BadRequest(`q is ${n} characters long; the limit is ${maxLength}`);
  let position = 0;
  for (const char of q) {
    position += 1;
    if (!"\t\n\r".includes(char) && /[\p{Cc}\p{Cs}]/u.test(char)) {
      const hex = char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
      throw new BadRequest(`q contains the control character U+${hex} at position ${position}; remove it`);
    }
  }
  return q;
}

function checkId(name, value) {
  if (!value) return null;
  if (value.length > 100 || !ID.test(value)) {
    throw new BadRequest(`${name} must be an id such as 'kryvyi-rih' (lower-case words joined by hyphens), ` +
      `not '${shown(value)}'`);
  }
  return value;
}

export function dayNumber(year, month, day) {
  return Math.round(Date.UTC(year, month - 1, day) / 86400000);
}

// YYYY, YYYY-MM or YYYY-MM-DD -> {iso, day}; "to" takes the last day of a month or year.
export function checkDate(name, value, last) {
  if (!value || !value.trim()) return null;
  const text = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) throw new BadRequest(`${name}: '${shown(text)}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(m[1]);
  let month = m[2] ? Number(m[2]) : 0;
  let day = m[3] ? Number(m[3]) : 0;
  if (year < 1) throw new BadRequest(`${name}: '${text}' has year 0; years start at 0001`);
  if (m[2] && (month < 1 || month > 12)) {
    throw new BadRequest(`${name}: '${text}' has no month ${month}; months run from 01 to 12`);
  }
  const daysIn = (y, mo) => new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (m[3] && (day < 1 || day > daysIn(year, month))) {
    throw new BadRequest(`${name}: '${text}' is not a real day (${MONTHS[month - 1]} ${year} has no day ${day})`);
  }
  if (!month) month = last ? 12 : 1;
  if (!day) day = last ? daysIn(year, month) : 1;
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { iso, day: dayNumber(year, month, day) };
}

function checkFlag(name, value) {
  const text = (value || "").trim().toLowerCase();
  if (["", "0", "false"].includes(text)) return false;
  if (["1", "true"].includes(text)) return true;
  throw new BadRequest(`${name} must be 1 or 0, not '${shown(value)}'`);
}

function checkInt(name, value, fallback, minimum) {
  if (value === null || value === undefined || value === "") return fallback;
  if (!/^\s*\d{1,6}\s*$/.test(value)) throw new BadRequest(`${name} must be a whole number, not '${shown(value)}'`);
  const n = Number(value);
  if (n < minimum) throw new BadRequest(`${name} must be at least ${minimum}`);
  return n;
}

// URLSearchParams -> a checked request; throws BadRequest with the service's message.
export function checkRequest(params, rules, maxResults = 50) {
  const get = (name) => params.get(name);
  const request = { q: checkQuery(get("q") || "", rules.max_length) };
  for (const name of FILTERS) request[name] = checkId(name, get(name));
  request.from = checkDate("from", get("from"), false);
  request.to = checkDate("to", get("to"), true);
  if (request.from && request.to && request.from.day > request.to.day) {
    throw new BadRequest(`from (${request.from.iso}) is after to (${request.to.iso}); swap them`);
  }
  const sort = (get("sort") || "relevance").trim();
  if (!SORTS.includes(sort)) throw new BadRequest(`sort must be 'relevance' or 'newest', not '${shown(sort)}'`);
  request.sort = sort;
  request.limit = Math.min(checkInt("limit", get("limit"), 10, 1), maxResults);
  request.offset = checkInt("offset", get("offset"), 0, 0);
  request.exact = checkFlag("exact", get("exact"));
  return request;
}

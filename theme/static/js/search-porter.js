// The Porter stemmer exactly as Whoosh runs it (whoosh/lang/porter.py), so the
// search page turns words into the same index terms as the build.
// Python's re.match anchors at the start of the word; every pattern here is
// written with a leading ^ to do the same (including the quirks: "(at|bl|iz)$"
// only matches a whole word in Whoosh, and so it does here).

const STEP2 = {
  ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al",
  entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al",
  iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log",
};
const STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };

const C = "[^aeiouy]+";
const V = "[aeiou]+";
const MGR0 = new RegExp(`^(${C})?${V}${C}`, "u");
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`, "u");
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`, "u");
const S_V = new RegExp(`^(${C})?[aeiouy]`, "u");
const C_V = new RegExp(`^${C}[aeiouy][^aeiouwxy]$`, "u");
const ED_ING = /^(.*)(ed|ing)$/su;
const AT_BL_IZ = /^(at|bl|iz)$/u;
const STEP1B = /^([^aeiouylsz])\1$/u;
const STEP2_RE = new RegExp(`^(.+?)(${Object.keys(STEP2).join("|")})$`, "su");
const STEP3_RE = new RegExp(`^(.+?)(${Object.keys(STEP3).join("|")})$`, "su");
const STEP4_1 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/su;
const STEP4_2 = /^(.+?)(s|t)(ion)$/su;
const STEP5 = /^(.+?)e$/su;

function codePoints(word) {
  return Array.from(word);
}

export function stem(word) {
  let w = word;
  const chars = codePoints(w);
  if (chars.length < 3) return w;
  const firstIsY = w[0] === "y";
  if (firstIsY) w = "Y" + w.slice(1);

  // Step 1a
  if (w.endsWith("s")) {
    if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("ies")) w = w.slice(0, -2);
    else if (chars[chars.length - 2] !== "s") w = w.slice(0, -1);
  }

  // Step 1b
  if (w.endsWith("eed")) {
    if (MGR0.test(w.slice(0, -3))) w = w.slice(0, -1);
  } else {
    const m = ED_ING.exec(w);
    if (m && S_V.test(m[1])) {
      w = m[1];
      if (AT_BL_IZ.test(w)) w += "e";
      else if (STEP1B.test(w)) w = codePoints(w).slice(0, -1).join("");
      else if (C_V.test(w)) w += "e";
    }
  }

  // Step 1c
  if (w.endsWith("y")) {
    const s = w.slice(0, -1);
    if (S_V.test(s)) w = s + "i";
  }

  // Step 2
  let m = STEP2_RE.exec(w);
  if (m && MGR0.test(m[1])) w = m[1] + STEP2[m[2]];

  // Step 3
  m = STEP3_RE.exec(w);
  if (m && MGR0.test(m[1])) w = m[1] + STEP3[m[2]];

  // Step 4
  m = STEP4_1.exec(w);
  if (m) {
    if (MGR1.test(m[1])) w = m[1];
  } else {
    m = STEP4_2.exec(w);
    if (m && MGR1.test(m[1] + m[2])) w = m[1] + m[2];
  }

  // Step 5
  m = STEP5.exec(w);
  if (m) {
    const s = m[1];
    if (MGR1.test(s) || (MEQ1.test(s) && !C_V.test(s))) w = s;
  }
  if (w.endsWith("ll") && MGR1.test(w)) w = w.slice(0, -1);

  if (firstIsY) w = "y" + w.slice(1);
  return w;
}

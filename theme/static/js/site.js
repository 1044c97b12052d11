// Progressive enhancement only: every page is complete without this file.
// Marks the document so CSS can show controls that need JavaScript.
document.documentElement.classList.add("js");

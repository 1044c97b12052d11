"""Numbers as news text writes them: digits, or words in English, Ukrainian and Russian.

Casualty figures are often spelt out ("killing four people", "seventy-two
were injured", "загинули п'ятеро", "ранены трое"), so the figures finder reads
words as numbers. Only the small numbers that papers spell out are listed;
larger ones are written in digits.
"""

from __future__ import annotations

import re

_ENGLISH_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                  "sixteen seventeen eighteen nineteen").split()
_ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                 "ninety": 90}
WORDS = {word: value for value, word in enumerate(_ENGLISH_UNITS)}
WORDS.update(_ENGLISH_TENS)
WORDS.update({"a dozen": 12, "dozen": 12, "a hundred": 100, "one hundred": 100, "no": 0, "none": 0})
WORDS.update({f"{tens}-{unit}": value + number for tens, value in _ENGLISH_TENS.items()
              for number, unit in enumerate(_ENGLISH_UNITS[1:10], start=1)})
# Ukrainian, then Russian: cardinals and the collective forms used for people ("троє", "трое").
for value, forms in enumerate([
        "", "один одна одну одного одне", "два дві двоє двох", "три троє трьох", "чотири четверо чотирьох",
        "п'ять п'ятеро п’ять п’ятеро п'ятьох п’ятьох", "шість шестеро", "сім семеро", "вісім восьмеро",
        "дев'ять дев'ятеро дев’ять дев’ятеро", "десять десятеро", "одинадцять", "дванадцять"]):
    WORDS.update({form: value for form in forms.split()})
for value, forms in enumerate([
        "", "один одна одного одну", "два две двое двух", "три трое троих", "четыре четверо", "пять пятеро",
        "шесть шестеро", "семь семеро", "восемь восьмеро", "девять девятеро", "десять десятеро", "одиннадцать",
        "двенадцать"]):
    WORDS.update({form: value for form in forms.split()})
WORDS.pop("", None)

# A number in a regular expression: digits ("1,200" too) or one of the words, longest first.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(
    re.escape(word) for word in sorted((w for w in WORDS if w not in ("no", "none")), key=len, reverse=True)) + ")"


def value_of(text: str) -> int | None:
    """'72' → 72, 'seventy-two' → 72, 'п’ятеро' → 5; None when it is not a number."""
    text = " ".join(text.lower().split())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", ""))
    return WORDS.get(text)

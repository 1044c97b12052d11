import pytest

from desk.importer.sentences import sentences


@pytest.mark.parametrize("text, expected", [
    ("He met U.S. President Donald Trump. Then he left.", ["He met U.S. President Donald Trump.", "Then he left."]),
    ("Adm. Antony Radakin spoke. Bridget A. Brink replied.",
     ["Adm. Antony Radakin spoke.", "Bridget A. Brink replied."]),
    ("It cost $3.5 billion. Next.", ["It cost $3.5 billion.", "Next."]),
    ("“Never,” he said. “Eternal memory.”", ["“Never,” he said.", "“Eternal memory.”"]),
    ("No full stop at the end", ["No full stop at the end"]),
    ("Is it? Yes! Done…", ["Is it?", "Yes!", "Done…"]),
])
def test_sentences_split_at_ends_not_at_abbreviations(text, expected):
    assert sentences(text) == expected

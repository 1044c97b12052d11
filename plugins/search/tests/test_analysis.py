import pytest

from plugins.search.analysis import STOP_WORDS, terms, text_analyzer, tokens

SENTENCES = [
    "Missile strike on Kryvyi Rih kills 18, including nine children",
    "The U.S. paused aid; Zelenskyy's office said 2.5 billion was at stake.",
    "Зеленський: «Кривий Ріг» — удари тривають",
    "A a I to the of on in and or not US us",
    "snake_case words_and 10,000 troops, 30,000 troops",
    "ΟΔΟΣ İstanbul STRASSE straße naïve café",
    "x y z ab abc ...dots... end.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_terms_are_exactly_what_the_whoosh_analyzer_indexes(text):
    assert terms(text) == [token.text for token in text_analyzer()(text)]


@pytest.mark.parametrize("text, expected", [
    ("Strikes struck striking", ["strike", "struck", "strike"]),
    ("US military aid", ["us", "militari", "aid"]),
    ("the of and", []),
    ("U.S. 2.5", ["u.", "2.5"]),  # Porter strips the s of "u.s"
    ("Kyiv's", ["kyiv"]),
])
def test_terms_drop_stop_words_and_stem(text, expected):
    assert terms(text) == expected


def test_us_is_not_a_stop_word_in_a_news_archive():
    assert "us" not in STOP_WORDS and "the" in STOP_WORDS


def test_tokens_keep_offsets_into_the_original_text():
    text = "Kryvyi Rih, the city"
    found = tokens(text)
    assert [(text[t.start:t.end], t.word, t.term) for t in found] == [
        ("Kryvyi", "kryvyi", "kryvyi"), ("Rih", "rih", "rih"), ("the", "the", None), ("city", "city", "citi")]


@pytest.mark.parametrize("variant, plain", [
    ("Kyïv", "Kyiv"), ("café", "cafe"), ("Ґрунт", "грунт"), ("Європа", "европа"), ("Їжак", "іжак"),
    ("Ёлка", "елка"), ("BRÛLÉE", "brulee"), ("İstanbul", "istanbul"),
])
def test_accents_and_letter_variants_fold_to_the_plain_letter(variant, plain):
    assert terms(variant) == terms(plain)


@pytest.mark.parametrize("word", ["Йосип", "Кривий", "ўсё"])
def test_the_breve_of_short_i_is_a_letter_not_an_accent(word):
    assert "й" in terms(word)[0] or "ў" in terms(word)[0]

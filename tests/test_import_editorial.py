"""invoke import as an editorial assistant: the cases of issue #13, each on an input of the labelled set.

Every test imports into a copy of content/ (tmp_path); the real archive is never written.
"""

import re
import shutil

import pytest
import yaml

from plugins.embeds.postcard import parse_post_cards
from plugins.entries.check import check_files
from plugins.entries.frontmatter import decode, split
from desk.importer import DuplicateEntry, import_entry
from tests.support.sites import ROOT

LABELLED = ROOT / "tests" / "import_eval" / "inputs"
SEED = ROOT / "desk" / "importer" / "tests" / "pages" / "seed-paste.txt"


@pytest.fixture
def content(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def imported(content, name, **options):
    result = import_entry(str(LABELLED / name if "/" not in str(name) else name), content, **options)
    text = result.path.read_text(encoding="utf-8")
    return result, split(decode(text.encode(), str(result.path)), str(result.path)).data, text


def incidents(data):
    return [e for e in data["events"] if e["kind"] not in ("claim", "statement")]


def test_glide_bomb_paste_proposes_its_strike_with_the_figures_of_the_text(content):
    _result, data, text = imported(content, "t01_kharkiv_glide_paste.txt")
    [event] = incidents(data)
    assert (str(event["date"]), event["place"], event["kind"]) == ("2025-05-18", "kharkiv", "strike")
    assert event["casualties"] == {"killed": 4, "injured": 23, "children_injured": 6}
    # each figure keeps the sentence it came from beside it
    assert re.search(r"children_injured: 6  # \"Six of the wounded are children\.\"", text)


def test_seed_proposes_its_dated_incidents_with_their_figures(content):
    result, data, _text = imported(content, SEED)
    found = {(e["place"], e["kind"]): e.get("casualties") for e in incidents(data)}
    assert found[("kryvyi-rih", "missile-strike")] == {"killed": 18, "children_killed": 9, "injured": 72}
    assert found[("kryvyi-rih", "drone-attack")] == {"killed": 1, "injured": 7}
    assert found[("horlivka", "shelling")] == {"killed": 1}
    air = next(e for e in result.events if e.kind == "air-defence")
    assert (air.figures["drones_downed"], air.figures["drones_launched"]) == (51, 92)
    assert {str(e["date"]) for e in data["events"]} <= {"2025-04-05", "2025-04-06"}  # never the day of import


def test_seed_warns_that_its_posts_are_already_cited_by_existing_entries(content):
    result, _data, _text = imported(content, SEED)
    warnings = [note for note in result.notes if "is already cited by" in note]
    assert len(warnings) == 2
    assert any("overnight-attacks-kyiv-and-five-regions.md" in w and "VNAGmZ4Yfr" in w for w in warnings)
    assert any("oleshko-post-ukraine-border-claim.md" in w and "JrjCM1sEVX" in w for w in warnings)


def test_an_unknown_city_is_proposed_from_the_gazetteer_never_replaced_by_a_known_place(content):
    result, data, text = imported(content, "p01_odesa_port_plain.html")
    assert data["places"] == ["odesa"]
    assert {e["place"] for e in data["events"]} == {"odesa"}
    assert "# GUESS: proposed from GeoNames (Odesa, Ukraine" in text
    registry = yaml.safe_load((content / "data" / "places.yml").read_text(encoding="utf-8"))
    odesa = next(place for place in registry if place["id"] == "odesa")
    assert odesa["country"] == "Ukraine" and round(odesa["lat"]) == 46 and round(odesa["lon"]) == 31
    assert "Одеса" in odesa["aliases"] and result.proposed_places == ["odesa"]
    assert check_files([result.path], content) == []


@pytest.mark.parametrize("name, status", [
    ("p01_odesa_port_plain.html", "disputed"),   # said, then "rejected the claim, and it could not be verified"
    ("t09_en_adjacent_speaker.txt", "disputed"),  # "…, Russia's Defence Ministry said. Kyiv called the claim false."
    ("t13_en_wire_paste.txt", "disputed"),       # "Ukrainian officials denied that any military site was hit."
    ("t06_ru_claim.txt", "disputed"),            # "Украинская сторона опровергла это заявление"
    ("t07_en_false.txt", "false"),               # "The footage was shown to be false"
])
def test_a_claim_rejected_or_shown_false_in_the_next_sentence_is_proposed_with_that_status(content, name, status):
    _result, data, _text = imported(content, name)
    claims = [c for e in data["events"] for c in e.get("claims", [])]
    assert [(c["by"], c["status"]) for c in claims] == [("russian-ministry-of-defence", status)]


@pytest.mark.parametrize("name, text", [
    ("t01_kharkiv_glide_paste.txt", "Eternal memory to the four people we lost today. Doctors are fighting for every "
                                    "one of the wounded."),
    ("t02_uk_telegram.txt", "Троє поранених, зокрема дитина. Усі отримують допомогу. Пошкоджено багатоповерхівку."),
    ("t04_en_facebook.txt", "Three of our medics were hurt while on duty this morning. The hospital keeps working."),
])
def test_a_post_card_holds_exactly_the_posts_text(content, name, text):
    _result, _data, draft = imported(content, name)
    assert [card.text.strip() for card in parse_post_cards(draft)] == [text]


@pytest.mark.parametrize("name, date, publisher", [
    ("t01_kharkiv_glide_paste.txt", "2025-05-18", "Kharkiv Courier"),  # "on Sunday" + the post's date; © line
    ("t04_en_facebook.txt", "2025-03-12", "Dnipro Line"),              # dateline, year from the post
    ("t13_en_wire_paste.txt", "2025-08-22", "Eastline"),               # a date line of its own
    ("p05_wire_dateline.html", "2025-07-09", "Northline Wire"),         # date in the address, name in the title
    ("p09_title_suffix.html", "2025-05-15", "Southern Ledger"),         # <time>, "| Southern Ledger"
])
def test_date_and_publisher_come_from_the_source_not_from_today_or_the_domain(content, name, date, publisher):
    result, data, _text = imported(content, name)
    assert str(data["date"])[:10] == date and result.publisher == publisher


def test_a_paste_without_any_date_is_flagged_and_cannot_be_published(content, tmp_path):
    paste = tmp_path / "undated.txt"
    paste.write_text("Shelling hits Kherson\nRussian artillery shelled Kherson, injuring two people.\n"
                     "https://kherson-news.example/a/1\n", encoding="utf-8")
    result, _data, text = imported(content, paste)
    assert "# GUESS: date — the source gives no date" in text
    published = text.replace("status: draft", "status: published")
    result.path.write_text(published, encoding="utf-8")
    problems = [str(p) for p in check_files([result.path], content)]
    assert problems and all("still a guess" in p for p in problems)


def test_names_are_never_built_across_a_full_stop(content):
    _result, _data, text = imported(content, "p01_odesa_port_plain.html")
    assert "Odesa Ukrainian" not in text


def test_reimporting_after_a_title_edit_is_refused_naming_the_entry_and_the_match(content):
    before = len(list((content / "articles").rglob("*.md")))
    first, _data, text = imported(content, "t01_kharkiv_glide_paste.txt")
    first.path.write_text(text.replace("title: Glide bombs hit Kharkiv, killing four", "title: Kharkiv bombed"),
                          encoding="utf-8")
    with pytest.raises(DuplicateEntry) as refused:
        imported(content, "t01_kharkiv_glide_paste.txt")
    assert first.path.name in str(refused.value) and "nearly the same text" in str(refused.value)
    assert len(list((content / "articles").rglob("*.md"))) == before + 1


def test_a_long_first_sentence_gives_a_short_slug_cut_between_words(content):
    result, _data, _text = imported(content, SEED)
    slug = result.path.stem
    assert len(slug) <= 60 and slug == "ukrainian-president-volodymyr-zelenskyy-convened-with"


def test_several_incidents_in_a_round_up_become_several_events(content):
    _result, data, _text = imported(content, "p07_roundup.html")
    assert [(str(e["date"]), e["place"], e["kind"]) for e in incidents(data)] == [
        ("2025-08-21", "kherson", "shelling"), ("2025-08-22", "kharkiv", "drone-attack"),
        ("2025-08-22", "ukraine", "air-defence")]


def test_a_later_figure_replaces_an_earlier_one_and_number_words_are_read(content):
    _result, data, _text = imported(content, "t08_en_number_words.txt")
    [event] = incidents(data)
    assert str(event["date"]) == "2025-04-04"
    assert event["casualties"] == {"killed": 18, "children_killed": 9, "injured": 72}


def test_a_single_word_place_nobody_knows_is_reported(content, tmp_path):
    paste = tmp_path / "village.txt"
    paste.write_text("Drone hits village\nMay 15, 2025\nA drone struck a house in Zlatopilka on Thursday, "
                     "injuring one woman.\n", encoding="utf-8")
    result, _data, _text = imported(content, paste)
    assert any("Zlatopilka" in note for note in result.notes)

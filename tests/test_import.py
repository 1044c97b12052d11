"""invoke import on the seed paste and three saved pages, into a copy of the sample archive.

Every test imports into a copy of content/ (tmp_path); the real archive is never written.
"""

import io
import shutil
import subprocess
import sys

import pytest
import yaml

from plugins.entries.check import check_files
from plugins.entries.frontmatter import decode, split
from desk.importer import CannotImport, DuplicateEntry, import_entry
from desk.importer.draft import UNKNOWN_NAMES_COMMENT
from tasks import DRAFT_PREVIEW
from tests.support.sites import ROOT, build_site, soup

PAGES = ROOT / "desk" / "importer" / "tests" / "pages"
SEED = PAGES / "seed-paste.txt"  # a copy of the seed article in ../shared/seeds


@pytest.fixture
def content(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def read(path):
    front = split(decode(path.read_bytes(), str(path)), str(path))
    return front.data, front.body, path.read_text(encoding="utf-8")


def entry_files(content):
    return sorted((content / "articles").rglob("*.md"))


@pytest.fixture
def seed(content):
    result = import_entry(str(SEED), content)
    data, body, text = read(result.path)
    return result, data, body, text


def test_seed_draft_passes_check(seed, content):
    result, data, _body, _text = seed
    assert check_files([result.path], content) == []
    assert data["status"] == "draft"
    assert result.path.parent.parent == content / "articles"


def test_seed_draft_has_no_audio_player_leftover(seed):
    _result, _data, _body, text = seed
    assert "Listen To Story Above" not in text and "listen to story" not in text.lower()


@pytest.mark.parametrize("author, handle, date, url, starts", [
    ("Volodymyr Zelenskyy / Володимир Зеленський", "ZelenskyyUa", "2025-04-06", "https://pic.twitter.com/VNAGmZ4Yfr",
     "The pressure on Russia is still insufficient"),
    ("Myroslav Oleshko", "oleshkomyroslav", "2025-03-29", "https://pic.twitter.com/JrjCM1sEVX",
     "🇺🇸🇺🇦Americans and Europeans"),
])
def test_seed_posts_become_post_cards(seed, author, handle, date, url, starts):
    from plugins.embeds.postcard import parse_post_cards

    cards = {card.fields["handle"]: card for card in parse_post_cards(seed[2])}
    card = cards[handle]
    assert (card.fields["author"], card.fields["date"].iso(), card.fields["url"]) == (author, date, url)
    assert card.text.startswith(starts) and "pic.twitter.com" not in card.text and card.problems == []


def test_seed_post_texts_are_not_repeated_as_paragraphs(seed):
    body = seed[2]
    assert body.count("The pressure on Russia is still insufficient") == 1
    assert body.count("— Myroslav Oleshko (@oleshkomyroslav)") == 0


@pytest.mark.parametrize("kind, wanted", [
    ("people", ["volodymyr-zelenskyy", "donald-trump", "antony-radakin", "serhii-lysak", "oleksandr-vilkul",
                "denis-pushilin", "bridget-brink", "myroslav-oleshko"]),
    ("places", ["kyiv", "kryvyi-rih", "brussels", "horlivka", "donetsk-oblast", "moscow", "north-korea",
                "united-kingdom", "united-states", "ukraine", "russia"]),
    ("organisations", ["russian-ministry-of-defence", "armed-forces-of-ukraine", "ukrainian-air-force",
                       "ukraine-defense-contact-group", "uk-ministry-of-defence", "russian-security-officials"]),
])
def test_seed_proposes_the_registry_entities_it_names(seed, kind, wanted):
    proposed = seed[1][kind]
    assert set(wanted) <= set(proposed), set(wanted) - set(proposed)
    assert len(proposed) == len(set(proposed))


def test_seed_proposes_the_defence_ministry_claim_as_disputed_at_the_strike_it_is_about(seed):
    events = [event for event in seed[1]["events"] if event.get("claims")]
    claims = {claim["by"]: claim for event in events for claim in event["claims"]}
    # rejected by the other side: disputed (CONTRIBUTING's definition), not merely unverified
    assert claims["russian-ministry-of-defence"]["status"] == "disputed"
    assert claims["russian-ministry-of-defence"]["says"].startswith("Russia’s Defense Ministry claimed the precision")
    assert "rejected by Ukrainian military leadership" in claims["russian-ministry-of-defence"]["note"]
    assert claims["russian-security-officials"]["status"] == "unverified"
    ministry = next(e for e in events if e["claims"][0]["by"] == "russian-ministry-of-defence")
    assert ministry["place"] == "kryvyi-rih" and ministry["kind"] == "claim"


def test_seed_import_says_what_it_could_not_decide(seed):
    result, _data, _body, text = seed
    notes = "\n".join(result.notes)
    for expected in ("no publication date found", "no headline", "a paste has no address", "section guessed"):
        assert expected in notes
    assert f"# {UNKNOWN_NAMES_COMMENT}Cold War" in text


def test_seed_draft_renders_with_static_post_cards_and_no_platform_script(seed, content, tmp_path):
    output = build_site(content, tmp_path / "output", **DRAFT_PREVIEW)  # drafts are written only when previewed
    page = soup(output, f"drafts/{seed[0].path.stem}/")
    cards = page.select("figure.post-card")
    assert [c.select_one(".post-handle").get_text() for c in cards] == ["@ZelenskyyUa", "@oleshkomyroslav"]
    assert not page.find("script", src=lambda s: s and "://" in s)
    assert "Listen To Story Above" not in page.get_text()


# The three saved pages: what their front matter must hold, and furniture that must not reach the body.
PAGE_CASES = {
    "news-site.html": {
        "front": {"title": "Drones hit energy site in Kharkiv region overnight", "date": "2025-04-07T06:45+00:00",
                  "section": "strikes", "lang": "en-GB"},
        "source": {"publisher": "The Daily Ledger", "published": "2025-04-07",
                   "url": "https://www.dailyledger.example/world/2025/04/07/drones-kharkiv-energy"},
        "proposed": {"people": ["volodymyr-zelenskyy"], "places": ["kharkiv-oblast"],
                     "organisations": ["ukrainian-air-force", "russian-ministry-of-defence"]},
        "claims": [("russian-ministry-of-defence", "unverified")],
        "body": ["cutting power to several villages", "## Repairs under way", "- a transformer station",
                 "> “We will restore power within a day,”",
                 "[Kharkiv region](https://en.wikipedia.org/wiki/Kharkiv_Oblast)",
                 "(https://www.dailyledger.example/topics/energy)", "::: post"],
        "byline": "Olena Marchenko",
    },
    "blog-post.html": {
        "front": {"title": "Notes from Brussels: what the Ramstein group agreed", "date": "2025-04-11T21:10+02:00",
                  "section": "diplomacy"},
        "source": {"publisher": "Field Notes", "published": "2025-04-11",
                   "url": "https://fieldnotes.example.net/2025/04/11/notes-from-brussels/"},
        "proposed": {"people": ["antony-radakin"], "places": ["brussels", "united-kingdom"],
                     "organisations": ["ukraine-defense-contact-group", "nato"]},
        "claims": [],
        "body": ["1. The meeting was the first", "*total value*", "**significant**", "### What stood out"],
        "byline": "Jane Roe",
    },
    "json-ld-only.html": {
        "front": {"title": "Shelling kills one in Horlivka, says Russian-installed official",
                  "date": "2025-04-06T18:20+03:00",
                  "summary": "One person was killed by shelling in occupied Horlivka, according to Denis Pushilin."},
        "source": {"publisher": "Wire Desk", "published": "2025-04-06",
                   "url": "https://wiredesk.example.com/news/horlivka-shelling-0406"},
        "proposed": {"people": ["denis-pushilin"], "places": ["horlivka", "donetsk-oblast"],
                     "organisations": ["armed-forces-of-ukraine", "russian-security-officials"]},
        "claims": [("denis-pushilin", "disputed"), ("russian-security-officials", "unverified")],
        "body": ["Pushilin blamed Ukrainian forces for the shelling.", "without providing evidence."],
        "byline": "Wire Desk staff",
    },
}
# Text of page furniture in the saved pages; none of it may reach a body.
FURNITURE = ["Advertisement", "Share", "Listen", "Subscribe", "newsletter", "Sign up", "Read more", "Related",
             "Most read", "Comments", "Reader123", "comment", "cookies", "Privacy", "Skip to", "Play",
             "4:12", "Photo", "Loading", "enable JavaScript", "Leave a", "Recent posts", "Proudly powered",
             "Tagged", "Older post", "Celebrity chef", "dataLayer", "widgets.js", "twitter-tweet", "<script",
             "renderAd", "Home", "Search", "© 2025", "A defence blog", "Field Notes", "Olena Marchenko",
             "by Jane Roe", "War in Ukraine", "Email", "Firefighters", ".jpg"]


@pytest.fixture
def imported(content):
    def run(name):
        result = import_entry(str(PAGES / name), content)
        return result, *read(result.path)
    return run


@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_saved_page_imports_to_a_draft_that_passes_check(imported, content, name):
    result, data, _body, _text = imported(name)
    assert check_files([result.path], content) == []
    assert data["status"] == "draft"


@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_saved_page_front_matter_holds_what_the_page_states(imported, name):
    case = PAGE_CASES[name]
    _result, data, _body, text = imported(name)
    for key, value in case["front"].items():
        assert data[key] == value, key
    assert data["sources"][0] == {"title": data["title"], **case["source"]}
    for kind, ids in case["proposed"].items():
        assert set(ids) <= set(data[kind]), (kind, data[kind])
    claims = [(c["by"], c["status"]) for event in data["events"] for c in event.get("claims", [])]
    assert claims == case["claims"]
    assert f"# Byline of the source: {case['byline']}" in text


@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_saved_page_body_is_the_article_as_markdown(imported, name):
    body = imported(name)[2]
    for fragment in PAGE_CASES[name]["body"]:
        assert fragment in body, fragment


@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_no_page_furniture_reaches_the_body(imported, name):
    body = imported(name)[2]
    body_without_cards = body.split("::: post")[0] + body.split(":::\n")[-1] if "::: post" in body else body
    leaked = [text for text in FURNITURE if text in body_without_cards]
    assert leaked == []


def test_embedded_post_becomes_a_card_with_the_status_address(imported):
    from plugins.embeds.postcard import parse_post_cards

    [card] = parse_post_cards(imported("news-site.html")[2])
    assert card.fields["url"] == "https://twitter.com/ZelenskyyUa/status/1909123456789012345"
    assert (card.fields["handle"], card.fields["date"].iso()) == ("ZelenskyyUa", "2025-04-07")
    assert card.text == ("Every night Russia sends drones against our energy. We need more air defence systems "
                         "to protect our people.")


@pytest.mark.parametrize("source", [str(PAGES / "news-site.html"), str(SEED)])
def test_importing_the_same_page_twice_reports_the_duplicate_and_writes_nothing(content, source):
    first = import_entry(source, content)
    before = {path: path.read_bytes() for path in entry_files(content)}
    with pytest.raises(DuplicateEntry) as caught:
        import_entry(source, content)
    assert first.path.name in str(caught.value) and "nothing was written" in str(caught.value)
    assert {path: path.read_bytes() for path in entry_files(content)} == before


def test_a_page_the_archive_already_cites_is_a_duplicate(content):
    existing = content / "articles" / "2025" / "peacekeeping-force-talks-kyiv.md"
    text = existing.read_text(encoding="utf-8")
    url = yaml.safe_load(text.split("---")[1])["sources"][0]["url"]
    page = (PAGES / "blog-post.html").read_text(encoding="utf-8").replace(
        "https://fieldnotes.example.net/2025/04/11/notes-from-brussels/", url)
    saved = content.parent / "saved.html"
    saved.write_text(page, encoding="utf-8")
    with pytest.raises(DuplicateEntry, match="peacekeeping-force-talks-kyiv.md already cites"):
        import_entry(str(saved), content)


def test_standard_input_is_read_for_dash(content):
    result = import_entry("-", content, stdin=io.StringIO(SEED.read_text(encoding="utf-8")))
    assert "::: post" in read(result.path)[1]


def invoke(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_invoke_import_prints_the_path_and_the_notes_then_refuses_the_duplicate(content):
    first = invoke("import", str(PAGES / "blog-post.html"), "--content", str(content))
    assert first.returncode == 0, first.stderr
    assert "Wrote " in first.stdout and "notes-from-brussels-what-the-ramstein-group-agreed.md" in first.stdout
    assert "- section guessed as" in first.stdout
    count = len(entry_files(content))
    second = invoke("import", str(PAGES / "blog-post.html"), "--content", str(content))
    assert second.returncode == 1 and "nothing was written" in second.stderr
    assert len(entry_files(content)) == count


def test_invoke_import_reads_standard_input(content):
    done = invoke("import", "-", "--content", str(content), stdin=SEED.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr


def test_invoke_new_from_imports_with_the_given_title(content):
    done = invoke("new", "Energy site hit near Kharkiv", "--from", str(PAGES / "news-site.html"),
                  "--content", str(content))
    assert done.returncode == 0, done.stderr
    data = read(content / "articles" / "2025" / "energy-site-hit-near-kharkiv.md")[0]
    assert data["title"] == "Energy site hit near Kharkiv"
    assert data["sources"][0]["title"] == "Drones hit energy site in Kharkiv region overnight"


@pytest.mark.parametrize("args, message", [
    (["import", "missing.html"], "missing.html: no such file"),
    (["import", str(PAGES / "news-site.html"), "--section", "sport"], "--section 'sport' is not in"),
    (["import", str(PAGES / "news-site.html"), "--date", "2025-13-01"], "has no month 13"),
])
def test_invoke_import_explains_what_it_cannot_do(content, args, message):
    done = invoke(*args, "--content", str(content))
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("page, text", [("docs/importer.md", "# Importing a page or a paste"), ("README.md", "./dev import PAGE"),
                                        ("README.md", "./dev new \"Title\""), ("README.md", "docs/importer.md"),
                                        ("docs/internals.md", "markdownify")])
def test_the_docs_document_importing(page, text):
    assert text in (ROOT / page).read_text(encoding="utf-8")


def test_a_title_too_long_for_an_entry_is_refused(content):
    with pytest.raises(CannotImport, match="at most 300"):
        import_entry(str(PAGES / "news-site.html"), content, title="x" * 301)
    assert not (content / "articles" / "2025" / ("x" * 80 + ".md")).exists()


def test_yaml_and_html_in_a_headline_stay_text(content):
    page = ('<html><head><meta property="og:title" content="Kyiv: &#39;talks&#39; # 2 &lt;b&gt;bold&lt;/b&gt;">'
            "</head><body><article><p>Talks in Kyiv went on.</p></article></body></html>")
    result = import_entry("-", content, stdin=io.StringIO(page))
    assert read(result.path)[0]["title"] == "Kyiv: 'talks' # 2 <b>bold</b>"
    assert check_files([result.path], content) == []

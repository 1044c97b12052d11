"""Facts a reader can check, on real builds: cited figures, robust links, the claim ledger, corrections."""

import csv
import io
import json

import feedparser
import pytest

from plugins.entries.frontmatter import decode, split
from plugins.entries.statuses import CLAIM_STATUSES
from tests.support.sites import FIXTURES, ROOT, build_site, soup

FLAGSHIP = "2025/04/06/kryvyi-rih-missile-strike-kills-18/"
RIVERTOWN = "2025/04/05/rivertown-strike/"


def front_matter_claims():
    """(by, says, status, said, source urls) of every claim in the published sample entries."""
    found = set()
    for path in sorted((ROOT / "content" / "articles").rglob("*.md")):
        data = split(decode(path.read_bytes(), str(path)), str(path)).data
        if data.get("status", "published") != "published":
            continue
        sources = data.get("sources", [])
        for event in data.get("events", []):
            for claim in event.get("claims", []):
                refs = claim["source"] if isinstance(claim["source"], list) else [claim["source"]]
                urls = " ".join(sources[r - 1]["url"] if isinstance(r, int) else
                                next(s["url"] for s in sources if s.get("id") == r) for r in refs)
                found.add((claim["by"], claim["says"], claim["status"], str(claim.get("said") or event["date"]), urls))
    return found


def test_claims_csv_reads_back_to_the_claims_of_the_front_matter(sample_site):
    rows = list(csv.DictReader(io.StringIO((sample_site / "claims.csv").read_text(encoding="utf-8"), newline="")))
    assert {(r["by"], r["says"], r["status"], r["said"], r["source_urls"]) for r in rows} == front_matter_claims()
    assert len(rows) == len(front_matter_claims())


def test_claims_json_has_the_same_claims_as_the_csv(sample_site):
    document = json.loads((sample_site / "claims.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((sample_site / "claims.csv").read_text(encoding="utf-8"), newline="")))
    assert [c["claim_id"] for c in document["claims"]] == [r["claim_id"] for r in rows]
    assert document["fields"] == list(rows[0])


def test_events_csv_has_low_best_and_high_figures(mini_site):
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO((mini_site / "events.csv").read_text(encoding="utf-8"),
                                                                   newline=""))}
    depot = rows["rivertown-strike--event-2"]
    assert (depot["injured_low"], depot["injured"], depot["injured_high"]) == ("2", "3", "5")
    assert (depot["missing_low"], depot["missing"], depot["missing_high"]) == ("1", "1", "")  # "at least 1"
    market = rows["rivertown-strike--event-1"]
    assert (market["killed_low"], market["killed"], market["killed_high"]) == ("4", "4", "4")
    assert depot["casualty_source_urls"] == "https://example.org/market https://example.org/herald/depot"


@pytest.mark.parametrize("site, url, event, figures, cited", [
    ("sample", FLAGSHIP, "event-1", {"Killed": "18", "Injured": "72", "Children killed": "9"}, ["Politico Europe"]),
    ("mini", RIVERTOWN, "event-2", {"Injured": "2–5 (best estimate 3)", "Missing": "at least 1"},
     ["Test Wire", "Hillville Herald"]),
])
def test_figures_are_shown_as_reported_with_the_source_named_and_linked(sample_site, mini_site, site, url, event,
                                                                        figures, cited):
    page = soup(sample_site if site == "sample" else mini_site, url)
    block = page.find(id=event)
    assert {d.dt.get_text(): d.dd.get_text() for d in block.select(".casualties div")} == figures
    links = block.select(".figures-source a")
    assert [a.get_text() for a in links] == cited
    for link in links:
        target = page.find(id=link["href"].lstrip("#"))
        assert target is not None and target.a.get_text(strip=True) and target.a["href"].startswith("https://")


def test_every_sample_source_is_a_robust_link_with_a_dated_copy(sample_site):
    for path in sample_site.glob("2025/*/*/*/index.html"):
        page = soup(sample_site, str(path.parent.relative_to(sample_site)) + "/")
        sources = page.select(".source-list .source")
        assert sources, path
        for item in sources:
            live, copy = item.select("a")[:2]
            assert live["data-versionurl"] == copy["href"] and live["data-versiondate"] == copy["data-versiondate"]
            assert copy["data-originalurl"] == live["href"]
            assert copy["href"].startswith("https://web.archive.org/web/2025")


def test_claims_on_the_page_cite_their_source_and_show_their_status_history(mini_site):
    claim = soup(mini_site, RIVERTOWN).find(id="event-1-claim-1")
    assert claim.select_one(".claim-source a")["href"] == "#source-1"
    history = [li.get_text(" ", strip=True) for li in claim.select(".status-history li")]
    assert history[0].startswith("4 April 2025 : Unverified") and "Hillville Herald" in history[1]


def test_a_correction_is_shown_at_the_top_of_the_entry_newest_first(mini_site):
    header = soup(mini_site, RIVERTOWN).select_one("header.entry-header")
    notes = [li.get_text(" ", strip=True) for li in header.select(".entry-corrections li")]
    assert notes[0].startswith("Clarification , 8 April 2025") and notes[1].startswith("Correction , 6 April 2025")
    assert header.select_one(".entry-meta time[datetime^='2025-04-08']")  # corrections drive "Updated"


def test_a_corrected_entry_comes_back_to_the_top_of_the_feeds_as_updated(sample_site):
    for name in ("all.atom.xml", "sections/strikes.atom.xml"):
        first = feedparser.parse((sample_site / "feeds" / name).read_bytes()).entries[0]
        assert first.link.endswith(FLAGSHIP)
        assert first.updated.startswith("2025-04-07") and first.published.startswith("2025-04-06")
    item = json.loads((sample_site / "feeds/all.json").read_text(encoding="utf-8"))["items"][0]
    assert item["url"].endswith(FLAGSHIP) and item["date_modified"].startswith("2025-04-07")


def test_a_correction_is_in_the_json_ld(sample_site):
    block = soup(sample_site, FLAGSHIP).find("script", type="application/ld+json")
    document = json.loads(block.string)
    assert document["dateModified"].startswith("2025-04-07")
    assert document["correction"][0]["@type"] == "CorrectionComment"
    assert "now labelled disputed" in document["correction"][0]["text"]


def test_corrections_page_lists_every_correction_newest_first(mini_site):
    items = soup(mini_site, "corrections/").select(".corrections-log li")
    dates = [li.time["datetime"] for li in items]
    assert dates == sorted(dates, reverse=True) and len(items) == 2
    assert items[0].a["href"].endswith(RIVERTOWN)


@pytest.mark.parametrize("url, rating", [("2024/12/30/drone-season/", 5)])
def test_claims_with_a_verdict_carry_claim_review_markup(mini_site, url, rating):
    blocks = [json.loads(s.string) for s in soup(mini_site, url).find_all("script", type="application/ld+json")]
    reviews = [b for b in blocks if isinstance(b, dict) and b.get("@type") == "ClaimReview"]
    assert len(reviews) == 1 and reviews[0]["reviewRating"]["ratingValue"] == rating
    assert reviews[0]["claimReviewed"] == "Nine drones were shot down."


def test_claims_without_a_verdict_get_no_claim_review(mini_site):
    blocks = soup(mini_site, RIVERTOWN).find_all("script", type="application/ld+json")
    assert [json.loads(b.string)["@type"] for b in blocks] == ["NewsArticle"]


def test_track_record_tallies_claims_by_status(sample_site):
    section = soup(sample_site, "organisations/russian-ministry-of-defence/").select_one(".track-record")
    tally = {row.th.get_text(strip=True): row.td.get_text() for row in section.select(".tally tbody tr")}
    assert tally == {"Confirmed": "0", "Unverified": "0", "Disputed": "2", "False": "0"}
    assert len(section.select(".track-record-claims li")) == 2


def test_glossary_page_defines_every_status_the_badges_link_to(sample_site):
    page = soup(sample_site, "claims/statuses/")
    for status in CLAIM_STATUSES:
        assert status.definition in page.find(id=f"status-{status.id}").dd.get_text()
    badge = soup(sample_site, FLAGSHIP).select_one(".claim .badge")
    assert badge["href"].endswith("/claims/statuses/#status-disputed")


@pytest.mark.parametrize("repository, expected", [
    ("", None),
    ("https://example.org/archive", "https://example.org/archive/commits/HEAD/mini/articles/2025/rivertown-strike.md"),
    ("https://git.example.org/a/-/commits/main/{path}",
     "https://git.example.org/a/-/commits/main/mini/articles/2025/rivertown-strike.md"),
])
def test_entry_links_to_its_history_only_when_a_repository_is_set(tmp_path, repository, expected):
    output = build_site(FIXTURES / "mini", tmp_path / "output", REPOSITORY_URL=repository or None)
    link = soup(output, RIVERTOWN).select_one(".entry-history a")
    assert (link["href"] if link else None) == expected


def test_a_status_change_reaches_the_ledger_and_track_record_on_a_rebuild(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    output = build_site(content, tmp_path / "output")
    entry = content / "articles" / "2025" / "rivertown-strike.md"
    text = entry.read_text(encoding="utf-8").replace("        status: disputed\n        source: 1\n",
                                                     "        status: \"false\"\n        source: 1\n")
    text = text.replace("          - {date: 2025-04-05, status: disputed,",
                        "          - {date: 2025-04-05, status: \"false\",")
    entry.write_text(text, encoding="utf-8")
    build_site(content, output)
    ledger = soup(output, "claims/")
    claim = ledger.find(id="rivertown-strike--event-1-claim-1")
    assert claim["data-status"] == "false"
    tally = {row.th.get_text(strip=True): row.td.get_text()
             for row in soup(output, "organisations/defence-ministry/").select(".track-record .tally tbody tr")}
    assert tally["False"] == "1" and tally["Disputed"] == "0"
    assert soup(output, "claims/status/false/").find(id="rivertown-strike--event-1-claim-1")

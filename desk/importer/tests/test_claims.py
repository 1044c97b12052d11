"""Sentences reporting unverified or rejected claims become proposed claims with a known party."""

import pytest

from desk.importer.claims import find_claims
from desk.importer.entities import NameFinder


def claims_in(registries, paragraph):
    finder = NameFinder(registries)
    return find_claims([paragraph], [finder.mentions(paragraph)])


@pytest.mark.parametrize("paragraph, by, status, says_start", [
    ("Russia’s Defense Ministry claimed the strike hit commanders. These claims remain unverified and were "
     "rejected by Ukrainian military leadership.", "russian-ministry-of-defence", "disputed", "Russia’s"),
    ("Russia's Defence Ministry said it hit a depot, a claim that could not be independently verified.",
     "russian-ministry-of-defence", "unverified", "Russia's"),
    ("Russian security officials said they destroyed 28 drones, without providing evidence.",
     "russian-security-officials", "unverified", "Russian"),
    ("Denis Pushilin blamed Ukrainian forces. The claim was denied by Ukraine's armed forces.",
     "denis-pushilin", "disputed", "Denis"),
    ("Donald Trump said the aid had arrived, which Ukraine's air force disputed.", "donald-trump", "disputed",
     "Donald"),
])
def test_claim_sentences_become_claims_by_the_party_that_made_them(registries, paragraph, by, status, says_start):
    claims, notes = claims_in(registries, paragraph)
    assert [(c.by, c.status) for c in claims] == [(by, status)]
    assert claims[0].says.startswith(says_start) and notes == []


def test_the_marker_sentence_becomes_the_note_when_it_only_refers_back(registries):
    claims, _ = claims_in(registries, "Russia’s Defense Ministry claimed it. These claims remain unverified.")
    assert claims[0].says == "Russia’s Defense Ministry claimed it."
    assert claims[0].note == "These claims remain unverified."


@pytest.mark.parametrize("paragraph", [
    "The strike killed 18 people, officials said.",
    "The figures were confirmed by the United Nations.",
])
def test_sentences_without_a_marker_are_no_claims(registries, paragraph):
    assert claims_in(registries, paragraph) == ([], [])


def test_a_marked_claim_without_a_known_party_is_noted_not_proposed(registries):
    claims, notes = claims_in(registries, "A local blogger said the dam was hit; this could not be verified.")
    assert claims == [] and "names no person or organisation" in notes[0]

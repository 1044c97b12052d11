"""Casualty and air-defence figures read from one sentence, in English, Ukrainian and Russian."""

import pytest

from desk.importer.figures import figures_in


@pytest.mark.parametrize("sentence, expected", [
    ("Glide bombs hit Kharkiv, killing four people and wounding 23, the governor said.",
     {"killed": 4, "injured": 23}),
    ("Six of the wounded are children.", {"children_injured": 6}),
    ("The toll has increased to 18 fatalities, including nine children.", {"killed": 18, "children_killed": 9}),
    ("The death toll had risen to eighteen, nine of them children, and seventy-two people had been injured.",
     {"killed": 18, "children_killed": 9, "injured": 72}),
    ("A drone attack claimed one life and injured seven others.", {"killed": 1, "injured": 7}),
    ("Nobody was killed, the governor said.", {"killed": 0}),
    ("A drone attack overnight injured four people, among them a child.", {"injured": 4, "children_injured": 1}),
    ("The air force reported intercepting 51 of 92 Russian drones overnight.",
     {"drones_downed": 51, "drones_launched": 92}),
    ("Загинули четверо людей, ще 23 поранені, серед них шестеро дітей.",
     {"killed": 4, "injured": 23, "children_injured": 6}),
    ("Погибли два человека, ранены семь, сообщил губернатор.", {"killed": 2, "injured": 7}),
    ("Firefighters needed four hours to put out the blaze.", {}),
    ("Russian forces launched 107 drones at Ukraine overnight, and 70 were shot down.",
     {"drones_launched": 107, "drones_downed": 70}),
    ("A bomb hit a block, injuring five people, including a 10-year-old girl.",
     {"injured": 5, "children_injured": 1}),
])
def test_figures_are_read_with_number_words_and_children_attached(sentence, expected):
    assert {f.name: f.value for f in figures_in(sentence)} == expected


def test_each_figure_keeps_its_sentence():
    sentence = "Two people were killed and nine injured in Dnipro."
    assert {f.sentence for f in figures_in(sentence)} == {sentence}

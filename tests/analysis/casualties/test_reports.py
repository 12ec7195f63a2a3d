"""One article's figure for one incident: the rule shared by the grouping and the views."""

from analysis.casualties import (
    article_figure,
    extract_casualties,
    figures_to_rows,
    incident_figures,
)
from analysis.segmentation import split_sentences


def rows(text):
    return figures_to_rows(extract_casualties(text, split_sentences(text)))


def test_coordinated_parts_of_one_sentence_add_up():
    figure = article_figure(rows("A bomb in Kirkuk killed three soldiers and two civilians."))
    assert (figure.low, figure.high, figure.stated) == (5, 5, True)
    assert figure.wording == "three + two" and figure.rows == (0, 1)


def test_rival_claims_in_one_sentence_are_alternatives_never_added():
    text = ("The army said it killed 20 militants in the raid, while the health ministry said 32 "
            "people were killed.")
    found = rows(text)
    assert [r["claim"] for r in found] == [0, 1]
    figure = article_figure(found)
    assert (figure.low, figure.wording) == (32, "32")


def test_a_cumulative_toll_stands_alone_and_the_largest_unit_wins():
    text = "Gunmen killed 8 people on Friday. The death toll rose to 14 on Saturday, officials said."
    figure = article_figure(rows(text))
    assert figure.low == 14 and figure.wording == "14"


def test_open_ended_parts_leave_the_sum_open_and_vague_floors_are_not_stated():
    figure = article_figure(rows("Dozens of civilians and more than 30 soldiers were killed."))
    assert figure.high is None
    assert figure.stated is False


def test_no_rows():
    assert article_figure([]) is None


def test_incident_figures_take_the_lowest_credible_report_and_span_all():
    # "dozens" (a vague floor of 12, not stated), "at least 20" (open), "25"
    figures = incident_figures([(12, None, False), (20, None, True), (25, 25, True)])
    assert (figures.conservative, figures.low, figures.high, figures.disagree) == (20, 12, 25, True)
    only_vague = incident_figures([(100, None, False)])
    assert (only_vague.conservative, only_vague.high, only_vague.disagree) == (100, 100, False)


def test_sources_disagree_on_floors_or_on_stated_upper_bounds():
    assert not incident_figures([(11, None, True), (11, 11, True)]).disagree  # "at least 11" and "11"
    assert incident_figures([(10, 20, True), (10, 10, True)]).disagree  # "10 to 20" and "10"
    assert incident_figures([(11, 11, True), (12, 12, True)]).disagree


def test_rows_read_back_from_a_table_with_missing_cells():
    figure = article_figure([{"sent_id": 0, "low": 8, "high": float("nan"), "value": 8, "text": float("nan"),
                              "evidence": "Eight died.", "toll": None, "claim": float("nan")}])
    assert (figure.low, figure.high, figure.wording) == (8, None, "Eight died.")


def test_a_higher_toll_reported_later_supersedes_and_a_lower_later_one_does_not():
    from datetime import date

    monday, tuesday, wednesday = date(2024, 5, 6), date(2024, 5, 7), date(2024, 5, 8)
    figures = incident_figures([(9, 9, True, monday, False), (31, 31, True, tuesday, False),
                                (27, 27, True, wednesday, False)])
    assert figures.superseded == (True, False, False)  # 27 on Wednesday is a rival count, not a revision
    assert (figures.conservative, figures.best, figures.low, figures.high) == (27, 31, 27, 31)
    # Same day: only a running toll ("rose to") revises; otherwise two counts disagree.
    same_day = incident_figures([(5, 5, True, monday, False), (8, 8, True, monday, True)])
    assert same_day.superseded == (True, False) and same_day.conservative == 8
    rivals = incident_figures([(5, 5, True, monday, False), (8, 8, True, monday, False)])
    assert rivals.superseded == (False, False) and (rivals.conservative, rivals.best) == (5, 8)
    # Without a reporting time the order is unknown: only a running toll revises.
    assert incident_figures([(5, 5, True, None, False), (8, 8, True, tuesday, False)]).superseded == (False, False)
    assert incident_figures([(5, 5, True, monday, False), (8, 8, True, None, True)]).superseded == (True, False)


def test_a_later_article_repeating_a_rival_figure_does_not_revise_the_lower_one():
    from datetime import date

    thursday, friday, tuesday = date(2025, 3, 6), date(2025, 3, 7), date(2025, 3, 11)
    # The army says 5 and a security source 10 on the same day; days later a round-up repeats 10.
    figures = incident_figures([(5, 5, True, friday, False), (10, 10, True, friday, False),
                                (10, 10, True, tuesday, False)])
    assert figures.superseded == (False, False, False)
    assert (figures.conservative, figures.best) == (5, 10)
    # A figure no one gave before the lower one is a revision.
    rising = incident_figures([(5, 5, True, thursday, False), (10, 10, True, friday, False)])
    assert rising.superseded == (True, False) and rising.conservative == 10


def test_a_count_revised_from_one_figure_to_another_stands_alone():
    # The five whose deaths explain the revision are inside the 26, never added to it.
    text = ("The monitor revised its count for the raid on Sofara from 21 to 26 people killed, "
            "after it confirmed the deaths of five people whose bodies were found downstream.")
    found = rows(text)
    assert sorted(r["value"] for r in found if r["category"] == "killed") == [5, 26]
    figure = article_figure(found)
    assert figure.low == 26 and figure.wording == "26"


def test_deaths_that_together_explain_a_revision_are_inside_it():
    # Three who died in hospital and two found later make the five the revision adds; the
    # revision is read though the attack's place and date stand between "revised" and "from".
    text = ("The observatory has revised its count for the attack on a clinic in Aguaruto, on the western "
            "edge of Culiacán, Sinaloa, on the night of 5 November from 16 to 21 dead, after three of the "
            "wounded died in hospital and two bodies were found behind the building.")
    figure = article_figure(rows(text))
    assert figure.low == 21 and figure.wording == "21"

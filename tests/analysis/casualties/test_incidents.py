"""Incidents group one event's reports across sources; totals are per incident."""

from datetime import date

import pandas as pd
import pytest

from analysis.casualties import (
    assign_incidents,
    extract_casualties,
    figures_to_rows,
    group_incidents,
)
from analysis.casualties import incidents as incidents_module
from analysis.casualties.incidents import INCIDENT_COLUMNS, _days_after_attack, _named_after_places
from analysis.segmentation import split_sentences

ARTICLES = [
    ("a", "Reuters", date(2024, 3, 1),
     ("Gunmen attacked a market in the town of Jibia on Friday, killing 8 people, police said. "
      "Another 12 were wounded.")),
    ("b", "AP", date(2024, 3, 2),
     ("At least 11 people were killed in an attack on a market in the town of Jibia, including "
      "three children, residents said.")),
    ("c", "AFP", date(2024, 3, 20), "Eight people were killed in the town of Jibia in a new attack."),
    ("d", "BBC", date(2024, 3, 1), "Gunmen killed 9 people in the town of Gusau on Friday."),
]


def tables(articles):
    rows, sentence_rows = [], []
    for doc_id, _, published, text in articles:
        sentences = split_sentences(text)
        rows += figures_to_rows(extract_casualties(text, sentences), doc_id)
        sentence_rows += [{"doc_id": doc_id, "sent_id": s.sent_id, "date": published} for s in sentences]
    documents = pd.DataFrame([{"doc_id": d, "source": s, "published": p, "published_estimated": False}
                              for d, s, p, _ in articles])
    return pd.DataFrame(rows), documents, pd.DataFrame(sentence_rows)


@pytest.fixture(scope="module")
def grouped():
    casualties, documents, sentences = tables(ARTICLES)
    incidents, linked = group_incidents(casualties, documents, sentences)
    return casualties, incidents, linked


def test_same_attack_from_two_sources_is_one_incident(grouped):
    _, incidents, _ = grouped
    assert list(incidents.columns) == INCIDENT_COLUMNS
    jibia = incidents[(incidents.location == "Jibia") & (incidents.category == "killed")]
    first = jibia.sort_values("date").iloc[0]
    assert first.sources == "AP; Reuters" and first.n_sources == 2
    # The next day's "at least 11" revises the first day's 8, which stays visible, never used.
    assert (first.conservative, first.best, first.low, first.high) == (11, 11, 11, 11)
    assert not first.disagree and first.first_reported_by == "Reuters"
    assert first.revisions.index("Reuters: 8 (superseded)") < first.revisions.index("AP: At least 11")


def test_a_later_attack_and_another_town_are_separate(grouped):
    _, incidents, _ = grouped
    killed = incidents[incidents.category == "killed"]
    assert len(killed) == 3  # Jibia 1-2 March, Jibia 20 March, Gusau
    assert set(killed.location) == {"Jibia", "Gusau"}


def test_subsets_are_linked_but_never_add(grouped):
    _, incidents, linked = grouped
    subset = linked[linked.part_of]
    assert len(subset) == 1
    incident = incidents.set_index("incident_id").loc[subset.incident_id.iloc[0]]
    assert incident.low == 11 and incident.high == 11  # the 3 children are inside the 11


def test_every_figure_gets_an_incident(grouped):
    casualties, _, linked = grouped
    assert linked.incident_id.notna().all()
    assert list(assign_incidents(*tables(ARTICLES))) == list(linked.incident_id)
    assert len(linked) == len(casualties)


def test_coordinated_groups_are_one_report():
    casualties, documents, sentences = tables([
        ("x", "AP", date(2024, 1, 5), "A bomb in the city of Kirkuk killed three soldiers and two civilians."),
        ("y", "AFP", date(2024, 1, 5), "Five people were killed by a bomb in the city of Kirkuk."),
    ])
    incidents, _ = group_incidents(casualties, documents, sentences)
    assert len(incidents) == 1
    row = incidents.iloc[0]
    assert (row.conservative, row.low, row.high, row.disagree) == (5, 5, 5, False)


def test_empty_input():
    empty = pd.DataFrame(columns=["doc_id", "sent_id", "category", "low", "high", "value", "location"])
    incidents, linked = group_incidents(empty, pd.DataFrame(columns=["doc_id", "source", "published"]),
                                        pd.DataFrame(columns=["doc_id", "sent_id", "date"]))
    assert incidents.empty and list(incidents.columns) == INCIDENT_COLUMNS
    assert "incident_id" in linked.columns


def dated_tables(articles, estimated=()):
    """Like `tables`, with each sentence dated by the caller: (doc_id, source, published,
    text, sentence dates) and the doc_ids whose publication date is an estimate."""
    rows, sentence_rows = [], []
    for doc_id, _, _, text, days in articles:
        sentences = split_sentences(text)
        rows += figures_to_rows(extract_casualties(text, sentences), doc_id)
        sentence_rows += [{"doc_id": doc_id, "sent_id": s.sent_id, "date": days[min(i, len(days) - 1)],
                           "text": s.text} for i, s in enumerate(sentences)]
    documents = pd.DataFrame([{"doc_id": d, "source": s, "published": p, "published_estimated": d in estimated}
                              for d, s, p, _, _ in articles])
    return pd.DataFrame(rows), documents, pd.DataFrame(sentence_rows)


def killed(incidents):
    return incidents[incidents.category == "killed"]


def test_statistics_never_enter_incidents_nor_their_totals():
    casualties, documents, sentences = tables([
        ("s", "UN", date(2024, 7, 1), "A car bomb in the town of Baidoa killed 9 people on Sunday."),
        ("t", "UN", date(2024, 7, 1), "Some 2,400 civilians were killed in the region in the first half of the year."),
    ])
    casualties["kind"] = ["statistic" if doc == "t" else "incident" for doc in casualties.doc_id]
    incidents, linked = group_incidents(casualties, documents, sentences)
    assert killed(incidents).conservative.tolist() == [9]
    assert linked[linked.doc_id == "t"].incident_id.isna().all()
    assert not linked[linked.doc_id == "t"].superseded.any()


def test_a_rising_toll_is_one_incident_with_its_revisions_in_order():
    articles = [
        ("p", "Wire One", date(2024, 5, 3), "A suicide blast at a checkpoint in the city of Mosul killed 13 people on Friday.",
         [date(2024, 5, 3)]),
        ("q", "Wire Two", date(2024, 5, 4), "The death toll from Friday's blast in Mosul rose to 60, hospital officials said.",
         [date(2024, 5, 3)]),
        ("r", "Wire Three", date(2024, 5, 6), "The toll from the suicide bombing in Mosul climbed to 170, officials said.",
         [date(2024, 5, 3)]),
    ]
    incidents, linked = group_incidents(*dated_tables(articles))
    row = killed(incidents)
    assert len(row) == 1
    row = row.iloc[0]
    assert (row.conservative, row.best, row.low, row.high, row.n_sources) == (170, 170, 170, 170, 3)
    assert row.revisions.split("; ") == [
        "2024-05-03 Wire One: 13 (superseded)", "2024-05-04 Wire Two: 60 (superseded)",
        "2024-05-06 Wire Three: 170"]
    flags = linked[linked.category == "killed"].set_index("doc_id").superseded
    assert flags.to_dict() == {"p": True, "q": True, "r": False}


def test_a_lower_later_report_stays_credible_beside_a_higher_early_one():
    articles = [
        ("e", "Radio A", date(2024, 2, 10), "As many as 14 villagers were feared killed when raiders attacked the village of Dogo on Saturday.",
         [date(2024, 2, 10)]),
        ("f", "Radio B", date(2024, 2, 11), "Raiders killed 10 villagers in Dogo on Saturday, residents said.",
         [date(2024, 2, 10)]),
    ]
    row = killed(group_incidents(*dated_tables(articles))[0]).iloc[0]
    assert (row.conservative, row.best, row.disagree) == (10, 14, True)
    assert "(superseded)" not in row.revisions


def test_two_attacks_in_one_city_days_apart_with_similar_tolls_stay_apart():
    articles = [
        ("g", "Wire One", date(2024, 4, 2), "Shelling of a market in the city of Taiz killed 21 people on Tuesday.",
         [date(2024, 4, 2)]),
        ("h", "Wire Two", date(2024, 4, 5), "A drone strike on a wedding in the city of Taiz killed 23 people on Friday.",
         [date(2024, 4, 5)]),
        ("i", "Wire Three", date(2024, 4, 6), "An air strike on a wedding party in Taiz killed 24 people, medics said.",
         [date(2024, 4, 5)]),
    ]
    rows = killed(group_incidents(*dated_tables(articles))[0]).sort_values("date")
    assert rows.n_sources.tolist() == [1, 2]
    assert rows.conservative.tolist() == [21, 24]


def test_shelling_and_a_drone_strike_in_one_place_are_two_incidents_even_when_dates_are_vague():
    articles = [
        ("j", "Wire One", date(2024, 4, 2), "Shelling of a market in the city of Taiz killed 21 people on Tuesday.",
         [date(2024, 4, 2)]),
        ("k", "Wire Two", date(2024, 4, 3), "A drone strike on a bus in the city of Taiz killed 20 people.",
         [date(2024, 4, 1)]),
    ]
    assert len(killed(group_incidents(*dated_tables(articles, estimated={"k"}))[0])) == 2


def test_a_camp_near_a_city_is_one_scene_and_an_undated_article_matches_by_its_uncertain_date():
    articles = [
        ("m", "Aid Group", date(2024, 8, 12), "Shelling killed 11 people in Kalma camp, south of Nyala, on Monday.",
         [date(2024, 8, 12)]),
        # Undated: its publication date (and so "Monday") was estimated a week early.
        ("n", "Local Radio", date(2024, 8, 8), "Shells killed 12 people in Nyala on Monday, residents said.",
         [date(2024, 8, 5)]),
    ]
    row = killed(group_incidents(*dated_tables(articles, estimated={"n"}))[0])
    assert len(row) == 1 and row.iloc[0].n_sources == 2
    assert row.iloc[0].location == "Kalma"


def test_an_undated_report_joins_the_attack_with_its_figure_among_two_in_one_town():
    articles = [
        ("u", "Wire One", date(2025, 3, 5), "Gunmen attacked the livestock market in the town of Tera on Tuesday, killing 14 people.",
         [date(2025, 3, 4)]),
        ("v", "Wire Two", date(2025, 3, 9), "Gunmen attacked a checkpoint in the town of Tera on Saturday, killing 15 people.",
         [date(2025, 3, 8)]),
        # Undated, its publication estimated a week early: "late last week" lands days before both.
        ("w", "Monthly Review", date(2025, 3, 2), "Late last week, gunmen killed 15 people at a checkpoint in the town of Tera.",
         [date(2025, 2, 20)]),
    ]
    incidents, linked = group_incidents(*dated_tables(articles, estimated={"w"}))
    rows = killed(incidents).sort_values("date")
    assert rows.n_sources.tolist() == [1, 2] and rows.conservative.tolist() == [14, 15]
    by_doc = linked[linked.category == "killed"].set_index("doc_id").incident_id
    assert by_doc["w"] == by_doc["v"] != by_doc["u"]
    assert rows.date.tolist() == [date(2025, 3, 4), date(2025, 3, 8)]  # the dated reports' days, not the estimate's


def test_an_undated_report_between_two_equally_close_attacks_stays_apart():
    articles = [
        ("u", "Wire One", date(2025, 3, 5), "Gunmen attacked the livestock market in the town of Tera on Tuesday, killing 14 people.",
         [date(2025, 3, 4)]),
        ("v", "Wire Two", date(2025, 3, 9), "Gunmen attacked a checkpoint in the town of Tera on Saturday, killing 14 people.",
         [date(2025, 3, 8)]),
        ("w", "Monthly Review", date(2025, 3, 2), "Late last week, gunmen killed 14 people in the town of Tera.",
         [date(2025, 2, 20)]),
    ]
    assert killed(group_incidents(*dated_tables(articles, estimated={"w"}))[0]).n_sources.tolist() == [1, 1, 1]


def test_an_undated_report_naming_only_the_region_joins_the_village_attack_inside_it():
    articles = [
        ("x", "Herald", date(2025, 3, 6), "Eighteen people were killed on Wednesday when armed men attacked the village of Tougouri, in Burkina Faso.",
         [date(2025, 3, 5)]),
        # Undated: "two days ago" from an estimate; a village in a region, never named.
        ("y", "Relief Alliance", date(2025, 3, 10), "Two days ago, armed men attacked a village in the Centre-Nord region of Burkina Faso, killing at least 15 civilians.",
         [date(2025, 3, 8)]),
    ]
    incidents, _ = group_incidents(*dated_tables(articles, estimated={"y"}))
    row = killed(incidents)
    assert len(row) == 1 and row.iloc[0].n_sources == 2
    # The estimated report's order is unknown: its lower figure is not superseded.
    assert (row.iloc[0].conservative, row.iloc[0].best) == (15, 18)
    assert row.iloc[0].location == "Tougouri"


def test_a_battle_reported_over_three_days_is_one_incident():
    articles = [
        ("a", "Wire One", date(2025, 10, 6), "Fighting for the town of Qarn killed at least 17 people on Monday.",
         [date(2025, 10, 6)]),
        ("b", "Army Daily", date(2025, 10, 9), "More than 70 rebels were killed in three days of battles in the town of Qarn.",
         [date(2025, 10, 9)]),
    ]
    row = killed(group_incidents(*dated_tables(articles))[0])
    assert len(row) == 1 and row.iloc[0].n_sources == 2


def test_a_recalled_attack_in_a_later_article_joins_it():
    articles = [
        ("c", "Wire One", date(2025, 10, 7), "A drone strike on the market in the town of Sarafa killed 14 people on Tuesday.",
         [date(2025, 10, 7)]),
        ("d", "Weekly", date(2025, 10, 18), "In the town of Sarafa, the drone strike on the market, which killed 17 people, closed every shop.",
         [date(2025, 10, 18)]),
    ]
    incidents, linked = group_incidents(*dated_tables(articles))
    row = killed(incidents)
    assert len(row) == 1 and row.iloc[0].n_sources == 2
    assert row.iloc[0].date == date(2025, 10, 7)


def test_last_week_is_a_span_of_days():
    articles = [
        ("u", "Wire One", date(2024, 9, 4), "An ambush near the town of Gao killed 7 soldiers on Wednesday.",
         [date(2024, 9, 4)]),
        # "Last week" from 12 September is dated to the 2nd: the 2nd to the 8th.
        ("v", "Weekly", date(2024, 9, 12), "Last week, an ambush near Gao killed 7 soldiers.", [date(2024, 9, 2)]),
    ]
    assert len(killed(group_incidents(*dated_tables(articles))[0])) == 1


def test_earlier_in_the_week_reaches_back_from_the_day_it_was_said():
    articles = [
        ("s", "Wire One", date(2024, 9, 3), "Gunmen killed 21 people in a raid on the village of Kolo on Monday.",
         [date(2024, 9, 2)]),
        # Said on Saturday the 7th: "earlier in the week" reaches back to the 2nd.
        ("t", "Weekly", date(2024, 9, 8), "The governor said on Saturday that 25 people died in the raid on the village of Kolo "
                                           "earlier in the week.", [date(2024, 9, 7)]),
    ]
    assert len(killed(group_incidents(*dated_tables(articles))[0])) == 1
    said_only = [articles[0], ("t", "Weekly", date(2024, 9, 8), "The governor said on Saturday that 25 people "
                                                                "died in the raid on the village of Kolo.", [date(2024, 9, 7)])]
    assert len(killed(group_incidents(*dated_tables(said_only))[0])) == 2


def test_a_town_the_texts_put_in_one_province_is_not_inside_another():
    articles = [
        ("w", "Wire One", date(2024, 3, 9), "Gunmen killed 6 people in Dunga, a village in the Kogi state, on Saturday.",
         [date(2024, 3, 9)]),
        ("x", "Wire Two", date(2024, 3, 9), "Gunmen killed 6 people in Zamfara state on Saturday.", [date(2024, 3, 9)]),
        ("y", "Wire Three", date(2024, 3, 10), "Gunmen killed 6 people in Dunga village on Saturday.", [date(2024, 3, 9)]),
    ]
    rows = killed(group_incidents(*dated_tables(articles))[0])
    by_place = dict(zip(rows.location, rows.n_sources))
    assert by_place == {"Dunga": 2, "Zamfara": 1}


def _killed_incidents(texts: list[tuple[str, str]], category: str = "killed",
                      published: list[date] | None = None) -> pd.DataFrame:
    from analysis import analyze
    from analysis.document import Document

    days = published or [date(2024, 5, 8)] * len(texts)
    documents = [Document(f"d{i}", f"Report {i}", source, day, "", text)
                 for i, ((source, text), day) in enumerate(zip(texts, days))]
    incidents = analyze(documents).incidents
    return incidents[(incidents.category == category) & (incidents.kind == "incident")]


def test_a_village_the_text_puts_in_one_country_never_joins_a_report_placed_in_another():
    village = ("Wire", "Gunmen killed 12 people in the village of Gbankoro in northern Benin on Tuesday, "
                       "a local official said.")
    assert len(_killed_incidents([village, ("Post", "Twelve soldiers were killed in Togo on Tuesday, "
                                                    "the army said.")])) == 2
    assert len(_killed_incidents([village, ("Post", "Twelve people were killed in Benin on Tuesday, "
                                                    "the army said.")])) == 1


def test_a_figure_with_no_day_of_its_own_belongs_to_the_story_its_article_tells():
    first = ("Wire", "A drone struck the cattle market in Gbankoro on Friday, killing nine traders. "
                     "Fourteen people were wounded, a nurse said.")
    later = ("Post", "Nine people died when a drone hit the market in Gbankoro on Friday, residents said.\n\n"
                     "Fourteen people were wounded at the market and taken to Parakou, a local official said.")
    wounded = _killed_incidents([first, later], "injured", [date(2024, 5, 4), date(2024, 5, 8)])
    assert len(wounded) == 1 and wounded.iloc[0].n_sources == 2



def test_a_follow_up_opening_with_days_since_the_attack_dates_its_story_by_them():
    first = ("Wire", "A suicide bomber struck the Kalangai camp near Gbankoro on Monday, killing 19 people.")
    follow_up = ("Post", "GBANKORO, Benin (Post) - Nine days after a suicide bomber struck the Kalangai camp, "
                         "the market by the gate has reopened.\n\nThe attack killed 19 people, medics said.")
    published = [date(2024, 5, 7), date(2024, 5, 15)]
    assert len(_killed_incidents([first, follow_up], published=published)) == 1
    # Without the opening, the toll is told on the day of publication, too late for the attack.
    undated = ("Post", "GBANKORO, Benin (Post) - The market by the gate of the Kalangai camp has reopened."
                       "\n\nThe attack killed 19 people, medics said.")
    assert len(_killed_incidents([first, undated], published=published)) == 2


@pytest.mark.parametrize("sentence, days", [
    ("Nine days after a suicide bomber struck the camp, the stalls reopened.", 9),
    ("KIDAL, Mali (Wire) - A week since the massacre in the village, survivors buried their dead.", 7),
    ("CÚCUTA, Colombia (Wire) - A week after gunmen raided the village, it is empty.", 7),
    ("The shelling came three days after an attack on a water point.", None),  # counted from the shelling
    ("Nine days after the election, the results are still out.", None),  # no attack
])
def test_only_an_opening_counts_the_days_since_an_attack_from_the_time_of_telling(sentence, days):
    assert _days_after_attack(sentence) == days


def test_a_figure_in_a_clause_a_time_offset_opens_is_the_earlier_attack():
    raid = ("Wire", "Armed men raided the village of Dunga in Kogi state on Monday, killing 19 people.")
    ambush = ("Post", "Gunmen shot dead four traders near Lokoja on Thursday, police said. The killing came "
                      "three days after armed men killed 19 people in the village of Dunga, in the same state.")
    rows = _killed_incidents([raid, ambush], published=[date(2024, 5, 6), date(2024, 5, 9)])
    assert sorted(rows.conservative) == [4, 19] and rows.n_sources.max() == 2
    # A day of the clause's own is that attack's day, not one counted back from it.
    named = ("Post", "Gunmen shot dead four traders near Lokoja on Thursday, police said. The killing came "
                     "three days after armed men killed 19 people in Dunga on Monday.")
    rows = _killed_incidents([raid, named], published=[date(2024, 5, 6), date(2024, 5, 9)])
    assert sorted(rows.conservative) == [4, 19] and rows.n_sources.max() == 2
    # An aside saying where the place lies, and the attack's own participle, keep the clause open.
    aside = ("Post", "Gunmen shot dead four traders near Lokoja on Thursday, police said. The killing came "
                     "three days after armed men raided Dunga, about 40 km to the east, killing 19 people.")
    rows = _killed_incidents([raid, aside], published=[date(2024, 5, 6), date(2024, 5, 9)])
    assert sorted(rows.conservative) == [4, 19] and rows.n_sources.max() == 2


def test_families_keep_their_unit_and_never_join_a_count_of_people():
    texts = [("Wire", "Fighting in Gbankoro on Tuesday forced 400 families to flee, a local official said."),
             ("Post", "Some 400 people fled Gbankoro on Tuesday after the fighting, residents said.")]
    displaced = _killed_incidents(texts, "displaced")
    assert sorted(displaced["unit"].map(lambda u: u if isinstance(u, str) else "people")) == ["families", "people"]


def test_dates_at_the_calendars_ends_do_not_break_the_grouping():
    from analysis import analyze
    from analysis.document import Document

    documents = [Document("a", "", "Wire A", None, "", "-5 dead"),
                 Document("b", "", "Wire A", date(1, 1, 1), "", "9/11/2001/2002"),
                 Document("c", "", "Wire B", date(9999, 12, 31), "", "Gunmen killed 4 people in Gbankoro on Monday.")]
    assert analyze(documents).documents["doc_id"].tolist() == ["a", "b", "c"]


def test_a_toll_recalled_after_its_attack_and_the_figures_of_that_story_join_it():
    articles = [
        ("p", "Lakes Wire", date(2024, 9, 6), "Bombs struck the camp in the town of Kanyaruchinya on Friday, killing "
         "nine people and wounding 23.", [date(2024, 9, 6)]),
        ("q", "Continental Daily", date(2024, 9, 9), "Eighteen people have now died after the bombing of the camp in "
         "the town of Kanyaruchinya, the UN said on Monday. Thirty-two others were injured in the town of "
         "Kanyaruchinya, according to the office.", [date(2024, 9, 9)]),
        # A back-reference to another attack days earlier, beside the article's own story.
        ("r", "Kivu Radio", date(2024, 9, 13), "Rebels killed 14 villagers in the town of Boikene on Friday, three "
         "days after 13 people died in the town of Kanyaruchinya.", [date(2024, 9, 13)]),
    ]
    incidents, linked = group_incidents(*dated_tables(articles))
    rows = incidents.set_index(["category", "location"])
    assert rows.loc[("killed", "Kanyaruchinya"), "n_sources"] == 3
    assert rows.loc[("injured", "Kanyaruchinya"), "n_sources"] == 2
    assert rows.loc[("killed", "Boikene"), "n_sources"] == 1
    assert rows.loc[("killed", "Kanyaruchinya"), "date"] == date(2024, 9, 6)


def _with_offsets(articles):
    """`dated_tables` with each sentence's start offset, as the engine's sentences table has."""
    casualties, documents, sentences = dated_tables(articles)
    starts = []
    for _, _, _, text, _ in articles:
        starts += [s.start for s in split_sentences(text)]
    return casualties, documents, sentences.assign(start=starts)


def test_two_attacks_told_in_one_sentence_are_two_incidents_days_apart():
    articles = [
        ("a", "Wire One", date(2025, 9, 16),
         "Mortar bombs hit the town of Gwoza on Tuesday, killing 12 people, three days after 11 farmers "
         "were killed in their fields near the town.", [date(2025, 9, 16)]),
        ("b", "Wire Two", date(2025, 9, 13), "Gunmen killed 11 farmers in their fields near Gwoza on Saturday.",
         [date(2025, 9, 13)]),
    ]
    rows = killed(group_incidents(*_with_offsets(articles))[0]).sort_values("date")
    assert rows.conservative.tolist() == [11, 12]
    assert rows.n_sources.tolist() == [2, 1]


@pytest.mark.parametrize("between, days", [
    (", three days after ", -3),
    (", and a week later the shelling of a school ", 7),
    (" on Monday, the day before ", 1),
    (", and a car bomb at the junction ", 0),
    (" people, and rocket fire on a bread queue killed ", 0),
    (" people, and artillery shells hit the bakery, killing ", 0),
    (" and wounding ", None),
    (", among them ", None),
])
def test_words_between_two_figures_of_a_sentence_say_whether_they_are_two_episodes(between, days):
    from analysis.casualties.incidents import _offset_days

    assert _offset_days(between) == days


@pytest.mark.parametrize("after, days", [
    (" people died when shells hit the town three days later.", 3),
    (" more were found a week earlier, officials said.", -7),
    (" wounded, two days after the raid on the market", None),  # "after" opens the next clause
    (" wounded in the same attack.", None),
])
def test_an_offset_closing_a_figures_clause_shifts_it(after, days):
    from analysis.casualties.incidents import _trailing_offset

    assert _trailing_offset(after) == days


def test_an_attack_dated_by_the_offset_closing_its_clause_is_its_own_incident():
    articles = [
        ("a", "Wire One", date(2025, 9, 20),
         "In the town of Gwoza, 11 farmers were shot dead on Saturday, and 12 people were killed when mortar "
         "bombs hit the town three days later.", [date(2025, 9, 13)]),
        ("b", "Wire Two", date(2025, 9, 16), "Mortar bombs killed 12 people in the town of Gwoza on Tuesday.",
         [date(2025, 9, 16)]),
    ]
    rows = killed(group_incidents(*_with_offsets(articles))[0]).sort_values("date")
    assert rows.conservative.tolist() == [11, 12]
    assert rows.n_sources.tolist() == [1, 2]


def test_a_station_tagged_as_a_place_is_no_scene():
    from analysis.casualties.incidents import _names_an_outlet

    assert _names_an_outlet("Radio Tusmo") and _names_an_outlet("Sahel Times")
    assert not _names_an_outlet("Beledweyne") and not _names_an_outlet("Port Sudan")


def test_a_recap_of_two_attacks_dated_only_by_later_joins_each_attack():
    articles = [
        ("a", "Wire One", date(2025, 7, 8), "A roadside bomb killed 9 people on a minibus in Beledweyne on Tuesday.",
         [date(2025, 7, 8)]),
        ("b", "Wire One", date(2025, 7, 11), "Mortar fire on the market in Beledweyne killed 10 people on Friday.",
         [date(2025, 7, 11)]),
        # The timeline reads "three days later" from the publication date: a day after it.
        ("c", "Monitor", date(2025, 7, 14), "A roadside bomb killed 9 on a minibus in Beledweyne and, three days "
         "later, a mortar attack on the market in the town killed 10.", [date(2025, 7, 17)]),
    ]
    rows = killed(group_incidents(*_with_offsets(articles))[0]).sort_values("date")
    assert rows.conservative.tolist() == [9, 10]
    assert rows.n_sources.tolist() == [2, 2]


def test_a_place_with_diacritics_meets_the_place_the_texts_put_around_it():
    texts = [("Wire", "Gunmen killed 14 people in Kpélé, in the commune of Sotouboua, on Tuesday, police said."),
             ("Post", "The toll from Tuesday's raid near Sotouboua rose to 17 on Wednesday, the mayor said.")]
    killed_rows = _killed_incidents(texts, "killed", [date(2024, 5, 8), date(2024, 5, 9)])
    assert len(killed_rows) == 1 and killed_rows.iloc[0].n_sources == 2


def test_a_recap_of_two_attacks_naming_no_day_joins_the_attacks_told_before():
    first = ("Wire", "A car bomb killed 11 people at the market in Tessit on Monday, the army said.")
    recap = ("Weekly", "In Tessit, a car bomb killed 11 people at the market, and a mortar attack on the "
                       "army camp killed 4, officials said.")
    killed_rows = _killed_incidents([first, recap], "killed", [date(2024, 5, 6), date(2024, 5, 10)])
    market = killed_rows[killed_rows.conservative == 11]
    assert len(market) == 1 and market.iloc[0].n_sources == 2


def test_a_loosely_dated_report_stating_one_corroborated_incidents_exact_toll_joins_it():
    bombing = [("Wire", "A car bomb exploded at the Bakara crossroads in Mogadishu on Tuesday, killing 17 people, "
                        "police said."),
               ("Post", "The toll from the car bomb at the Bakara crossroads in Mogadishu on Tuesday stood at 17, "
                        "hospital staff said.")]
    memorial = ("Radio", "Mourners gathered at the Daynile cemetery for the victims of last week's bombing, "
                         "which killed 17 people.")
    published = [date(2024, 5, 7), date(2024, 5, 8), date(2024, 5, 13)]
    rows = _killed_incidents([*bombing, memorial], published=published)
    assert len(rows) == 1 and rows.iloc[0].n_sources == 3
    # Two corroborated bombings with that toll in its days: the memorial could be for either.
    raid = [("Wire", "A suicide bomber killed 17 people at a mosque in Afgooye on Wednesday, elders said."),
            ("Post", "Elders in Afgooye said the bombing of the mosque had killed 17 worshippers on Wednesday.")]
    rows = _killed_incidents([*bombing, *raid, memorial],
                             published=[*published[:2], date(2024, 5, 9), date(2024, 5, 9), published[2]])
    assert len(rows) == 3 and sorted(rows.n_sources) == [1, 2, 2]


def test_a_figure_takes_the_day_its_casualty_verb_is_told_with_when_its_sentence_names_two():
    first = ("Wire", "Gunmen shot dead 3 farmers in the village of Kolo on Sunday, police said.")
    march = ("Weekly", "Villagers marched in the village of Kolo on Wednesday to demand justice for the "
                       "3 farmers who were shot dead on Sunday.")
    killed_rows = _killed_incidents([first, march], "killed", [date(2024, 9, 9), date(2024, 9, 12)])
    assert len(killed_rows) == 1 and killed_rows.iloc[0].n_sources == 2
    assert killed_rows.iloc[0].date == date(2024, 9, 8)


def test_a_calendar_date_anchors_its_sentence_over_a_weekday_in_a_name():
    recalled = ("Weekly", "On 6 March 2023, a bomb at the Monday market in the town of Dikwa killed 14 people.")
    rows = _killed_incidents([recalled], "killed", [date(2025, 9, 13)])
    assert rows.iloc[0].date == date(2023, 3, 6)


def test_a_district_named_by_an_adjective_is_written_as_the_place_it_is_named_after():
    places = {1: "Saltivskyi district", 2: "Saltivka", 3: "Kramatorskyi", 4: "Kramatorsk", 5: "Bakhmutskyi district",
              6: None}
    assert _named_after_places(places) == {1: "Saltivka", 2: "Saltivka", 3: "Kramatorsk", 4: "Kramatorsk",
                                           5: "Bakhmutskyi district", 6: None}  # no Bakhmut named: left as it is


def test_two_attacks_one_article_dates_to_days_of_their_own_are_two_reports():
    market = ("Wire", "Shells hit the school in Gbankoro on Monday, killing seven people, officials said.")
    queue = ("Post", "GBANKORO - Rockets struck a bread queue in Gbankoro on Thursday, killing at least six "
                     "people. Monday's attack on the school killed seven people, most of them children.")
    rows = _killed_incidents([market, queue], published=[date(2024, 5, 6), date(2024, 5, 9)])
    assert sorted(rows.conservative) == [6, 7] and rows.n_sources.max() == 2
    # A day something was said on is not an attack's day: the army's lead and its later
    # sentence are one report of the same assault.
    army = ("Post", "The army said on Sunday it had repelled an assault on its base in Gbankoro, killing 31 of "
                    "the attackers. Four of its soldiers were killed in the attack on Saturday morning.")
    rows = _killed_incidents([army], published=[date(2024, 5, 12)])
    assert len(rows) == 1


def test_a_report_dated_only_to_this_month_joins_the_attack_it_recalls():
    attack = ("Wire", "Gunmen killed five truffle hunters near Akashat on Tuesday, officials said.")
    review = ("Post", "In a separate attack in the western desert this month, gunmen killed five truffle hunters "
                      "near Akashat.")
    rows = _killed_incidents([attack, review], published=[date(2026, 2, 10), date(2026, 2, 24)])
    assert rows.conservative.tolist() == [5] and rows.n_sources.tolist() == [2]


def test_a_report_dated_to_the_end_of_the_month_joins_the_attack_it_recalls():
    attack = ("Wire", "Gunmen killed five truffle hunters near Akashat on Tuesday, officials said.")
    review = ("Post", "At the end of the month, gunmen killed five truffle hunters near Akashat, the monitor said.")
    rows = _killed_incidents([attack, review], published=[date(2026, 2, 24), date(2026, 3, 4)])
    assert rows.conservative.tolist() == [5] and rows.n_sources.tolist() == [2]


def test_a_figure_takes_the_day_the_sentence_before_it_names():
    bulletin = ("Command", "The Command announces that on Tuesday 10 February 2026, a gang attacked truffle hunters "
                           "south of Akashat. The cowardly attack led to the martyrdom of five citizens.")
    wire = ("Wire", "Gunmen killed five truffle hunters near Akashat on Tuesday, officials said.")
    rows = _killed_incidents([wire, bulletin], published=[date(2026, 2, 10), date(2026, 2, 13)])
    assert rows.conservative.tolist() == [5] and rows.n_sources.tolist() == [2]


def test_a_figure_takes_the_week_a_sentence_before_it_in_its_paragraph_names():
    """Published a week on, a paragraph recalls an attack "last week" and gives its toll two
    sentences later: the toll is that week's, so it joins the attack's own report."""
    attack = ("Wire", "Gunmen attacked a truffle hunters' camp near Akashat on Tuesday, killing five of them, "
                      "officials said.")
    later = ("Post", "A roadside bomb killed three soldiers near Rutba on Sunday.\n\n"
                     "The army has stepped up operations since gunmen attacked a truffle hunters' camp near Akashat "
                     "last week. Relatives now say the gunmen took 14 men, not nine as first reported. Five members "
                     "of the group were killed in the attack.")
    rows = _killed_incidents([attack, later], published=[date(2026, 2, 10), date(2026, 2, 16)])
    assert sorted(zip(rows.conservative, rows.n_sources)) == [(3, 1), (5, 2)]
    # A sentence naming another date in between ends the search: the toll is not last week's.
    between = ("Post", "A roadside bomb killed three soldiers near Rutba on Sunday.\n\n"
                       "Gunmen attacked a truffle hunters' camp near Akashat last week. In 2024, the army cleared "
                       "the valley. Five members of the group were killed in the attack.")
    rows = _killed_incidents([attack, between], published=[date(2026, 2, 10), date(2026, 2, 16)])
    assert sorted(zip(rows.conservative, rows.n_sources)) == [(3, 1), (5, 1), (5, 1)]


def test_each_clause_of_a_sentence_keeps_its_own_calendar_date():
    review = ("Monitor", "Mortar fire on the cattle market in Muqdadiyah on 9 February killed 7 people; a bomb in a "
                         "café in Muqdadiyah on 12 February killed 8.")
    cafe = ("Wire", "A bomb exploded in a café in Muqdadiyah on Thursday 12 February, killing 8 people.")
    rows = _killed_incidents([review, cafe], published=[date(2026, 2, 28), date(2026, 2, 13)])
    assert sorted(zip(rows.conservative, rows.n_sources)) == [(7, 1), (8, 2)]


def test_a_review_ranking_an_attack_recalls_it():
    raid = ("Wire", "Gunmen stormed the village of Dumburum in Zamfara state on Tuesday, killing 33 people.")
    review = ("Monitor", "Bandit violence spread across the north-west in October. The deadliest single attack was "
                         "the raid on Dumburum, where bandits killed 33 people and abducted dozens.")
    rows = _killed_incidents([raid, review], published=[date(2025, 10, 7), date(2025, 10, 31)])
    assert rows.conservative.tolist() == [33] and rows.n_sources.tolist() == [2]


def test_an_incident_first_told_by_its_province_is_found_by_the_town_a_later_report_names():
    province = ("Wire", "A car bomb exploded beside a market in Syria's Idlib province on Tuesday, killing at "
                        "least eight people, a monitor said.")
    town = ("Radio", "A car bomb in Sarmada, a town in Idlib province, killed 11 people on Tuesday morning, the "
                     "civil defence said.")
    later = ("Post", "In Sarmada, the market reopened yesterday for the first time since last Tuesday's car bomb, "
                     "which killed 17 people.")
    rows = _killed_incidents([province, town, later],
                             published=[date(2026, 1, 6), date(2026, 1, 6), date(2026, 1, 13)])
    assert rows.conservative.tolist() == [17] and rows.n_sources.tolist() == [3]


def test_a_figure_after_and_with_its_own_later_day_is_another_attack():
    review = ("Monitor", "In Michoacán, gunmen killed eight people at a bar on the outskirts of Apatzingán on "
                         "13 November and nine at a cantina in the city centre four days later.")
    bar = ("Wire", "Gunmen killed eight people at a bar outside Apatzingán on Friday 13 November.")
    cantina = ("Post", "Gunmen killed nine people at a cantina in Apatzingán on Tuesday 17 November.")
    rows = _killed_incidents([review, bar, cantina],
                             published=[date(2026, 11, 24), date(2026, 11, 13), date(2026, 11, 17)])
    assert sorted(zip(rows.conservative, rows.n_sources)) == [(8, 2), (9, 2)]


def test_words_after_while_tell_no_kind_of_attack_of_the_figure_before_them():
    review = ("Monitor", "In Michoacán, gunmen killed eight people at a bar in Apatzingán on 13 November and nine "
                         "at a cantina in the city centre four days later, while villages around Aguililla have "
                         "come under attack from drones carrying explosives.")
    cantina = ("Wire", "The toll from Tuesday's shooting at a cantina in Apatzingán has risen to nine, "
                       "prosecutors said.")
    rows = _killed_incidents([review, cantina], published=[date(2026, 11, 24), date(2026, 11, 18)])
    assert sorted(zip(rows.conservative, rows.n_sources)) == [(8, 1), (9, 2)]


def test_a_roundups_figures_with_no_day_of_their_own_join_the_attacks_they_recall():
    ravine = ("Wire", "The bodies of 13 men were pulled from a ravine outside Chilpancingo on Sunday, "
                      "prosecutors said.")
    roundup = ("Review", "A string of mass killings across three states this month has put new pressure on the "
                         "government. In Guerrero, the bodies of 13 transport workers were pulled from a ravine "
                         "outside Chilpancingo.")
    rows = _killed_incidents([ravine, roundup], published=[date(2026, 11, 8), date(2026, 11, 24)])
    assert rows.conservative.tolist() == [13] and rows.n_sources.tolist() == [2]


def test_a_town_attack_joins_a_province_incident_only_on_a_shared_kind_of_attack():
    # The army's toll in a province names no attack; a car bomb in a town of another outlet
    # the same day is not it, though the province may hold the town.
    army = ("Army", "The army said its troops killed 40 militants in Lower Shabelle on Friday.")
    bomb = ("Wire", "A car bomb exploded at a checkpoint near Bakara market in Mogadishu on Friday, killing 20 "
                    "people.")
    rows = _killed_incidents([army, bomb], published=[date(2024, 3, 9), date(2024, 3, 9)])
    assert sorted(zip(rows.conservative, rows.n_sources)) == [(20, 1), (40, 1)]
    # A province report that tells the same kind of attack still takes in the town's.
    province = ("Radio", "A car bomb killed 18 people in Lower Shabelle on Friday, officials said.")
    town = ("Wire", "A car bomb exploded at a market in Afgooye on Friday, killing 20 people.")
    rows = _killed_incidents([province, town], published=[date(2024, 3, 9), date(2024, 3, 9)])
    assert rows.n_sources.tolist() == [2]


def _dated_incident(place: str | None, doc_id: str) -> incidents_module._Incident:
    report = incidents_module._Report(doc_id=doc_id, source=doc_id, published=date(2026, 3, 2), category="killed",
                                      location=place, day=date(2026, 3, 1), cumulative=False, low=9)
    report.set_uncertainty(0, 0)
    incident = incidents_module._Incident()
    incident.add(report)
    return incident


def _estimated_report(place: str) -> incidents_module._Report:
    report = incidents_module._Report(doc_id="later", source="later", published=None, category="killed",
                                      location=place, day=date(2026, 3, 4), cumulative=False, low=10,
                                      estimated=True)
    report.set_uncertainty(7, 7)
    return report


def test_a_report_dated_by_an_estimate_meets_only_incidents_whose_places_may_take_it():
    places = ["Culiacán", "Sinaloa", "Helmand", "Lashkar Gah", None]
    found = {place: _dated_incident(place, f"a{n}") for n, place in enumerate(places)}
    geography = incidents_module._Geography({})
    dated = incidents_module._DatedIncidents(list(found.values()), geography)

    def met(place: str) -> set:
        return {incident.first_location for incident in dated.near(_estimated_report(place))}

    assert met("Culiacán") == {"Culiacán", "Sinaloa"}  # the town, and a province that may hold it
    assert met("Sinaloa") == {"Culiacán", "Sinaloa", None}  # a province: any place it may hold
    assert met("Helmand") == {"Helmand", "Lashkar Gah", None}
    for place in ("Culiacán", "Sinaloa", "Helmand", "Lashkar Gah"):  # never fewer than could take the report
        report = _estimated_report(place)
        fitting = {id(i) for i in found.values()
                   if i.first_location and incidents_module._fits_loosely(report, i, geography)}
        assert fitting <= {id(i) for i in dated.near(report)}


@pytest.mark.parametrize("before, after, days", [
    ("killing 11 at the ferry landing on 3 May and ", "8 at the school on 6 May.", 3),
    ("killing 11 on May 6 and ", "8 on May 3.", -3),
    ("killing 11 on 3 May and ", "8 more on 3 May.", None),  # one day: one episode
    ("killing 11 at the ferry landing and ", "8 at the school.", None),
])
def test_two_figures_told_with_their_own_days_of_the_month_are_that_many_days_apart(before, after, days):
    from analysis.casualties.incidents import _days_between_named

    assert _days_between_named(before, after) == days


def test_a_datelines_day_does_not_date_the_attack_its_sentence_names():
    """Filed on Wednesday 10 April about Sunday's bombing: the bombing is Sunday's, so it joins
    Sunday's own report, and not a blast in another town on the filing day."""
    sunday = ("Wire", "A suicide bomber killed 12 people at a wedding hall in Dorra on Sunday, police said.")
    filed = ("Agency", "DORRA, April 10 (AG) - The toll from Sunday's bombing of a wedding hall in Dorra rose to 15.")
    incidents = _killed_incidents([sunday, filed], published=[date(2024, 4, 7), date(2024, 4, 10)])
    assert incidents.n_sources.tolist() == [2]
    assert incidents.date.tolist() == [date(2024, 4, 7)]


def test_a_figure_after_a_datelined_lead_belongs_to_the_day_the_lead_names():
    """The lead of an article filed on Wednesday tells Sunday's bombing after its dateline; the
    wounded in the next sentence, said on Wednesday, are Sunday's too."""
    sunday = ("Wire", "A suicide bomber killed 12 people at a wedding hall in Dorra on Sunday, wounding 30, "
                      "police said.")
    filed = ("Agency", "DORRA, April 10 (AG) - The toll from Sunday's bombing of a wedding hall in Dorra rose "
                       "to 15.\n\nAnother 34 people were wounded, the officials said on Wednesday.")
    incidents = _killed_incidents([sunday, filed], category="injured",
                                  published=[date(2024, 4, 7), date(2024, 4, 10)])
    assert incidents.n_sources.tolist() == [2]
    assert incidents.date.tolist() == [date(2024, 4, 7)]


def test_a_toll_no_sentence_dates_may_be_news_of_the_days_before_publication():
    """A follow-up three days on gives the new toll without a day: it is the bombing's. One
    telling its own day (Tuesday, the day it was published) is another attack."""
    saturday = ("Wire", "A car bomb killed 12 people at the market in Dorra on Saturday, police said.")
    follow_up = ("Post", "The toll from the car bomb at the market in Dorra rose to 15, hospital officials said.")
    rows = _killed_incidents([saturday, follow_up], published=[date(2024, 4, 6), date(2024, 4, 9)])
    assert rows.n_sources.tolist() == [1 + 1] and rows.conservative.tolist() == [15]
    tuesday = ("Post", "A car bomb killed 14 people at the market in Dorra on Tuesday, police said.")
    rows = _killed_incidents([saturday, tuesday], published=[date(2024, 4, 6), date(2024, 4, 9)])
    assert sorted(rows.conservative.tolist()) == [12, 14]


def test_captives_counted_as_still_held_recall_their_abduction():
    from analysis.casualties.incidents import _recalled

    def row(sentence: str, figure: str) -> dict:
        return {"evidence": sentence, "text": figure}

    assert _recalled(row("The mayor of Dioura and four councillors remain in the hands of their kidnappers.", "four"))
    assert _recalled(row("Twelve passengers are still missing, their families said.", "Twelve"))
    assert not _recalled(row("Gunmen abducted 12 passengers on the road to Khanabad on Friday.", "12"))


def test_two_attacks_named_in_one_clause_list_are_two_episodes():
    from analysis.casualties.incidents import _offset_days

    assert _offset_days(" killed) and the assault on the bus terminal (") == 0
    assert _offset_days(" killed) and the bombing of the market (") == 0


def test_a_period_that_ranks_an_attack_does_not_date_it_to_the_periods_first_day():
    sunday = ("Wire", "A suicide bomber killed 21 people at a school in Dorra on Sunday, police said.")
    recap = ("Post", "Police closed the market in Dorra. The attack on the school in Dorra killed 21 people, "
                     "the deadliest assault on the town this year.")
    incidents = _killed_incidents([sunday, recap], published=[date(2024, 4, 7), date(2024, 4, 10)])
    assert incidents.n_sources.tolist() == [2]
    old = ("Post", "In June 2023, an attack on the school in Dorra killed 21 people.")
    assert len(_killed_incidents([sunday, old], published=[date(2024, 4, 7), date(2024, 4, 10)])) == 2


def test_an_attack_told_after_a_figure_by_its_offset_lends_it_no_kind_of_attack():
    from analysis.casualties.incidents import _events, _without_other_episode

    row = {"evidence": "Gunmen opened fire in a bar in Dorra on Friday, killing nine people, two days after "
                       "a drone strike on the market, police said.", "text": "nine people"}
    words = _without_other_episode(row)
    assert "drone" not in words and "police said" in words
    assert _events(words) == _events("Gunmen opened fire in a bar, killing nine people.")
    recalled = {"evidence": "Two days after the drone strike, the toll rose to 19.", "text": "19"}
    assert _without_other_episode(recalled) == recalled["evidence"]  # the offset comes before the figure

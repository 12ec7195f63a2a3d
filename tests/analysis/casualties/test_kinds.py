"""Whether a figure is one incident's toll or a statistic, on sentences written for these tests."""

import pytest

from analysis.casualties.kinds import (
    INCIDENT,
    STATISTIC,
    clean_issuer,
    find_issuer,
    gives_parts,
    has_rate,
    has_stock,
    is_long_period,
    is_short_period,
    sentence_kind,
)
from analysis.casualties.period import find_period


def kind_of(sentence: str, **context) -> str:
    return sentence_kind(sentence, find_period(sentence), **context)


@pytest.mark.parametrize("sentence", [
    "A roadside bomb killed seven soldiers near the bridge on Friday, the army said.",
    "Gunmen stormed the clinic overnight and killed four nurses.",
    "Clashes in the old town killed 11 people in the past 48 hours, residents said.",
    "Last week, mortar rounds killed nine people queuing for bread, according to aid workers.",
    "The bombing last month killed 23 worshippers, the ministry said.",
    "The death toll from the ferry attack rose to 31 on Sunday.",
    "It was one of the deadliest raids on the province since the uprising began, with 18 killed.",
])
def test_episodes_are_incidents(sentence):
    assert kind_of(sentence) == INCIDENT


@pytest.mark.parametrize("sentence", [
    "The insurgency has killed more than 9,000 people since 2019, a rights group estimates.",
    "In the first half of 2023, 640 civilians were killed in the province.",
    "Since March, 210,000 people have fled the coastal districts.",
    "Between February and May at least 380 people were wounded, the agency said.",
    "The neighbouring republic now hosts 1.2 million refugees.",
    "Surgeons there treat an average of 14 wounded people every day.",
    "About 60 people are killed a week in the eastern provinces.",
    "At least 45 people have been detained across the country, lawyers said.",
    "The general staff said on Monday the enemy had lost 900 troops killed or wounded along the entire front line.",
    "Four separate attacks on villages killed 52 people.",
    "So far this year 117 aid workers have been killed.",
    "More than 4,000 civilians have been killed by the army since the 2021 coup, a rights group said.",
    "Troops killed 38 rebels in clashes in the week to March 9, the army said.",
    "Over 60 people were killed in air raids across the north in the past fortnight.",
    "A total of 44 civilians were killed in 9 airstrikes, the monitor said.",
    "Soldiers killed 70 insurgents in a series of operations, the military said.",
    "The militia has carried out more than 1,200 raids, killing 1,900 villagers.",
    "During the dry season, raiders killed 140 herders in the border districts, the monitor said.",
    "The movement says it has killed 700 troops since taking up arms.",
    "Police have detained 2,300 people since the curfew was imposed.",
    "Shelling has killed 210 people since the full-scale offensive, officials say.",
    "Militias killed 1,150 people in the twelve months to June, a tracker found.",
    "The siege, now in its third month, has cost 640 lives in the old city.",
    "About 3,100 of those abducted remain unaccounted for, families say.",
    "The camp counts 210,000 refugees from across the border.",
    "Drone strikes across Tigray killed 57 people over the past 24 hours, health officials said.",
    "Mines killed 95 people in the province, according to the monitor's annual report.",
])
def test_totals_stocks_and_rates_are_statistics(sentence):
    assert kind_of(sentence) == STATISTIC


def test_a_breakdown_after_a_statistic_is_a_statistic():
    breakdown = "Of these, 300 were killed in the north and 120 in the south."
    assert kind_of(breakdown, after_statistic=True) == STATISTIC
    assert kind_of(breakdown, after_statistic=False) == INCIDENT


def test_an_issuer_with_a_period_makes_a_statistic_but_alone_does_not():
    assert kind_of("The United Nations said 14 people died in the attack on the convoy.") == INCIDENT
    assert kind_of("Over the last six months 800 people were killed, according to a UN report.") == STATISTIC


@pytest.mark.parametrize("period, short", [
    ("in the last 24 hours", True), ("overnight", True), ("since Monday", True),
    ("in the past three days", True), ("since January", False), ("this year", False),
    ("in the first half of 2022", False), ("since the war began", False),
])
def test_short_and_long_periods(period, short):
    assert is_short_period(period) is short
    assert is_long_period(period) is (not short)


def test_rate_cues_ignore_outlet_names_and_day_after():
    assert has_rate("Thirty people die every week in the camps.")
    assert not has_rate("The Coastal Daily Herald said nine people were killed.")
    assert not has_rate("A day after the attack, 12 bodies were found.")


def test_stock_cues():
    assert has_stock("The island is home to 90,000 displaced people.")
    assert has_stock("Some 4,000 people remain missing.")
    assert not has_stock("The blast killed 12 people at the depot.")


@pytest.mark.parametrize("sentence, issuer", [
    ("More than 3,000 were killed in 2022, according to figures compiled by the UN mission.", "UN mission"),
    ("The Red Cross said 40 detainees had died since April.", "Red Cross"),
    ("The shelling killed five people, a witness told reporters.", None),
])
def test_find_issuer(sentence, issuer):
    assert find_issuer(sentence) == issuer


def test_clean_issuer_drops_report_words_and_non_names():
    assert clean_issuer("data released by the health ministry") == "health ministry"
    assert clean_issuer("the statement") is None
    assert clean_issuer(None) is None


@pytest.mark.parametrize("sentence, kind", [
    ("In 2022, 500 people were killed in the province, according to the UN mission.", STATISTIC),
    ("In May, 340 civilians were wounded in the north.", STATISTIC),
    ("The ambush in May killed 30 soldiers.", INCIDENT),
    ("A mortar strike in 2019 killed six children at the school.", INCIDENT),
])
def test_a_month_or_year_is_a_total_unless_it_dates_a_named_episode(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("sentence, kind", [
    ("Some 2,600 people have died in the war, officials estimate.", STATISTIC),
    ("Nearly 900,000 people are internally displaced in the two provinces.", STATISTIC),
    ("The weekly toll of 40 dead has barely changed.", STATISTIC),
    ("Thousands of families were displaced by the flooding of the camp on Friday.", INCIDENT),
    ("Three fighters were killed in the fighting near the ridge on Thursday.", INCIDENT),
])
def test_war_wide_counts_stocks_and_weekly_tolls(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("sentence, kind", [
    ("The UN says more than 2,000 civilians have been killed in the province.", STATISTIC),
    ("A rights group said 75 activists have been abducted.", STATISTIC),
    ("The UN said 14 people have been killed in an attack on a convoy.", INCIDENT),
    ("Police said 14 people have been killed in the town.", INCIDENT),
    ("UNICEF said nine children have died since Tuesday.", INCIDENT),
])
def test_an_institutions_running_count_is_a_statistic(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("sentence, period", [
    ("Between 1 January and 30 June, 700 were killed.", "Between 1 January and 30 June"),
    ("From January 1 to June 30, 2023, 700 were killed.", "From January 1 to June 30, 2023"),
    ("Between January and the end of June, 700 were killed.", "Between January and the end of June"),
])
def test_spans_with_days_of_the_month(sentence, period):
    assert find_period(sentence) == period
    assert kind_of(sentence) == STATISTIC


@pytest.mark.parametrize("sentence, kind", [
    ("Since the rebels took the port, 900 people have been killed, a charity said.", STATISTIC),
    ("Shelling has killed 600 people since the army launched its offensive.", STATISTIC),
    ("Four people have died since fighting erupted on Saturday, medics said.", INCIDENT),
    ("Eleven people have died since the blast on Wednesday.", INCIDENT),
    ("The militia killed at least 3,000 villagers between 2016 and 2020.", STATISTIC),
    ("The governor said 700 people had been killed in raids in recent months.", STATISTIC),
    ("Roughly 800 died in two weeks of fighting around the airport.", STATISTIC),
])
def test_spans_opened_by_a_clause_or_given_in_years_or_weeks(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("sentence, kind", [
    ("A total of 950 people have been killed in the district, local officials said.", STATISTIC),
    ("Hospitals have recorded 410 deaths from gunshot wounds, the health office said.", STATISTIC),
    ("The militia has killed at least 700 farmers, according to a civil society group.", STATISTIC),
    ("A total of 14 people were killed in the ambush on the bridge.", INCIDENT),
    ("Twelve people have been killed, police said on Tuesday.", INCIDENT),
])
def test_tallies_and_counting_verbs_make_running_counts(sentence, kind):
    assert kind_of(sentence) == kind



@pytest.mark.parametrize("sentence, kind", [
    ("A shell hit the town's weekly market on Friday, killing nine traders.", INCIDENT),
    ("The daily toll in the enclave has fallen to about 20.", STATISTIC),
    ("Civilians are killed daily in the suburbs, residents say.", STATISTIC),
])
def test_daily_and_weekly_are_rates_only_of_counts(sentence, kind):
    assert kind_of(sentence) == kind


def test_a_share_of_a_statistic_is_a_statistic():
    share = "The eastern provinces accounted for 410 of the deaths, the report said."
    assert kind_of(share, after_statistic=True) == STATISTIC


@pytest.mark.parametrize("sentence, kind", [
    ("Police have killed more than 900 protesters since the takeover, a rights group says.", STATISTIC),
    ("The army said it had killed 800 rebels in operations during the month.", STATISTIC),
    ("Roughly 600 people died in the battle for the port over five weeks.", STATISTIC),
    ("It was the deadliest raid on the district since the coup, with 19 dead.", INCIDENT),
    ("The shell killed six people in the month's third attack on the clinic.", INCIDENT),
    ("A mine killed two boys near the well, a week after a similar blast.", INCIDENT),
])
def test_eras_months_and_weeks_of_fighting(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("sentence, kind", [
    # A count up to now, war-sized or caused by the conflict as a whole, with no episode or day.
    ("Rebels have killed more than 3,000 people in the province.", STATISTIC),
    ("Close to 800,000 people have been displaced by the violence.", STATISTIC),
    ("Some 300 civilians have been killed in the war in the east, the monitor said.", STATISTIC),
    # An attack told in the present perfect stays one incident, and so does a battle.
    ("Gunmen have killed at least 12 people in an attack on a village, officials said on Sunday.", INCIDENT),
    ("At least 30 people have been killed in the fighting for the town.", INCIDENT),
    # Still missing after an attack named with its day: that attack's toll, not a stock.
    ("Nine fishermen remain missing after gunmen raided the landing site on Sunday.", INCIDENT),
])
def test_counts_up_to_now_by_their_size_and_cause(sentence, kind):
    from analysis.casualties import extract_casualties
    from analysis.segmentation import split_sentences

    assert {f.kind for f in extract_casualties(sentence, split_sentences(sentence))} == {kind}


@pytest.mark.parametrize("sentence, kind", [
    # A period ranked ("the bloodiest month"), a share of a total, a campaign's count up to now.
    ("October was the bloodiest month for Kharkiv's civilians in a year, with 96 killed, monitors said.", STATISTIC),
    ("The second quarter was the worst for aid workers since records began, with 61 killed.", STATISTIC),
    ("Nord-Kivu was once more the deadliest province, with 212 deaths in the quarter's tally.", STATISTIC),
    ("Ituri (140 killed) and Tanganyika (61) recorded the highest numbers of civilian deaths.", STATISTIC),
    ("Militias were behind more than half of the 3,400 civilian killings the monitor recorded.", STATISTIC),
    ("About 30 percent of the 900,000 displaced in Ituri live in schools.", STATISTIC),
    ("The group's campaign against the river towns has cost more than 700 lives, residents say.", STATISTIC),
    ("Airstrikes on the delta villages killed 41 people over the course of the week.", STATISTIC),
    ("The insurgents left 600 dead across the two districts over the dry season, a monitor said.", STATISTIC),
    # Look-alikes that name one episode.
    ("It was the deadliest attack of the year, killing 31 people at the bus station.", INCIDENT),
    ("Most of the 14 killed in Tuesday's blast were children.", INCIDENT),
    ("So far, 52 bodies have been pulled from the rubble of the bombing, the governor said.", INCIDENT),
    ("Some 20 villagers are still missing a week after gunmen raided Kumbo.", INCIDENT),
    ("The ambush, which killed 17 soldiers, was the worst in a war that has killed thousands.", INCIDENT),
])
def test_ranked_periods_shares_and_campaigns_against_one_episode(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("coverage", [
    "The report covers the period from April to September.",
    "The researchers examined every killing recorded in the two provinces during 2023.",
    "The ministry's figures run from the start of the rainy season in June.",
    "September was the worst month of the year in the north.",
])
def test_figures_after_a_sentence_stating_a_reports_period_are_that_periods(coverage):
    from analysis.casualties.kinds import states_coverage

    assert states_coverage(coverage)
    figure = "They documented 412 killings of civilians."
    assert kind_of(figure, after_coverage=True) == STATISTIC
    assert kind_of("Gunmen killed 12 people in Mopti on Sunday.", after_coverage=True) == INCIDENT


def test_a_report_period_carries_to_the_next_sentence_in_extraction():
    from analysis.casualties import extract_casualties
    from analysis.segmentation import split_sentences

    text = "The bulletin covers January to March. It found that 640 civilians were killed in the region."
    found = extract_casualties(text, split_sentences(text), use_kind_model=False)
    assert [(f.value, f.kind) for f in found] == [(640, STATISTIC)]
    alone = "It found that 640 civilians were killed in the region."  # the rules need the period stated
    assert [f.kind for f in extract_casualties(alone, split_sentences(alone), use_kind_model=False)] == [INCIDENT]


@pytest.mark.parametrize("sentence, kind", [
    # Attacks told before and counted together, a count to a month's end or under an emergency,
    # a region's share of a year's deaths, a government's detentions up to now.
    ("The attacks killed 31 soldiers, a security source said.", STATISTIC),
    ("Across both attacks, 86 people were wounded, the governor said.", STATISTIC),
    ("The hospital had recorded 340 deaths from the siege by the end of September.", STATISTIC),
    ("Police have arrested 2,100 people under the state of emergency.", STATISTIC),
    ("The province accounts for most of the 900 civilian deaths recorded this year, the monitor said.", STATISTIC),
    # A count that takes in an attack told elsewhere.
    ("In all, 21 people have died in Kaduna in five days, counting Monday's bombing of the church.", STATISTIC),
    ("The toll of 30 includes the shelling of the market, plus the raid on the camp.", STATISTIC),
    # One attack's count, however it is worded.
    ("The blast killed 12 people, including the imam of the mosque.", INCIDENT),
    ("So far, 23 bodies have been recovered, the civil defence said.", INCIDENT),
    ("The twin blasts at the bus station killed 41 people on Sunday.", INCIDENT),
])
def test_roll_ups_of_attacks_told_before_and_counts_up_to_a_date(sentence, kind):
    assert kind_of(sentence) == kind


@pytest.mark.parametrize("coverage", [
    "The monitor published its October figures on Sunday.",
    "In its August bulletin, the agency turned to the north.",
    "The third quarter brought the sharpest rise in violence.",
])
def test_a_report_named_with_its_period_states_coverage(coverage):
    from analysis.casualties.kinds import states_coverage

    assert states_coverage(coverage)
    assert not states_coverage("The monitor said on Sunday that gunmen had attacked the convoy.")


@pytest.mark.parametrize("sentence, kind", [
    # A month that dates one attack told by its verb and its one target.
    ("In March last year, a suicide bomber struck a crowded bus station in Hilla, killing 22 travellers.", INCIDENT),
    ("In May 2023, gunmen raided the cattle market at Dorra and killed 17 herders.", INCIDENT),
    # A month with targets counted, or many targets, stays a total.
    ("In March, militants attacked 14 villages, killing 96 people.", STATISTIC),
    ("In March, gunmen raided the villages of the plateau and killed 96 people.", STATISTIC),
])
def test_an_attack_told_by_its_verb_and_one_target_is_dated_by_its_month(sentence, kind):
    assert kind_of(sentence) == kind


def test_the_latest_in_a_series_of_attacks_is_one_attack():
    assert kind_of("A grenade thrown into a tea shop killed three men in Bor on Sunday, "
                   "the latest in a series of attacks on traders.") == INCIDENT
    assert kind_of("A series of attacks on traders killed 31 people in Bor.") == STATISTIC


@pytest.mark.parametrize("sentence", [
    "The protests followed the killing of the district commissioner and his driver earlier this month.",
    "Since the murder of the town's mayor and his bodyguard in April, no official has visited.",
])
def test_counts_without_a_number_name_particular_people(sentence):
    assert kind_of(sentence) == STATISTIC  # the month alone reads as a total
    assert kind_of(sentence, unnumbered=True) == INCIDENT
    assert kind_of("A child has died every day of the siege.", unnumbered=True) == STATISTIC  # a rate stays one


def test_counts_of_separate_attacks_given_apart_are_the_attacks():
    sentence = "The gang carried out two attacks in three days, killing 11 at the ferry landing and 8 at the school."
    assert kind_of(sentence) == STATISTIC
    assert kind_of(sentence, parts=gives_parts([("killed", 11), ("killed", 8)])) == INCIDENT
    assert gives_parts([("killed", 9), ("killed", 9)])  # two equal tolls are two attacks
    assert not gives_parts([("killed", 20), ("killed", 11), ("killed", 9)])  # a total with its parts
    assert not gives_parts([("killed", 11), ("injured", 8)])


def test_a_day_apart_is_no_rate():
    assert not has_rate("Two blasts a day apart killed six and five people in Dorra.")
    assert has_rate("Six people a day are killed on the roads of the province.")


@pytest.mark.parametrize("sentence, kind", [
    ("Early last year, more than a dozen people were killed when a car bomb exploded at the port gate.", INCIDENT),
    ("Last year, a grenade went off in the bus depot, killing nine people.", INCIDENT),
    ("Last year, 400 people were killed in bombings across the province.", STATISTIC),
    ("Last year, bombs killed 400 people.", STATISTIC),
])
def test_last_year_dates_one_device_going_off_and_totals_the_rest(sentence, kind):
    assert kind_of(sentence) == kind


def test_hospitals_across_a_city_are_where_the_wounded_lie_not_the_counts_scope():
    assert kind_of("The toll rose to 12 on Sunday and 31 wounded people are being treated in hospitals "
                   "across Mogadishu.") == INCIDENT
    assert kind_of("Air strikes across Gaza killed 31 people.") == STATISTIC

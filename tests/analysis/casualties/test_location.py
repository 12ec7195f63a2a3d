"""Where a figure happened, from NER spans or textual cues."""

import pytest

from analysis.casualties.location import (
    COUNTRY,
    LOCALITY,
    SUBDIVISION,
    _not_the_scene,
    countries_of,
    cue_place,
    learn_containment,
    nearest_place,
    place_rank,
    scene_of_sentence,
)


def _spans(text: str, *names: str) -> list[tuple[int, int, str]]:
    return [(text.index(name), text.index(name) + len(name), name) for name in names]


@pytest.mark.parametrize("sentence, place", [
    ("Fighting continued in the southern province of Kandahar.", "Kandahar"),
    ("Shelling hit Kherson region overnight.", "Kherson"),
    ("Eight people were killed in Bakhmut on Monday.", "Bakhmut"),
    ("Eight people were killed on Monday.", None),
    ("Eight of the wounded are still in the Kaya hospital.", None),  # where the hospital is
    ("A trader died in the Amadou Sow university hospital.", None),  # a hospital named after a person
])
def test_cue_place(sentence, place):
    assert cue_place(sentence) == place


def test_nearest_place_prefers_the_closest_span():
    places = [(0, 5, "Kabul"), (40, 48, "Kandahar")]
    assert nearest_place(places, 50, 52, 0, 60) == "Kandahar"
    assert nearest_place(places, 6, 8, 0, 60) == "Kabul"
    assert nearest_place(places, 6, 8, 100, 160) is None


def test_cue_place_prefers_the_place_nearest_the_figure():
    sentence = "Shelling in Kharkiv killed two; in the town of Izium five died."
    assert cue_place(sentence, near=sentence.index("five")) == "Izium"
    assert cue_place(sentence, near=sentence.index("two")) == "Kharkiv"


def _spans(text, *names):
    return [(text.index(n), text.index(n) + len(n), n) for n in names]


@pytest.mark.parametrize("text, names, figure, place", [
    ("Gunmen attacked a market in the town of Gwoza in northeast Nigeria on Friday, killing 11 people.",
     ("Gwoza", "Nigeria"), "11", "Gwoza"),
    ("Jihadists stormed a market in Gwoza in Nigeria's Borno state on Friday, killing 11 people.",
     ("Gwoza", "Nigeria", "Borno"), "11", "Gwoza"),
    # a place in the attribution clause does not qualify the scene
    ("Israeli strikes killed 20 people in Gaza, the health ministry in Ramallah said.",
     ("Gaza", "Ramallah"), "20", "Gaza"),
    # where the fire came from is not the scene
    ("Rockets fired from Qarn killed 4 people in Habil on Sunday.", ("Qarn", "Habil"), "4", "Habil"),
    ("Shells lobbed across the border killed 4 at a post near Habil, fired from Qarn.", ("Habil", "Qarn"), "4", "Habil"),
    # two towns are two places: the nearest stays
    ("Shelling killed 3 in Kherson and 5 in Mykolaiv, Ukraine said.", ("Kherson", "Mykolaiv", "Ukraine"), "5",
     "Mykolaiv"),
])
def test_a_coarse_place_gives_way_to_the_place_it_qualifies(text, names, figure, place):
    at = text.index(figure)
    assert nearest_place(_spans(text, *names), at, at + len(figure), 0, len(text), text) == place


def test_place_specificity_from_iso_3166():
    assert place_rank("Nigeria") == COUNTRY and place_rank("Russia") == COUNTRY
    assert place_rank("Borno") == SUBDIVISION and place_rank("Borno State") == SUBDIVISION
    assert place_rank("Kandahar") == SUBDIVISION  # "Kandahār" in ISO 3166-2
    assert place_rank("Gwoza") == LOCALITY
    assert countries_of("Borno") == {"NG"}
    # A town's country from the gazetteer (every country with a city of that name); a camp or
    # village too small for it stays unknown.
    assert countries_of("Gwoza") == {"NG"} and {"LY", "LB"} <= countries_of("Tripoli")
    assert countries_of("Kalma") == frozenset()


def test_press_short_forms_are_countries():
    # From the one table of short forms the entity gazetteer uses too.
    assert countries_of("UK") == countries_of("Britain") == {"GB"}
    assert countries_of("UAE") == {"AE"} and place_rank("Holland") == COUNTRY


def test_containment_is_learned_from_the_texts_own_words():
    from analysis.casualties.location import learn_containment

    names = ["Kalma", "Nyala", "South Darfur", "Dunga", "Kogi", "Sirte", "Misrata", "Tripoli"]
    texts = [
        "Shelling hit Kalma camp near Nyala, the capital of South Darfur, on Monday.",
        "Gunmen attacked Dunga, a village in Kogi state.",
        "Fighters moved from Sirte to Misrata, and Tripoli stayed calm.",  # a route and a list: no nesting
    ]
    holders = learn_containment(texts, names)
    assert holders["kalma"] == {"nyala", "south darfur"}
    assert holders["dunga"] == {"kogi"}
    assert "sirte" not in holders and "misrata" not in holders


def test_containment_reads_a_place_in_a_possessed_region_and_a_forest_near_a_town():
    from analysis.casualties.location import learn_containment

    texts = ["Armed men raided the village of Dunga in Nigeria's Kogi region on Monday.",
             "Troops cleared camps in the Sambisa forest near Bama."]
    holders = learn_containment(texts, ["Dunga", "Nigeria", "Kogi", "Sambisa", "Bama"])
    assert holders["dunga"] == {"kogi", "nigeria"} and holders["kogi"] == {"nigeria"}
    assert holders["sambisa"] == {"bama"}
    # A possessor finer than the place it names holds nothing: "Dunga's Nigeria" is no nesting.
    assert "nigeria" not in learn_containment(["Gunmen hit Kogi in Dunga's Nigeria."], ["Dunga", "Nigeria", "Kogi"])


def test_a_place_listed_before_a_named_administrative_unit_lies_inside_it():
    from analysis.casualties.location import learn_containment

    texts = ["The raid on a camp near Dunga, Kogoni cercle, killed 26 herders.",
             "Fighters moved from Sirte, Misrata and Tripoli."]  # a list of towns: no nesting
    holders = learn_containment(texts, ["Dunga", "Kogoni", "Sirte", "Misrata", "Tripoli"])
    assert holders == {"dunga": {"kogoni"}}


def test_containment_reads_a_described_place_and_a_bare_direction():
    from analysis.casualties.location import learn_containment

    texts = ["The drone hit the Sarafa livestock market in Habil district on Monday.",
             "Fighters overran the town of Qarn in southern Lahij governorate."]
    holders = learn_containment(texts, ["Sarafa", "Habil", "Qarn", "Lahij"])
    assert holders["sarafa"] == {"habil"} and holders["qarn"] == {"lahij"}


@pytest.mark.parametrize("text, names, place", [
    # Neither place is known to a gazetteer: the inner one of the run is the scene, not the nearer.
    ("A shell struck the market in Dar Saad, in Habil district, killing 9 people.", ("Dar Saad", "Habil"), "Dar Saad"),
    ("Shelling of a school in the Hawban area of Qarn town killed 9 pupils.", ("Hawban", "Qarn"), "Hawban"),
    # The place a possessive names lies inside its possessor, and both hold the place before them.
    ("Gunmen raided Dar Saad, a village in Yemen's Habil region, on Monday, killing 9 people.",
     ("Dar Saad", "Yemen", "Habil"), "Dar Saad"),
    ("Gunmen raided Qarn's Hawban quarter, killing 9 people.", ("Qarn", "Hawban"), "Hawban"),
    # A river the town lies on links the run as a place word does.
    ("Gunmen raided Dar Saad, a town on the Tana river in Kenya's Habil region, killing 9 people.",
     ("Dar Saad", "Tana", "Kenya", "Habil"), "Dar Saad"),
])
def test_of_two_unranked_places_in_a_run_the_inner_one_is_the_scene(text, names, place):
    at = text.index("9")
    assert nearest_place(_spans(text, *names), at, at + 1, 0, len(text), text) == place


def test_a_bearing_from_another_town_does_not_nest():
    from analysis.casualties.location import learn_containment

    texts = ["In Kerawa, north of Mubi on the border, the market was shut.",
             "Shells hit a camp on the outskirts of Mubi.",
             "Shells hit Bakassi camp, just south of Maiduguri, at dawn."]  # a camp by the city: one scene
    holders = learn_containment(texts, ["Kerawa", "Mubi", "Bakassi", "Maiduguri"])
    assert "kerawa" not in holders and holders["bakassi"] == {"maiduguri"}


def test_a_citys_part_named_after_a_possessive_lies_inside_it():
    from analysis.casualties.location import countries_named, learn_containment

    texts = ["A bomb hit a teashop in Kabul's Dasht-e-Barchi neighbourhood on Friday.",
             "Shelling hit Nigeria's Borno state.",  # a country and its state: no part's kind word
             "The Kano's market closed."]
    holders = learn_containment(texts, ["Kabul", "Dasht-e-Barchi", "Borno", "Kano"])
    assert holders == {"dasht-e-barchi": frozenset({"kabul"})}
    assert countries_named("Fighting spread in northern Burkina Faso's Soum province.") == ("Burkina Faso",)


def test_a_province_is_never_put_inside_a_town():
    from analysis.casualties.location import learn_containment

    assert learn_containment(["Clashes in Kandahar near Spin Boldak left 4 dead."], ["Kandahar", "Spin Boldak"]) == {}


@pytest.mark.parametrize("text, name, scene", [
    ("A roadside bomb killed 12 U.S. troops near Kandahar.", "U.S.", False),
    ("Egypt's foreign ministry confirmed the deaths of three citizens.", "Egypt", False),
    ("DAKAR (Wire) - Gunmen killed 5 soldiers in the north of the country.", "DAKAR", False),
    ("Eleven bodies reached Jowhar hospital on Sunday.", "Jowhar", False),
    ("MOPTI, Mali - Gunmen killed 7 herders at a well.", "MOPTI", False),
    ("MOPTI, Mali - Gunmen killed 7 herders at a well.", "Mali", False),  # the dateline's second part
    ("Talks resumed.\n\nSEVARE, Mali - Gunmen killed 7 herders.", "Mali", False),  # a later paragraph's dateline
    ("Talks resumed in Bamako, Mali - and 7 herders were killed.", "Mali", True),  # not at a line's start
    ("A roadside bomb killed 12 people near Kandahar.", "Kandahar", True),
    ("Her son, who fled Bama in 2014, was among the 46 wounded.", "Bama", False),
    ("The victims, originally from Kidal, were 3 traders.", "Kidal", False),
    ("The bomber killed 5 worshippers, police said in a statement issued in Abuja.", "Abuja", False),
    ("Five soldiers were killed, the army spokesman told reporters in Bamako.", "Bamako", False),
    ("Five soldiers were killed in Bamako, the army said.", "Bamako", True),
    ("About 800 families fled Gwoza after the shelling.", "Gwoza", True),  # the scene of a flight
    ("Nine bodies were taken to Dori Regional Hospital.", "Dori Regional Hospital", False),
    ("A trader, 1 of the wounded, died in the university hospital in Kaya.", "Kaya", False),
    ("Kenya's Interior Ministry said 6 police officers died.", "Kenya", False),  # a capitalised institution
    ("BENIN CITY - Gunmen killed 4 farmers at dawn.", "BENIN", False),  # a dateline city of two words
    ("SAN PEDRO SULA (Wire) - 4 bus drivers were shot.", "SAN", False),
    ("CÚCUTA, Colombia (Wire) - Gunmen killed 4 farmers.", "Colombia", False),  # an accented dateline city
    ("SÃO FÉLIX (Wire) - Gunmen killed 4 farmers.", "SÃO", False),
    ("Three wounded were taken to a clinic in the Malian capital.", "Malian", False),  # a people, not a place
    ("This is Radio Bani FM. Gunmen killed 4 herders.", "Bani", False),  # an outlet's name
    ("Gunmen killed 4 passengers boarding coaches for Segou.", "Segou", False),  # where the coaches went
    ("Gunmen killed 4 drivers on the road to Mopti.", "Mopti", True),  # on that road, near Mopti
    ("Gunmen killed 4 drivers on a bus bound for Mopti.", "Mopti", False),
    ("Gunmen killed 4 passengers boarding coaches for Segou and Mopti.", "Mopti", False),
    ("The Kabul Times said 4 people were killed.", "Kabul", False),
    ("We buried 4 people, the village head told the Gusau Daily Ledger.", "Gusau", False),
    ("The 4 dead included dealers who had travelled from Jibia for the market.", "Jibia", False),
    ("An air strike near the border with Niger killed 4 herders.", "Niger", False),
    ("4 wounded were treated at the Federal Medical Centre in Gusau.", "Gusau", False),
    ("MAKHMOUR - The bodies of 4 shepherds were found.", "The", False),  # a function word, tagged
    ("The toll from the strike rose to 4, a health official in Duhok said.", "Duhok", False),
    ("Bodies of 4 fishermen were found along the Niger, a day after the raid.", "Niger", False),  # the river
    ("Bodies of 4 fishermen were found in the Tana River after the raid.", "Tana", False),
    ("Gunmen killed 4 soldiers in western Niger on Sunday.", "Niger", True),  # the country
    ("Gunmen killed 4 oil workers in the Niger Delta.", "Niger", True),
    ("A drone hit a minibus, killing 4 volunteers, the Kharkiv regional governor said.", "Kharkiv", False),
    ("KHARKIV, Ukraine, Nov 4 (Wire) - A drone killed 4 volunteers.", "Ukraine", False),  # a dated dateline
])
def test_places_naming_victims_speakers_datelines_or_hospitals_are_not_the_scene(text, name, scene):
    start = text.index(name)
    found = nearest_place([(start, start + len(name), name)], 0, len(text), 0, len(text), text)
    assert (found == name) is scene


def test_a_country_describing_another_place_is_not_the_scene():
    text = "A shell hit Mabanda, the market district on the edge of Burundi's capital, killing 9 people."
    places = [(text.index(name), text.index(name) + len(name), name) for name in ("Mabanda", "Burundi")]
    figure = text.index("9")
    assert nearest_place(places, figure, figure + 1, 0, len(text), text) == "Mabanda"
    town = "Raiders hit Kayogoro, a farming town in Burundi's Makamba province, on Monday, killing 9 people."
    places = [(town.index(name), town.index(name) + len(name), name) for name in ("Kayogoro", "Burundi")]
    figure = town.index("9")
    assert nearest_place(places, figure, figure + 1, 0, len(town), town) == "Kayogoro"
    run = "Gunmen stormed Kabo, near Bria in Tanzania's Kigoma region, on Monday, killing 9 villagers."
    places = [(run.index(name), run.index(name) + len(name), name) for name in ("Kabo", "Bria", "Tanzania", "Kigoma")]
    figure = run.index("9")
    assert nearest_place(places, figure, figure + 1, 0, len(run), run) == "Kabo"  # the country still links the run
    neighbour = "The toll of the attack on the bus station in Kabo, in the neighbouring Kigoma region, rose to 9."
    places = [(neighbour.index(name), neighbour.index(name) + len(name), name) for name in ("Kabo", "Kigoma")]
    figure = neighbour.index("9")
    assert nearest_place(places, figure, figure + 1, 0, len(neighbour), neighbour) == "Kabo"
    alone = "Shelling in Burundi's north killed 9 people."
    start = alone.index("Burundi")
    assert nearest_place([(start, start + 7, "Burundi")], 34, 35, 0, len(alone), alone) == "Burundi"


def test_cues_never_take_a_peoples_name_for_a_place():
    assert cue_place("Two wounded men were flown to a hospital in the Somali capital.") is None


def test_a_town_right_after_the_figure_is_its_scene_though_the_state_is_nearer():
    text = "In Sinaloa, gunmen killed 21 people at a drug rehabilitation centre in Culiacán on Nov 5."
    figure = text.index("21")
    places = _spans(text, "Sinaloa", "Culiacán")
    assert nearest_place(places, figure, figure + 2, 0, len(text), text) == "Culiacán"
    # A town after a clause of another time is another scene.
    text = "In Sinaloa, gunmen killed 21 people on Tuesday, a week after an attack in Culiacán."
    figure = text.index("21")
    places = _spans(text, "Sinaloa", "Culiacán")
    assert nearest_place(places, figure, figure + 2, 0, len(text), text) == "Sinaloa"


def test_a_figure_in_parentheses_describes_the_place_before_them():
    text = ("The deadliest were the bombing in Dorra of its crowded cattle market (nine killed) and the raid on "
            "Kessa (four killed).")
    places = _spans(text, "Dorra", "Kessa")
    nine, four = text.index("nine"), text.index("four")
    assert nearest_place(places, nine, nine + 4, 0, len(text), text) == "Dorra"
    assert nearest_place(places, four, four + 4, 0, len(text), text) == "Kessa"
    # Without parentheses the nearest place stays the rule.
    plain = "Nine were killed, near Kessa, after the raid on Dorra."
    assert nearest_place(_spans(plain, "Kessa", "Dorra"), 0, 4, 0, len(plain), plain) == "Kessa"


def test_an_earlier_sentence_gives_the_town_it_names_inside_its_state():
    text = ("Soldiers killed 17 gunmen around the village of Tehuehuetla in the mountains of southern "
            "Guerrero state.")
    places = _spans(text, "Tehuehuetla", "Guerrero")
    assert scene_of_sentence(places, "Guerrero", 0, len(text), text) == "Tehuehuetla"
    assert scene_of_sentence(places, "Tehuehuetla", 0, len(text), text) == "Tehuehuetla"
    # A town in another country is no scene of a Mexican state.
    text = "Troops in Guerrero state were flown in from Kandahar."
    assert scene_of_sentence(_spans(text, "Guerrero", "Kandahar"), "Guerrero", 0, len(text), text) == "Guerrero"


def test_a_place_on_the_edge_of_a_city_is_held_by_it():
    text = "The attack on a market in Aguaruto, on the western edge of Culiacán, Sinaloa, killed 21."
    holders = learn_containment([text], ["Aguaruto", "Culiacán", "Sinaloa"])
    assert holders["aguaruto"] == {"culiacan", "sinaloa"}
    figure = text.index("21")
    places = _spans(text, "Aguaruto", "Culiacán", "Sinaloa")
    assert nearest_place(places, figure, figure + 2, 0, len(text), text) == "Aguaruto"


@pytest.mark.parametrize("name, rank", [
    ("Michoacán", SUBDIVISION), ("North Kivu", SUBDIVISION), ("Nineveh", SUBDIVISION), ("Tigray", SUBDIVISION),
    ("Mexico City", LOCALITY), ("Kuwait City", LOCALITY), ("Gaza City", LOCALITY), ("Kandahar province", SUBDIVISION),
    ("Mexico", COUNTRY),
])
def test_provinces_copy_names_otherwise_than_iso_are_provinces_and_capitals_are_cities(name, rank):
    assert place_rank(name) == rank


def test_a_diocese_or_university_named_after_a_city_is_no_scene():
    text = "The diocese of Ciudad Altamirano has asked for an investigation into the deaths of five villagers."
    figure = text.index("five")
    assert nearest_place(_spans(text, "Ciudad Altamirano"), figure, figure + 4, 0, len(text), text) is None


def test_a_medical_centre_and_the_town_it_is_in_are_where_the_wounded_lie_not_the_scene():
    text = "Nineteen wounded people were receiving treatment at the Federal Medical Centre in Gusau."
    figure = text.index("Nineteen")
    places = _spans(text, "Federal Medical Centre", "Gusau")
    assert nearest_place(places, figure, figure + 8, 0, len(text), text) is None


def test_a_town_after_a_citys_possessive_and_a_square_in_a_city_are_inside_it():
    from analysis.casualties.location import learn_containment

    texts = ["The bombing in Kabul's Dasht-e-Barchi killed 21.",
             "A bomb went off near Talashi square in Jalalabad city.",
             "The car bomb at the KM4 junction in Hodan district killed 15.",
             "Troops entered Nigeria's Borno on Monday."]
    holders = learn_containment(texts, ["Kabul", "Dasht-e-Barchi", "Talashi", "Jalalabad", "Nigeria", "Borno",
                                        "KM4", "Hodan"])
    assert holders["km4"] == {"hodan"}
    assert holders["dasht-e-barchi"] == {"kabul"}
    assert holders["talashi"] == {"jalalabad"}
    assert "borno" not in holders  # a country and its state: ranks order them, nothing to learn


def test_a_place_that_ends_an_armed_groups_name_is_no_scene():
    text = "Islamic State Khorasan said it carried out the bombing, which killed nine people."
    start = text.index("Khorasan")
    assert _not_the_scene(text, start, start + len("Khorasan"))
    text = "A bomb killed nine people in Khorasan on Friday."
    start = text.index("Khorasan")
    assert not _not_the_scene(text, start, start + len("Khorasan"))

import pycountry

from analysis.nlp.gazetteers import (
    _country_forms,
    _label_demonyms,
    build_gazetteer,
    canonical_country,
    spelling_variants,
    strip_diacritics,
)


def test_strip_diacritics():
    assert strip_diacritics("Erdoğan") == "Erdogan"
    assert strip_diacritics("Kābul") == "Kabul"
    assert strip_diacritics("Kyiv") == "Kyiv"


def test_spelling_variants_cover_transliterations():
    variants = spelling_variants("Laghmān")
    assert {"Laghman", "Lagman"} <= variants
    assert {"Al-Fashir", "El Fashir"} <= spelling_variants("Al Fashir")
    assert "Mekele" in spelling_variants("Mek'ele")


def test_gazetteer_labels_places_from_the_data_packages():
    labels = build_gazetteer().labels
    for place in ("Kabul", "Kandahar", "Lagman", "Kyiv", "Kiev", "Khartoum", "El Fasher", "Mogadishu", "Aleppo", "Mandalay"):
        assert labels.get(place) == "GPE", place
    for group in ("Afghan", "Ukrainians", "Palestinian", "Rohingya"):
        assert labels.get(group) == "NORP", group
    assert labels.get("NATO") == "ORG"


def test_places_are_labelled_as_written_with_their_diacritics_and_without():
    labels = build_gazetteer().labels
    for place in ("Culiacán", "Culiacan", "Bogotá", "Bogota", "Kraków", "Medellín", "São Paulo"):
        assert labels.get(place) == "GPE", place
    assert "Мариуполь" not in labels  # Latin script only


def test_ordinary_words_are_not_places_but_countries_are():
    labels = build_gazetteer().labels
    for word in ("Police", "Reading", "Mobile", "Of", "Minister", "Said"):
        assert word not in labels, word
    assert labels["Turkey"] == "GPE"  # a country, although "turkey" is a common word


def test_country_variants_share_a_canonical_name():
    assert canonical_country("U.S.") == canonical_country("USA") == canonical_country("United States")
    assert canonical_country("Russian Federation") == "Russia"
    assert canonical_country("Kabul") is None


def test_short_forms_name_the_country_of_their_code():
    # "Holland" and "Netherlands" once had different canonical names, "Czech Republic" none.
    assert canonical_country("Holland") == canonical_country("Netherlands")
    assert canonical_country("Czech Republic") == canonical_country("Czechia")
    assert canonical_country("Congo-Brazzaville") == canonical_country("Republic of the Congo")
    assert canonical_country("USSR") == "Soviet Union"
    assert build_gazetteer().labels["Swaziland"] == "GPE"


def test_country_forms_turn_an_inverted_name_around():
    forms = _country_forms(pycountry.countries.get(alpha_2="IR"), "Iran")
    assert {"Iran", "Iran, Islamic Republic of", "Islamic Republic of Iran"} <= forms
    assert "French Republic" in _country_forms(pycountry.countries.get(alpha_2="FR"), "France")


def test_demonyms_override_places_but_not_organisations():
    labels = {"Afghan": "GPE", "French": "ORG"}
    _label_demonyms(labels)
    assert labels["Afghan"] == "NORP"
    assert labels["French"] == "ORG"

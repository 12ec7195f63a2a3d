from dashboard.charts import empty_figure, safe, source_colors
from dashboard.charts.common import LABEL_COLORS, type_colors, type_name


def test_source_colours_are_stable():
    assert source_colors(["b", "a"]) == source_colors(["a", "b", "a"])


def test_safe_escapes_markup():
    assert safe("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"


def test_empty_figure_says_why():
    fig = empty_figure("No entities for these filters.")
    assert fig.layout.annotations[0].text == "No entities for these filters."


def test_entity_types_are_named_for_readers():
    assert type_name("GPE") == "Countries, cities"
    assert type_name("NORP") == "Nationalities, groups"
    assert type_name("FAC") == "Buildings, sites"
    assert type_name("WORK_OF_ART") == "WORK_OF_ART"  # an unknown code is shown as it is
    assert type_name(None) == ""


def test_type_colours_follow_the_names():
    colours = type_colors()
    assert colours["People"] == LABEL_COLORS["PERSON"] and colours["Countries, cities"] == LABEL_COLORS["GPE"]
    assert len(colours) == len(LABEL_COLORS)  # no two codes share a name

from dashboard.charts import empty_figure, safe, source_colors


def test_source_colours_are_stable():
    assert source_colors(["b", "a"]) == source_colors(["a", "b", "a"])


def test_safe_escapes_markup():
    assert safe("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"


def test_empty_figure_says_why():
    fig = empty_figure("No entities for these filters.")
    assert fig.layout.annotations[0].text == "No entities for these filters."

from analysis.nlp import ENV_VAR, is_offline, load_pipeline, pipeline_description


def test_offline_pipeline_is_cached_per_process(offline_nlp):
    assert load_pipeline("parallax-offline") is offline_nlp
    assert is_offline(offline_nlp)


def test_description_names_the_offline_pipeline(offline_nlp, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    text = pipeline_description(offline_nlp)
    assert text.startswith("parallax-offline 1")
    assert "rule-based" in text
    assert "not installed" not in text


def test_missing_model_falls_back_to_offline_and_says_so(offline_nlp, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "en_core_web_nonexistent")
    nlp = load_pipeline()
    assert nlp is offline_nlp
    assert "en_core_web_nonexistent is not installed" in pipeline_description(nlp)


def test_explicit_missing_name_is_reported(offline_nlp):
    nlp = load_pipeline("xx_missing_pipeline")
    assert nlp is offline_nlp
    assert "xx_missing_pipeline is not installed" in pipeline_description(nlp, requested="xx_missing_pipeline")

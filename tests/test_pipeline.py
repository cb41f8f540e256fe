"""Pipeline composition: drop, insert, replace, configure, config files, errors."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import ConfigError, FilterError, Pipeline
from newsclean.document import Document
from newsclean.filters import DEFAULT_ORDER, REGISTRY

PAGE = "Headline Of The Day\n\nBy Jane Doe\n\nLIVE: ticker line\n\nThe body paragraph stays here.\n\nAdvertisement"


def drop_live_ticker(doc: Document) -> None:
    """Remove 'LIVE:' ticker lines."""
    for block in doc:
        if block.text.startswith("LIVE:"):
            doc.remove(block, filter="drop_live_ticker", reason="live ticker line")


def test_default_order_and_names() -> None:
    p = Pipeline.default()
    assert p.names == DEFAULT_ORDER
    assert set(p.names) == set(REGISTRY)
    for f in p:  # every shipped filter documents what it removes, with an example
        doc = type(f).__doc__ or ""
        assert len(doc) > 80 and ("``" in doc or "::" in doc), f.name


def test_drop_a_filter_in_one_line() -> None:
    article = newsclean.clean(PAGE, pipeline=Pipeline.default().without("inserts"))
    assert "Advertisement" in article.paragraphs
    assert not article.removals_by("inserts")


def test_add_a_custom_filter_in_one_line() -> None:
    p = Pipeline.default().insert(drop_live_ticker, after="bylines")
    assert p.names.index("drop_live_ticker") == p.names.index("bylines") + 1
    article = newsclean.clean(PAGE, pipeline=p)
    assert article.paragraphs == ["The body paragraph stays here."]
    assert [r.text for r in article.removals_by("drop_live_ticker")] == ["LIVE: ticker line"]


def test_insert_before_and_at_end() -> None:
    p = Pipeline.default()
    assert p.insert(drop_live_ticker, before=p.names[0]).names[0] == "drop_live_ticker"
    assert p.insert(drop_live_ticker).names[-1] == "drop_live_ticker"
    with pytest.raises(KeyError):
        p.insert(drop_live_ticker, before="no_such_filter")
    with pytest.raises(ConfigError):
        p.insert(drop_live_ticker, before="normalize", after="bylines")


def test_configure_options_returns_new_pipeline() -> None:
    p = Pipeline.default()
    q = p.configure("inserts", extra_labels=["Ticker"])
    assert q is not p and q["inserts"].extra_labels == ("Ticker",)
    assert p["inserts"].extra_labels == ()
    article = newsclean.clean(PAGE.replace("LIVE:", "Ticker:"), pipeline=q)
    assert [r.text for r in article.removals_by("inserts")] == ["Ticker: ticker line", "Advertisement"]
    with pytest.raises(ConfigError):
        p.configure("inserts", no_such_option=1)


def test_languages_option_limits_phrases() -> None:
    german_only = Pipeline.default().configure("inserts", languages=["de"])
    article = newsclean.clean(PAGE, pipeline=german_only)
    assert "Advertisement" in article.paragraphs
    assert newsclean.clean(PAGE.replace("Advertisement", "Anzeige"), pipeline=german_only).paragraphs == [
        "LIVE: ticker line",
        "The body paragraph stays here.",
    ]


def test_from_dict_config_and_round_trip() -> None:
    config = {
        "pipeline": {"disable": ["related_links"]},
        "filters": {"inserts": {"extra_labels": ["Ticker"]}},
    }
    p = Pipeline.from_config(config)
    assert "related_links" not in p
    assert p["inserts"].extra_labels == ("Ticker",)
    assert Pipeline.from_config(p.to_config()) == p


def test_from_toml_file_with_custom_filter(tmp_path) -> None:
    path = tmp_path / "pipeline.toml"
    path.write_text(
        '[pipeline]\nfilters = ["normalize", "bylines", "tests.test_pipeline:drop_live_ticker"]\n'
        '[filters.bylines]\nextra_prefixes = ["Reportage:"]\n',
        "utf-8",
    )
    p = Pipeline.from_config(path)
    assert p.names == ("normalize", "bylines", "drop_live_ticker")
    assert newsclean.clean("Reportage: Jane Doe\n\nBody text here.", pipeline=p).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "config",
    [
        {"pipeline": {"filters": ["no_such_filter"]}},
        {"pipeline": {"disable": ["no_such_filter"]}},
        {"filters": {"inserts": {"bogus": 1}}},
        {"pipeline": {"filters": ["nosuchmodule_xyz:thing"]}},
        {"pipeline": "not a table"},
    ],
)
def test_bad_configs_raise_config_error(config) -> None:
    with pytest.raises(ConfigError):
        Pipeline.from_config(config)


def test_duplicate_names_rejected() -> None:
    with pytest.raises(ConfigError):
        Pipeline([drop_live_ticker, drop_live_ticker])


def test_failing_filter_is_named() -> None:
    def explode(doc: Document) -> None:
        raise RuntimeError("boom")

    with pytest.raises(FilterError) as info:
        newsclean.clean(PAGE, pipeline=Pipeline.default().insert(explode))
    assert info.value.filter == "explode"


def test_filter_may_return_a_new_document() -> None:
    def keep_first(doc: Document) -> Document:
        return Document(blocks=doc.blocks[:1], source=doc.source, meta=doc.meta, removed=doc.removed)

    article = newsclean.clean("One.\n\nTwo.\n\nThree.", pipeline=Pipeline([keep_first]))
    assert article.paragraphs == ["One."]


def test_pipeline_is_immutable_and_hashable() -> None:
    p = Pipeline.default()
    p.without("inserts")
    assert "inserts" in p
    assert hash(p) == hash(Pipeline.default())


def test_an_unknown_name_is_a_config_error_listing_the_names() -> None:
    with pytest.raises(ConfigError) as caught:
        Pipeline.default().without("related_link")
    message = str(caught.value)
    assert "'related_link'" in message and "related_links" in message and "bylines" in message
    assert isinstance(caught.value, KeyError)  # code that caught KeyError still does
    assert not message.startswith("'")  # not quoted as a bare KeyError would be
    for change in (lambda p: p.configure("inserts_", x=1), lambda p: p.insert(len, after="nope")):
        with pytest.raises(ConfigError):
            change(Pipeline.default())


def test_filter_lists_in_a_config_must_be_lists() -> None:
    with pytest.raises(ConfigError, match=r"'disable' must be a list of filter names"):
        Pipeline.from_config({"pipeline": {"disable": "related_links"}})
    with pytest.raises(ConfigError, match=r"'filters' must be a list"):
        Pipeline.from_config({"pipeline": {"filters": "normalize"}})
    with pytest.raises(ConfigError, match=r"unknown filter\(s\) \['related_link'\]; shipped filters: main_region"):
        Pipeline.from_config({"pipeline": {"disable": ["related_link"]}})
    assert "related_links" not in Pipeline.from_config({"pipeline": {"disable": ["related_links"]}}).names

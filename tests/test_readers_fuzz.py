"""Property tests: no input makes a reader crash; it yields articles or one-line errors."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import Article
from loaders.readers import ReadError, Skipped, read_bytes, read_jsonl

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(results):
    for r in results:
        assert isinstance(r, Article | ReadError | Skipped)
        if isinstance(r, ReadError):
            assert "\n" not in str(r)
        if isinstance(r, Article):
            assert r.text.strip()
            assert "\x00" not in r.text


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(["text", "html", "jsonl", "feed", None]))
def test_random_bytes_never_crash_a_reader(data, kind):
    _check(list(read_bytes(data, "fuzz", kind)))


@SETTINGS
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1", "cp1252"]))
def test_any_text_in_any_encoding(text, encoding):
    data = text.encode(encoding, errors="replace")
    _check(list(read_bytes(data, "fuzz", "text")))
    _check(list(read_bytes(data, "fuzz", "html")))


@SETTINGS
@given(
    st.lists(
        st.one_of(
            st.dictionaries(
                st.sampled_from(["id", "text", "title", "url", "published"]),
                st.one_of(st.text(max_size=50), st.integers(), st.none(), st.lists(st.integers(), max_size=2)),
            ),
            st.text(max_size=80),
        ),
        max_size=8,
    )
)
def test_jsonl_lines_of_anything(records):
    import json

    lines = [json.dumps(r) if isinstance(r, dict) else r for r in records]
    data = "\n".join(x.replace("\n", " ") for x in lines).encode("utf-8", errors="replace")
    _check(list(read_jsonl(io.BytesIO(data), "fuzz")))


def test_deeply_nested_html_is_handled():
    page = (
        "<html><body>"
        + "<div>" * 20000
        + "North Korea deployed troops to Russia, officials said on Monday."
        + "</div>" * 20000
        + "</body></html>"
    )
    _check(list(read_bytes(page.encode(), "deep.html", "html")))


def test_a_10_mb_line_is_read_or_refused_in_one_line():
    text = ("North Korea deployed troops to Russia and the United States condemned it. " * 140000)[: 10 * 1024 * 1024]
    line = ('{"id": "big", "text": "' + text + '"}\n').encode()
    results = list(
        read_jsonl(io.BytesIO(line + b'{"id": "small", "text": "The talks were held in Minsk on Friday."}\n'), "big.jsonl")
    )
    _check(results)
    assert [r.id for r in results if isinstance(r, Article)] == ["big", "small"]


def test_control_characters_are_dropped():
    [art] = list(read_bytes(b"North Korea \x07deployed\x1b troops to Russia, the agency said on Monday.", "c.txt", "text"))
    assert art.text == "North Korea deployed troops to Russia, the agency said on Monday."

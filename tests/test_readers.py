import datetime as dt
import io
import json

import pytest

from kg.model import Article
from loaders.readers import ReadError, Skipped, decode, looks_english, read_jsonl, read_paths

TEXT = "North Korea confirmed on Monday that it has deployed troops to fight alongside Russian forces in Ukraine."


def _read(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_text_file_with_sidecar_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Title line\n" + TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"id": "art-1", "published": "2025-04-28", "title": "T"}))
    [art] = _read(tmp_path / "a.txt")
    assert isinstance(art, Article)
    assert (art.id, art.title, art.published) == ("art-1", "T", dt.date(2025, 4, 28))


def test_folder_is_read_recursively_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT + " B")
    (tmp_path / "a.txt").write_text(TEXT + " A")
    (tmp_path / "notes.csv").write_text("x,y")
    arts = _read(tmp_path)
    assert [a.text[-1] for a in arts] == ["A", "B"]


def test_missing_empty_and_binary_files_give_one_line_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "ok.txt").write_text(TEXT)
    results = _read(tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "bin.txt", tmp_path / "ok.txt")
    errors = [str(r) for r in results if isinstance(r, ReadError)]
    assert errors == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'bin.txt'}: binary content, not a text file",
    ]
    assert isinstance(results[-1], Article)
    assert all("\n" not in e for e in errors)


def test_malformed_jsonl_line_is_reported_with_its_number_and_the_rest_go_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "1", "text": TEXT, "published": "2025-04-28"}),
        '{"id": "2", "text": ',
        json.dumps({"id": "3", "text": TEXT, "published": "not a date"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "5", "title": "no text"}),
        json.dumps({"id": "6", "text": TEXT}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = _read(path)
    assert [r.id for r in results if isinstance(r, Article)] == ["1", "6"]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert str(errors[0]).startswith(f"{path}:2: malformed JSON")
    assert "not an ISO date" in str(errors[1])


def test_non_english_article_is_skipped_not_extracted(tmp_path):
    (tmp_path / "fr.txt").write_text(
        "La Corée du Nord a confirmé lundi avoir déployé des troupes pour combattre aux côtés des forces russes "
        "en Ukraine, selon les médias d'État, et le président a remercié les soldats."
    )
    [result] = _read(tmp_path / "fr.txt")
    assert isinstance(result, Skipped) and "not English" in result.reason
    assert looks_english(TEXT)


@pytest.mark.parametrize(
    "text, english",
    [
        ("Cambodian Prime Minister Hun Manet thanked China. Sen. Lindsey Graham condemned Russia.", True),
        ("North Korea Confirms Troop Deployment to Support Russia in Ukraine War", True),
        ("Le président français a condamné mardi les frappes russes contre les villes ukrainiennes.", False),
        ("El gobierno de Colombia condenó el ataque contra la embajada en Caracas según fuentes.", False),
        ("Президент России Владимир Путин поблагодарил Ким Чен Ына за поддержку в Курской области.", False),
        ("Die Bundesregierung hat die Sanktionen gegen den Iran am Montag mit sofortiger Wirkung verlängert.", False),
    ],
)
def test_short_texts_are_judged_by_script_and_by_which_language_s_function_words_they_use(text, english):
    assert looks_english(text) is english


def test_encodings_and_byte_order_marks():
    assert decode("\ufeff".encode("utf-8") + TEXT.encode(), "x") == TEXT
    assert decode(TEXT.encode("utf-16"), "x") == TEXT
    assert decode("Kyiv’s forces".encode("cp1252"), "x") == "Kyiv’s forces"


def test_stdin_is_sniffed_as_jsonl():
    stream = io.BytesIO((json.dumps({"id": "s1", "text": TEXT}) + "\n").encode())
    [art] = list(read_paths(["-"], stdin=stream))
    assert art.id == "s1"


def test_jsonl_published_default_applies_only_when_missing():
    stream = io.BytesIO(b'{"id": "x", "text": "%s"}\n' % TEXT.encode())
    [art] = list(read_jsonl(stream, "s", published=dt.date(2020, 1, 2)))
    assert art.published == dt.date(2020, 1, 2)


def test_html_main_text_only(tmp_path):
    page = f"""<html><head><title>Troops</title></head><body>
    <nav><a href='/'>Home</a> <a href='/world'>World</a></nav>
    <article><h1>North Korea confirms deployment</h1><p>{TEXT}</p>
    <p>South Korea also denounced the troop deployment, calling it an admission of a criminal act.</p></article>
    <div class='share'>Get link Share on X Other Apps</div>
    <div id='comments'><h3>Comments</h3><p>Post a Comment</p></div></body></html>"""
    (tmp_path / "p.html").write_text(page)
    [art] = _read(tmp_path / "p.html")
    assert isinstance(art, Article)
    assert "deployed troops" in art.text
    assert "Post a Comment" not in art.text and "Other Apps" not in art.text

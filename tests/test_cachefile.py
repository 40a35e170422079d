"""The build's cache files (dlqa.cachefile): written whole, and holding only what is used."""

from __future__ import annotations

import threading

from dlqa import cachefile


def test_kept_values_hold_what_the_last_build_used(tmp_path):
    first = cachefile.KeptValues(tmp_path / "a.json")
    first.put("old", 1)
    first.put("kept", "")  # an empty value is a value
    first.save()
    second = cachefile.KeptValues(tmp_path / "a.json")
    assert second.get("kept") == "" and second.get("missing") is None
    second.put("new", [2])
    second.save()
    assert cachefile.read_json(tmp_path / "a.json") == {"kept": "", "new": [2]}


def test_a_new_file_replaces_those_of_older_code(tmp_path):
    (tmp_path / "older.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("kept", encoding="utf-8")
    assert cachefile.key("code", b"bytes", "1.0") != cachefile.key("code", b"bytes", "1.1")
    values = cachefile.KeptValues(tmp_path / f"{cachefile.key('code', b'bytes', '1.1')}.json")
    values.put("k", 1)
    values.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["notes.txt",
                                                                 values.file.name])


def test_writers_side_by_side_leave_one_whole_file(tmp_path):
    target = tmp_path / "deep" / "cache.json"
    texts = [{"writer": n, "data": "x" * 200_000} for n in range(8)]
    threads = [threading.Thread(target=cachefile.write_json, args=(target, t)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cachefile.read_json(target) in texts
    assert [p.name for p in target.parent.iterdir()] == ["cache.json"]


def test_an_unreadable_file_is_no_cache(tmp_path):
    (tmp_path / "broken.json").write_text('{"half": ', encoding="utf-8")
    assert cachefile.read_json(tmp_path / "broken.json", "none") == "none"
    assert cachefile.KeptValues(tmp_path / "broken.json").get("half") is None

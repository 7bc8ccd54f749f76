"""Real places: national statistical division codes (统计用区划代码) and their tree.

A code has 12 digits: 2 province, 2 city, 2 county, 3 township, 3 village. A
place's level follows from which trailing groups are zero; its parent is the
code with its last non-zero group zeroed. Shorter prefix codes (2, 4, 6 or 9
digits) are accepted everywhere and padded.

Not checked here: that a code exists in the official list; only that the file
is internally consistent (well-formed, unique, every place has its parent).
"""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import io
import numbers
import operator
import os
import random
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .._errors import JurisdictionError

#: (level id, number of leading digits that identify a place of that level), top down.
LEVEL_DIGITS: tuple[tuple[str, int], ...] = (
    ("province", 2), ("city", 4), ("county", 6), ("township", 9), ("village", 12),
)
_DIGITS = dict(LEVEL_DIGITS)
_LENGTHS = {n: lv for lv, n in LEVEL_DIGITS}


def parse_code(raw: object) -> str:
    """Return the 12-digit form of a division code given with 2, 4, 6, 9 or 12 digits.

    >>> parse_code("331127")
    '331127000000'
    """
    text = str(raw).strip()
    if not text.isdigit() or not text.isascii():
        raise JurisdictionError(f"division code {text!r} must be digits only{_not_digits(text)}")
    if len(text) not in _LENGTHS:
        raise JurisdictionError(f"division code {text!r} has {len(text)} digits; use 2, 4, 6, 9 or 12")
    code = text.ljust(12, "0")
    if code[:2] == "00":
        raise JurisdictionError(f"division code {text!r} has no province part")
    return code


def _not_digits(text: str) -> str:
    """What to write for a code that is not digits, where it is a number as programs write it (hostile28: a CSV
    written by pandas from a column with an empty cell holds 330127100219.0, and it was "must be digits only")."""
    if re.fullmatch(r"[0-9]+\.0+", text):
        return (f": {text!r} is a whole number written as a decimal, as programs write a column of numbers with an "
                f"empty cell; write {text.split('.')[0]}")
    if re.fullmatch(r"[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+", text):
        return (": a long number in scientific notation, as Excel shows it and may save it: its last digits are lost; "
                "write the code's digits as text (format the column as text in Excel)")
    # '330127 101000' was told "write its … digits (330127100219)": the example, another place's code (ux46)
    digits = "".join(str(unicodedata.decimal(c, c)) for c in text if c not in " \u3000-_.,/")
    if digits.isascii() and digits.isdigit() and len(digits) in _LENGTHS:
        return f": write {digits}, without spaces or separators"
    return ": write its 2, 4, 6, 9 or 12 digits (330127100219)"


def level_of(code: str) -> str:
    """The level of a 12-digit code: the deepest group that is not all zeros.

    >>> level_of("331127100000")
    'township'
    """
    # Unrolled over LEVEL_DIGITS: this runs for every placed finding of a batch.
    if code[9:12] != "000":
        return "village"
    if code[6:9] != "000":
        return "township"
    if code[4:6] != "00":
        return "county"
    if code[2:4] != "00":
        return "city"
    return "province"


def is_residents_committee(code: str) -> bool:
    """Whether the 12-digit ``code`` is an urban community's (a residents' committee's, 社区/居委会), not a village's.

    The national statistical division code (统计用区划代码编制规则) numbers a village-level place by what it is:
    digits 10–12 001–199 a 居民委员会, 200–399 a 村民委员会, 400–599 a 类似居民委员会, 600–799 a 类似村民委员会
    (every 001–199 code of the shipped Zhejiang file is named …社区, its 400s …类似社区). A place above the
    village level is no committee of either kind.

    >>> [is_residents_committee(c) for c in ("330102001051", "330127100219", "330102001000", "330102001")]
    [True, False, False, False]
    """
    return len(code) == 12 and code[9:12] != "000" and code[9] in "0145"


def _check_shape(code: str) -> None:
    """A code whose deeper group is set while a shallower one is zero is malformed."""
    zero_seen = False
    prev = 0
    for _, n in LEVEL_DIGITS:
        group = code[prev:n]
        if group.strip("0") and zero_seen:
            raise JurisdictionError(f"division code {code!r} skips a level (a zero group before a set one)")
        zero_seen = zero_seen or not group.strip("0")
        prev = n


def ancestor_code(code: str, level: str) -> str:
    """The code of the place at ``level`` that contains ``code``."""
    n = _DIGITS[level]
    return code[:n].ljust(12, "0")


def parent_code(code: str) -> str | None:
    """The code of the place directly containing ``code`` (``None`` for a province)."""
    level = level_of(code)
    names = [lv for lv, _ in LEVEL_DIGITS]
    i = names.index(level)
    return None if i == 0 else ancestor_code(code, names[i - 1])


@dataclass(frozen=True, slots=True)
class Place:
    """One place: its 12-digit code, name and level."""

    code: str
    name: str
    level: str

    @property
    def parent(self) -> str | None:
        """Code of the containing place."""
        return parent_code(self.code)


class Jurisdiction:
    """A tree of places keyed by division code.

    >>> from responsibility import Jurisdiction
    >>> j = Jurisdiction.example()
    >>> j.place("33").name
    '浙江省'
    """

    def __init__(self, places: Mapping[str, Place] | Iterable[Place], *, name: str = "",
                 provenance: Mapping[str, str] | None = None) -> None:
        """Build from :class:`Place` objects (or a ``code -> Place`` mapping), checked as a file is:

        each code well-formed (2, 4, 6, 9 or 12 digits, padded to 12), each level the code's own,
        each name given and free of control characters, no code twice, every place's containing
        place there. Every problem is reported at once, each with its index or key.

        >>> Jurisdiction([Place("33", "浙江省", "province"), Place("3301", "杭州市", "city")]).place("3301").name
        '杭州市'
        """
        self._setup(_checked(places), name, provenance)

    @classmethod
    def _trusted(cls, places: Iterable[Place], *, name: str = "",
                 provenance: Mapping[str, str] | None = None) -> Jurisdiction:
        """A jurisdiction over places already checked (a file's rows, a synthetic province) or
        deliberately odd (tests of code that must survive one): not checked again."""
        j = cls.__new__(cls)
        j._setup({p.code: p for p in places}, name, provenance)
        return j

    def _setup(self, made: dict[str, Place], name: str, provenance: Mapping[str, str] | None) -> None:
        self._made: dict[str, Place] = made
        self._names_made: dict[str, str] | None = {c: p.name for c, p in self._made.items()}
        #: the ``code -> name`` pairs as the cache keeps them, until :attr:`_names` is first asked for
        self._packed: tuple[str, str | list[str]] | None = None
        self.name = name
        #: What the file says of itself: its leading ``# key: value`` lines (source, licence, build date …).
        self.provenance: dict[str, str] = dict(provenance or {})
        self._children: dict[str, list[str]] | None = None
        self._ancestors: dict[str, list[Place]] = {}
        self._levels: dict[str, tuple[Place, ...]] = {}
        #: The key of this jurisdiction's entry in the per-user cache where it was read from or written to it
        #: (a hash of its file's bytes and of the code that reads them: it names these places), else ``None``.
        self.cache_key: str | None = None

    @property
    def _names(self) -> dict[str, str]:
        """The ``code -> name`` pairs (of a jurisdiction loaded from the cache, made when first asked for: a run
        whose assessor comes from its own cache entry asks for none)."""
        names = self._names_made
        if names is None:
            assert self._packed is not None
            names = self._names_made = _unpack(*self._packed)
            self._packed = None
        return names

    @classmethod
    def _of_names(cls, names: dict[str, str] | tuple[str, str | list[str]], *, name: str,
                  provenance: Mapping[str, str], cache_key: str | None = None) -> Jurisdiction:
        """A jurisdiction over 12-digit ``code -> name`` pairs already known to be consistent (or as
        :func:`_pack` packs them); each :class:`Place` is made when first asked for (a province loads in
        milliseconds)."""
        j = cls._trusted((), name=name, provenance=provenance)
        if isinstance(names, dict):
            j._names_made = names
        else:
            j._names_made, j._packed = None, names
        j.cache_key = cache_key
        return j

    def _make(self, code: str) -> Place | None:
        place = self._made.get(code)
        if place is None and (place_name := self._names.get(code)) is not None:
            place = self._made[code] = Place(code, place_name, level_of(code))
        return place

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[Place]:
        return (self._make(c) or _never() for c in sorted(self._names))

    def __contains__(self, code: object) -> bool:
        try:
            return parse_code(code) in self._names
        except JurisdictionError:
            return False

    def __repr__(self) -> str:
        counts = self.counts()
        return f"<Jurisdiction {self.name!r}: " + ", ".join(f"{n} {lv}" for lv, n in counts.items()) + ">"

    def _repr_html_(self) -> str:
        import html

        counts = self.counts()
        top = [p for p in self if p.level == "province"][:3]
        rows = "".join(f"<tr><td>{lv}</td><td>{n:,}</td></tr>" for lv, n in counts.items())
        names = "、".join(html.escape(p.name) for p in top)
        return (f"<div><b>Jurisdiction</b> {html.escape(self.name)} — {len(self):,} places"
                f"{' in ' + names if names else ''}<table><thead><tr><th>level</th><th>places</th></tr></thead>"
                f"<tbody>{rows}</tbody></table></div>")

    def _listing(self) -> tuple[list[str], list[str], dict[str, str]]:
        """Every code in order and its name, without making a :class:`Place` for each; and the
        level of each place made with a level other than its code's."""
        codes = sorted(self._names)
        names = list(map(self._names.__getitem__, codes))
        odd = {c: p.level for c, p in self._made.items() if p.level != level_of(c)}
        return codes, names, odd

    def counts(self) -> dict[str, int]:
        """Number of places per level, top down."""
        out = {lv: 0 for lv, _ in LEVEL_DIGITS}
        for code in self._names:
            out[level_of(code)] += 1
        return out

    def place(self, code: object) -> Place:
        """The place with ``code`` (any accepted length); :class:`JurisdictionError` if unknown."""
        place = self._make(parse_code(code))
        if place is None:
            raise JurisdictionError(f"place {code!s} is not in jurisdiction {self.name!r}; " + (
                self.missing(code) or "check the code or load the jurisdiction that contains it"))
        return place

    def named(self, name: str) -> list[Place]:
        """The places called ``name`` (exactly), in code order — for telling a user who wrote a place's name
        where its code is due which code it is.

        >>> [p.code for p in Jurisdiction.example().named("富城村")]
        ['330127100219']
        """
        index: dict[str, list[str]] | None = self.__dict__.get("_by_name")
        if index is None:
            index = {}
            for code in sorted(self._names):
                index.setdefault(self._names[code], []).append(code)
            self.__dict__["_by_name"] = index
        return [self._make(c) or _never() for c in index.get(name, [])]

    def get(self, code: str) -> Place | None:
        """The place with the 12-digit ``code``, or ``None``; :meth:`place` reads any accepted length."""
        got = self._made.get(code) or self._make(code)
        if got is None and isinstance(code, numbers.Number):  # (get(330127100219) answered None: no such place)
            raise TypeError(f"get(): a place's code is its 12 digits as text (get('330127100219')), not "
                            f"{type(code).__name__}; place(code) reads a number or a shorter code too")
        return got

    def ancestors(self, code: object) -> list[Place]:
        """The place and every place containing it, from it up to the province."""
        place = self.place(code)
        cached = self._ancestors.get(place.code)
        if cached is None:
            cached = [place]
            while (parent := cached[-1].parent) is not None:
                above = self._make(parent)
                if above is None:  # only a jurisdiction made of Place objects can lack one (a CSV is checked)
                    raise JurisdictionError(
                        f"place {cached[-1].code} ({cached[-1].name}) is in jurisdiction {self.name!r}, but the place "
                        f"containing it, {parent}, is not; add it (every place needs the places above it)")
                cached.append(above)
            self._ancestors[place.code] = cached
        return list(cached)

    def missing(self, code: object) -> str | None:
        """What to say of a well-formed ``code`` the jurisdiction does not hold, that lies inside a county or township
        it holds, whose places it lists: that place has no such place (a typo, not a code of another jurisdiction:
        check52b #10), with the nearest codes of its level there; ``None`` otherwise (a code outside it, or one below
        the places it lists: another jurisdiction is the cure).

        >>> print(Jurisdiction.example().missing("330127100291"))  # doctest: +NORMALIZE_WHITESPACE
        千岛湖镇 (330127100) has no place 330127100291; check the code (did you mean 330127100219 (富城村),
        330127100261 (进贤村), 330127100251 (马路村)?)
        """
        try:
            full = parse_code(code)
        except JurisdictionError:
            return None
        if full in self._names:
            return None
        depth = _DIGITS[level_of(full)]
        for n in (9, 6):  # the township, then the county, that would hold it
            above = full[:n].ljust(12, "0")
            if depth <= n or above not in self._names:
                continue
            codes: list[str] | None = self.__dict__.get("_sorted")
            if codes is None:
                codes = self.__dict__["_sorted"] = sorted(self._names)
            lo, hi = bisect.bisect_right(codes, above), bisect.bisect_left(codes, full[:n] + "A")
            peers = [c for c in codes[lo:hi] if level_of(c) == level_of(full)]
            if not peers:
                return None  # the jurisdiction lists no place of that level there: one that does is the cure
            # the codes a digit or two away, a swap of two digits first, then the closest in number
            near = sorted((c for c in peers if sum(a != b for a, b in zip(c, full, strict=True)) <= 2),
                          key=lambda c: (sorted(c) != sorted(full), sum(a != b for a, b in zip(c, full, strict=True)),
                                         abs(int(c) - int(full))))[:3]
            shown = ", ".join(f"{c[:depth]} ({self._names[c]})" for c in near)
            return (f"{self._names[above]} ({full[:n]}) has no place {str(code).strip()}; check the code"
                    + (f" (did you mean {shown}?)" if near else ""))
        return None

    def children(self, code: object) -> list[Place]:
        """Places directly under ``code``, by code."""
        if self._children is None:
            children: dict[str, list[str]] = {}
            for c in sorted(self._names):
                if (parent := parent_code(c)) is not None:
                    children.setdefault(parent, []).append(c)
            self._children = children
        return [self._make(c) or _never() for c in self._children.get(parse_code(code), [])]

    def at_level(self, level: str) -> list[Place]:
        """All places of ``level``, by code."""
        found = self._levels.get(level)
        if found is None:
            found = self._levels[level] = tuple(self._make(c) or _never() for c in sorted(self._names)
                                                if level_of(c) == level)
        return list(found)

    # ------------------------------------------------------------------ reading

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str | None]], *, source: str = "<rows>",
                  first_line: int = 2, provenance: Mapping[str, str] | None = None) -> Jurisdiction:
        """Build from mappings with ``code``, ``name`` and optional ``level``, ``parent``.

        Every bad row is reported, each with its line number; the error lists them all.
        """
        def entries() -> Iterator[_Entry]:
            for line, row in enumerate(rows, start=first_line):
                # csv.DictReader's cells beyond the header
                too_many = "more cells than the header has columns (a comma in a name? quote it)" \
                    if row.get(None) else None  # type: ignore[call-overload]
                given_parent = (row.get("parent") or "").strip()
                yield _Entry(f"{source}:{line}", f"line {line}", (row.get("code") or "").strip(),
                             (row.get("name") or "").strip(), (row.get("level") or "").strip(), too_many,
                             functools.partial(_parent_fault, given=given_parent) if given_parent else None)

        places, errors = _gather(entries(), name_fix="fill the name column", level_fix=False,
                                 parent_tail="in the file")
        if not places and not errors:  # (every row given is a place or an error: no row at all)
            # (a header alone made a jurisdiction of no place, and every record was then "not in jurisdiction";
            # hostile60 N4)
            raise JurisdictionError("holds no place: write one row a place under the header (code,name), the "
                                    "province down to the villages a record names", file=source,
                                    line=max(first_line - 1, 1))
        if errors:
            raise JurisdictionError(f"{len(errors):,} problem(s):\n" + _listed(errors), file=source)
        return cls._trusted(places.values(), name=_stem(source), provenance=provenance)

    @classmethod
    def from_csv(cls, path: str | Path) -> Jurisdiction:
        """Read a CSV with at least the columns ``code,name`` (optional ``level``, ``parent``);
        a name ending in ``.gz`` is read through gzip. Leading ``# key: value`` lines become
        :attr:`provenance`.

        A file that reads cleanly is kept in the per-user cache (:mod:`responsibility.policy._cache`)
        as its ``code -> name`` pairs, under a hash of its bytes and of the code that reads it, and
        the next run that reads the same bytes loads them (a province of 26,000 places: ~0.005 CPU s
        instead of ~0.08): see :func:`_cache_key`."""
        from .._errors import RulesError
        from ..policy._yaml import decode_text, read_bytes

        if not isinstance(path, str | os.PathLike):  # (was os.fspath's "expected str, bytes or os.PathLike object")
            kind = type(path).__name__
            raise TypeError(f"from_csv() reads a CSV file (its path), not {kind}" + (
                "; for a frame of code,name rows: Jurisdiction.from_csv_text(df.to_csv(index=False))"
                if kind == "DataFrame" else ""))
        p = Path(path)
        limit = 256 * 2**20
        try:  # a regular file of at most 256 MiB (not a FIFO or /dev/zero), UTF-8 text
            data = read_bytes(p, str(p), max_bytes=limit)
            key = _cache_key(data, "gz" if p.suffix == ".gz" else "csv")
            if key is not None and (got := _cached(key)) is not None:
                return cls._of_names(got[0], name=_stem(str(p)), provenance=got[1], cache_key=key)
            if p.suffix == ".gz":
                data = _gunzip(data, limit, str(p))
            text = decode_text(data, str(p))
        except RulesError as exc:
            issue = exc.issues[0]
            hint = f" ({issue.hint})" if issue.hint else ""
            raise JurisdictionError(f"jurisdiction file: {issue.message}{hint}", file=str(p),
                                    line=issue.line or None) from None
        j, clean = cls._from_text(text, str(p))
        if key is not None and clean:
            from ..policy import _cache

            _cache.write_entry(CACHE_KIND, key, CACHE_FORMAT, (*_pack(j._names), j.provenance), CACHE_KEEP)
            j.cache_key = key
        return j

    @classmethod
    def from_csv_text(cls, text: str, *, source: str = "<csv>") -> Jurisdiction:
        """Parse CSV text (see :meth:`from_csv`)."""
        return cls._from_text(text, source)[0]

    @classmethod
    def _from_text(cls, text: str, source: str) -> tuple[Jurisdiction, bool]:
        """The jurisdiction of CSV text, and whether it was read on the clean path (every row
        accepted and consistent: only its ``code -> name`` pairs and provenance), which alone is cached."""
        every = text.splitlines()
        lines = [ln for ln in every if not ln.startswith("#")]
        skipped = len(every) - len(lines)
        body = "\n".join(lines)
        reader = csv.DictReader(io.StringIO(body))
        try:
            fields = reader.fieldnames
        except csv.Error as exc:
            raise _not_csv(exc, source, 1 + skipped) from None
        missing = {"code", "name"} - set(fields or [])
        if missing:
            # (a header of one column holding ';' or a tab is another separator: said, as assess's CSV reader says it)
            other = next((sep for sep in (";", "\t", "|") if fields and len(fields) == 1 and sep in fields[0]), None)
            raise JurisdictionError(f"missing column(s) {', '.join(sorted(missing))}; the header needs code,name"
                                    + (f" (the header reads as one column {fields[0]!r}: its columns are separated by "
                                       f"{other!r}; separate them with commas)" if other and fields else ""),
                                    file=source, line=1 + skipped)
        try:
            rows = list(reader.reader)  # the rows after the header, as lists of cells
        except csv.Error:
            names = None
        else:
            # (no row at all: from_rows says so, as it does for rows given in Python)
            names = _consistent(reader.fieldnames or [], rows) if any(rows) else None
        if names is not None:
            return cls._of_names(names, name=_stem(source), provenance=_provenance(text)), True
        # something is wrong: every row read and checked one by one, each problem with its line
        reader = csv.DictReader(io.StringIO(body))
        try:
            return cls.from_rows(reader, source=source, first_line=2 + skipped, provenance=_provenance(text)), False
        except csv.Error as exc:
            raise _not_csv(exc, source, reader.line_num + skipped) from None

    def to_csv(self) -> str:
        """The jurisdiction as CSV text with columns ``code,name,level,parent``."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent"])
        for p in self:
            w.writerow([p.code, p.name, p.level, p.parent or ""])
        return buf.getvalue()

    @classmethod
    def example(cls) -> Jurisdiction:
        """The default jurisdiction shipped with the package: the whole of Zhejiang down to its
        villages (national statistical division codes; :attr:`provenance` says which edition
        and where from). Loaded once per process, each place made when first asked for.

        >>> Jurisdiction.example().place("330127100219").name
        '富城村'
        """
        return _shipped()

    @classmethod
    def synthetic(cls, cities: int = 11, counties: int = 90, townships: int = 1300, villages: int = 25000,
                  *, province: str = "33", seed: int = 0) -> Jurisdiction:
        """A synthetic province of the given size, the same for the same arguments.

        Each city has at least one county, each county one township, each township one village. Its villages are
        villages (合成村): numbered as the national code numbers a 村民委员会 (digits 10–12 from 201, then from 601),
        not as a residents' committee (001–199, :func:`is_residents_committee`), at most 399 to a township.
        """
        def whole(name: str, n: object) -> int:  # ("3" was "'<=' not supported between …"; numpy's int64 is one)
            if isinstance(n, bool) or not hasattr(n, "__index__"):
                raise TypeError(f"synthetic(): {name} is a whole number, not {type(n).__name__} ({n!r})")
            return operator.index(n)

        cities, counties, townships, villages, seed = (whole(k, v) for k, v in (
            ("cities", cities), ("counties", counties), ("townships", townships), ("villages", villages),
            ("seed", seed)))
        if not (1 <= cities <= counties <= townships <= villages) or cities > 99 or counties > cities * 99 \
                or villages > townships * 399:
            raise JurisdictionError("need 1 ≤ cities ≤ counties ≤ townships ≤ villages, at most 99 cities, "
                                    "99 counties per city and 399 villages per township")
        rng = random.Random(seed)

        def spread(n: int, over: int, cap: int) -> list[int]:
            sizes = [1] * over
            for _ in range(n - over):
                i = rng.randrange(over)
                while sizes[i] >= cap:
                    i = (i + 1) % over
                sizes[i] += 1
            return sizes

        places = [Place(parse_code(province), "合成省", "province")]
        county_sizes = spread(counties, cities, 99)
        township_sizes = iter(spread(townships, counties, 999))
        village_sizes = iter(spread(villages, townships, 399))
        for ci, nc in enumerate(county_sizes, start=1):
            city = f"{province}{ci:02d}"
            places.append(Place(parse_code(city), f"合成市{ci:02d}", "city"))
            for ki in range(1, nc + 1):
                county = f"{city}{ki:02d}"
                places.append(Place(parse_code(county), f"合成县{city[2:]}{ki:02d}", "county"))
                for ti in range(1, next(township_sizes) + 1):
                    township = f"{county}{ti:03d}"
                    places.append(Place(parse_code(township), f"合成乡镇{township[2:]}", "township"))
                    for vi in range(1, next(village_sizes) + 1):
                        village = f"{township}{vi + (200 if vi < 200 else 400):03d}"
                        places.append(Place(village, f"合成村{village[2:]}", "village"))
        return cls._trusted(places, name=f"synthetic-{province}-{villages}")


#: A well-formed 12-digit code (no zero group before a set one, a province part), the group that
#: matches last telling its level: 1 province … 5 village (what :func:`parse_code`, :func:`_check_shape`
#: and :func:`level_of` say of it).
_SHAPE = re.compile(r"(?!00)[0-9]{2}(?:(0{10})|(?!00)[0-9]{2}(?:(0{8})|(?!00)[0-9]{2}"
                    r"(?:(0{6})|(?!000)[0-9]{3}(?:(000)|(?!000)[0-9]{3}()))))")
_LEVELS = tuple(lv for lv, _ in LEVEL_DIGITS)
#: A code's parent at depth d (1 province … 5 village) keeps its first _CUT[d] digits, then _PAD[d]
#: ("" for a province, which has none).
_CUT = (0, 0, *(n for _, n in LEVEL_DIGITS[:-1]))
_PAD = ("", "", *("0" * (12 - n) for _, n in LEVEL_DIGITS[:-1]))
_DEPTH = operator.attrgetter("lastindex")


def _consistent(header: Sequence[str], rows: list[list[str]]) -> dict[str, str] | None:
    """The ``code -> name`` pairs of a jurisdiction file's rows (12-digit codes, in file order)
    when every row is one :meth:`Jurisdiction.from_rows` accepts and the whole is consistent
    (unique codes, every parent there); ``None`` when anything is not so, for
    :meth:`~Jurisdiction.from_rows` to find and report. Checked a column at a time."""
    if len(set(header)) != len(header):
        return None
    width = len(header)
    rows = [r for r in rows if r]  # csv.DictReader skips blank rows
    if not rows or any(len(r) != width for r in rows):
        return None
    columns = dict(zip(header, zip(*rows, strict=True), strict=True))
    codes = list(map(str.strip, columns["code"]))
    joined = "".join(codes)
    lengths = set(map(len, codes))
    if not (joined.isascii() and joined.isdigit()) or not lengths <= _LENGTHS.keys():
        return None
    full = codes if lengths == {12} else [c.ljust(12, "0") for c in codes]
    shapes = list(map(_SHAPE.fullmatch, full))
    if None in shapes:
        return None
    depths: list[int] = list(map(_DEPTH, shapes))
    names = list(map(str.strip, columns["name"]))
    if not all(names) or (not "".join(names).isprintable() and any(map(_control, names))):
        return None
    if "level" in columns and not all(not g or g == _LEVELS[d - 1]  # a few distinct pairs
                                      for g, d in set(zip(map(str.strip, columns["level"]), depths, strict=True))):
        return None
    parents = [c[:_CUT[d]] + _PAD[d] for c, d in zip(full, depths, strict=True)]
    if "parent" in columns:
        given = list(map(str.strip, columns["parent"]))
        if given != parents and not all(not g or (len(g) in _LENGTHS and g.ljust(12, "0") == p)
                                        for g, p in zip(given, parents, strict=True)):
            return None
    out = dict(zip(full, names, strict=True))
    if len(out) != len(full) or not set(parents).difference({""}) <= out.keys():
        return None
    return out


def _checked(places: Mapping[str, Place] | Iterable[Place]) -> dict[str, Place]:
    """``code -> Place`` of the places given to :class:`Jurisdiction`, each code in its 12-digit form,
    after the checks :meth:`Jurisdiction.from_rows` makes of a file's rows; every problem reported at once."""
    given = ((f"places[{k!r}]", k, p) for k, p in places.items()) if isinstance(places, Mapping) else \
        ((f"places[{i}]", None, p) for i, p in enumerate(places))

    def entries() -> Iterator[_Entry]:
        for where, key, place in given:
            if not isinstance(place, Place):
                yield _Entry(where, where, "", "", "",
                             f"a {type(place).__name__}, not a Place; make one with Place(code, name, level)", None)
                continue
            yield _Entry(where, where, place.code, place.name, place.level, None,
                         None if key is None else functools.partial(_key_fault, key=key, given=place.code))

    out, errors = _gather(entries(), name_fix="give its name", level_fix=True, parent_tail="among the places")
    if errors:
        raise JurisdictionError(f"{len(errors):,} problem(s) in the places given to Jurisdiction:\n"
                                + _listed(errors))
    return out


@dataclass(frozen=True)
class _Entry:
    """One place as given (a file's row or a constructor's item), before it is checked."""

    where: str  # how an error points at it: "file.csv:7", "places[3]"
    first: str  # how a later duplicate points back at it: "line 7", "places[3]"
    code: str
    name: object
    level: str  # "" when not given
    fault: str | None  # already known to be unusable, and why
    also: Callable[[str], str | None] | None  # a further check of the parsed code (the parent column, the key)


#: Problems of a jurisdiction listed in its error; the rest are counted (review23b R23b-4: 200,000 bad rows made
#: an 8 MB message, and the CLI printed it on one line).
_LISTED = 20


def _listed(errors: list[str]) -> str:
    """The first :data:`_LISTED` of ``errors``, one a line, and how many more."""
    more = len(errors) - _LISTED
    return "\n".join(errors[:_LISTED]) + (f"\n… and {more:,} more (fix these first: the rest are often the same)"
                                          if more > 0 else "")


def _gather(entries: Iterable[_Entry], *, name_fix: str, level_fix: bool,
            parent_tail: str) -> tuple[dict[str, Place], list[str]]:
    """The checks every way of giving places shares, so a file and the constructor refuse the same things:
    code shape, level against code, a name without control characters, no code twice, every parent present."""
    errors: list[str] = []
    out: dict[str, Place] = {}
    where_of: dict[str, _Entry] = {}
    # (the codes of rows refused for another fault: their places are not missing, only said already — one township
    # name with a control character made 35 "has no parent" lines, one a village; hostile60 N4)
    refused: set[str] = set()
    for e in entries:
        if e.fault is not None:
            errors.append(f"{e.where}: {e.fault}")
            continue
        try:
            code = parse_code(e.code)
            _check_shape(code)
        except JurisdictionError as exc:
            errors.append(f"{e.where}: {exc}")
            continue
        if e.also is not None and (fault := e.also(code)) is not None:
            errors.append(f"{e.where}: {fault}")
            refused.add(code)
            continue
        name = e.name
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{e.where}: place {e.code} has no name; {name_fix}")
            refused.add(code)
            continue
        if bad := _control(name):  # it would act on a terminal or hide in a spreadsheet or a picture
            errors.append(f"{e.where}: the name of {e.code} holds a control character ({bad!a}); remove it")
            refused.add(code)
            continue
        level = level_of(code)
        if e.level and e.level not in _LEVELS:  # a typo is not a mismatch (review20b B20-11)
            import difflib

            close = difflib.get_close_matches(str(e.level), _LEVELS, n=1, cutoff=0.6)
            errors.append(f"{e.where}: level {e.level!r} is not a level id; " +
                          (f"did you mean {close[0]!r}? " if close else "") +
                          f"a jurisdiction gives one of {', '.join(_LEVELS)} (code {e.code} is a {level})")
            refused.add(code)
            continue
        if e.level and e.level != level:
            errors.append(f"{e.where}: level {e.level!r} does not match code {e.code} (a {level})"
                          + (f"; give {level!r}" if level_fix else ""))
            refused.add(code)
            continue
        if code in out:
            errors.append(f"{e.where}: duplicate code {code} (first at {where_of[code].first})")
            continue
        out[code] = Place(code, name, level)
        where_of[code] = e
    for code, place in out.items():
        parent = parent_code(code)
        if parent is not None and parent not in out and not _under_refused(code, refused):
            errors.append(f"{where_of[code].where}: place {code} ({place.name}) has no parent {parent} "
                          f"{parent_tail}; add the containing place")
    return out, errors


def _under_refused(code: str, refused: set[str]) -> bool:
    """Whether a place of ``code`` lies under a place whose row was refused for a fault already said."""
    parent = parent_code(code)
    while parent is not None:
        if parent in refused:
            return True
        parent = parent_code(parent)
    return False


def _parent_fault(code: str, given: str) -> str | None:
    """What is wrong with a row's ``parent`` cell, if anything."""
    try:
        if parse_code(given) != parent_code(code):
            return f"parent {given} does not contain {code}"
    except JurisdictionError as exc:
        return f"parent: {exc}"
    return None


def _key_fault(code: str, key: str, given: str) -> str | None:
    """What is wrong with the key a place is given under in a mapping, if anything."""
    try:
        if parse_code(key) == code:
            return None
    except JurisdictionError:
        pass
    return f"the key is not the code of the place it holds ({given}); key it by its code"


def _control(name: str) -> str:
    """The first control or format character of ``name`` (NUL, ESC, a right-to-left override), or ``""``."""
    import unicodedata

    return next((c for c in name if unicodedata.category(c) in ("Cc", "Cf")), "")


def _not_csv(exc: Exception, source: str, line: int) -> JurisdictionError:
    """A jurisdiction file the csv module cannot read (a cell over its 128 KiB limit, a stray NUL)."""
    return JurisdictionError(f"not valid CSV ({exc}); a quote left open, or a file that is not a jurisdiction's "
                             "code,name table?", file=source, line=line)


def _never() -> Place:
    raise AssertionError("a code of the jurisdiction has no place")  # pragma: no cover


def _gunzip(data: bytes, limit: int, name: str) -> bytes:
    """The gzip-compressed ``data`` expanded, every member of it (``cat a.gz b.gz`` is one file, as ``zcat``
    reads it), at most ``limit`` bytes; a stream that stops before its end is refused, not read as far as it goes
    (a truncated copy would drop places and cut the last name short, and then refuse records placed there)."""
    out = bytearray()
    rest = data
    while True:
        inflate = zlib.decompressobj(wbits=31)
        try:
            out += inflate.decompress(rest, limit + 1 - len(out))
        except zlib.error:
            raise JurisdictionError("jurisdiction file: not gzip data (compress it with gzip, or drop the .gz)"
                                    if not out else "jurisdiction file: the data after a gzip member is not "
                                    "gzip (a damaged copy?); copy or download it again", file=name) from None
        if len(out) > limit or inflate.unconsumed_tail:
            raise JurisdictionError(f"jurisdiction file: expands to more than {limit // 2**20} MiB (split it "
                                    "into smaller files)", file=name)
        if not inflate.eof:
            raise JurisdictionError("jurisdiction file: the gzip data ends early (a truncated copy or download?); "
                                    "copy it again", file=name)
        rest = inflate.unused_data
        if not rest.strip(b"\0"):  # gzip's own tools pad tapes with zeros and ignore them
            return bytes(out)


def _stem(source: str) -> str:
    name = Path(source).name
    for suffix in (".gz", ".csv"):
        name = name.removesuffix(suffix)
    return name


def _provenance(text: str) -> dict[str, str]:
    """The ``# key: value`` lines that open a jurisdiction file."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].partition(":")
        if sep and key.strip() and " " not in key.strip():
            out[key.strip()] = value.strip()
    return out


#: The kind of a jurisdiction's entry in the per-user cache, the shape of what it holds (bumped when that
#: changes: a ``(code -> name, provenance)`` pair of dicts), and how many entries to keep (the newest).
CACHE_KIND = "jurisdiction"
#: 2: the codes as one text and the names as another (a line each), not a dict: a dict of 26,000 places took
#: ~0.013 CPU s to unpickle in every run, which now makes it only when a place is first asked for (:func:`_pack`)
CACHE_FORMAT = 2
CACHE_KEEP = 8


def _cache_key(data: bytes, how: str) -> str | None:
    """The cache key of a jurisdiction file's bytes ``data`` read as ``how`` says (``csv``; ``gz``, through
    gzip; ``shipped``, the package's own file, whose rows are trusted), or ``None`` when
    the cache is off or the code cannot be hashed. It hashes the bytes and the code that turns them into
    places (``policy/``, ``chain/`` and ``_errors.py``, as the policy cache's key does) with the Python
    version, so an entry is never read for other bytes or by other code; the name of the file, which only
    names the jurisdiction, is taken from the path each time."""
    from ..policy import _cache

    if not _cache.enabled():
        return None
    try:
        code = _cache.code_digest()
    except Exception:  # (a sourceless install: no code to hash, nothing cached)
        return None
    import hashlib
    import sys

    h = hashlib.sha256(f"{CACHE_KIND}\0{CACHE_FORMAT}\0{sys.version}\0{how}\0".encode())
    h.update(code)
    h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def _pack(names: dict[str, str]) -> tuple[str, str | list[str]]:
    """12-digit ``code -> name`` pairs as the cache keeps them: the codes a line each in one text, and the names a
    line each in another (a list where a name holds a line break)."""
    texts = list(names.values())
    return "\n".join(names), texts if any("\n" in x for x in texts) else "\n".join(texts)


def _unpack(codes: str, texts: str | list[str]) -> dict[str, str]:
    """The ``code -> name`` pairs :func:`_pack` packed."""
    return dict(zip(codes.split("\n"), texts.split("\n") if isinstance(texts, str) else texts, strict=True))


def _cached(key: str) -> tuple[tuple[str, str | list[str]], dict[str, str]] | None:
    """The ``code -> name`` pairs (as :func:`_pack` packs them) and provenance cached under ``key``, or ``None``
    (no entry; a corrupt, foreign or damaged one, which :func:`~responsibility.policy._cache.read_entry`
    refuses; one not of this shape)."""
    from ..policy import _cache

    got = _cache.read_entry(CACHE_KIND, key, CACHE_FORMAT)
    if not (isinstance(got, tuple) and len(got) == 3 and type(got[0]) is str and type(got[2]) is dict and got[0]):
        return None
    codes, texts = got[0], got[1]
    count = codes.count("\n") + 1
    if not ((type(texts) is str and texts.count("\n") + 1 == count)
            or (type(texts) is list and len(texts) == count and all(type(x) is str for x in texts))):
        return None
    return (codes, texts), got[2]


#: The shipped default, gzip-compressed CSV ``code,name`` written by tools/build_jurisdiction.py.
DEFAULT_FILE = "zhejiang.csv.gz"


@functools.cache
def _shipped() -> Jurisdiction:
    """Read the shipped default once: it is checked when built (and by the tests), so this path
    trusts its rows and only pads their codes (the full check takes ten times as long)."""
    packaged = Path(str(resources.files("responsibility"))) / "_data" / "jurisdictions"
    folder = packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "examples" / "jurisdictions"
    path = folder / DEFAULT_FILE
    try:
        raw = path.read_bytes()
        key = _cache_key(raw, "shipped")  # (loaded from the per-user cache: ~0.005 CPU s instead of ~0.02)
        if key is not None and (got := _cached(key)) is not None:
            return Jurisdiction._of_names(got[0], name=_stem(DEFAULT_FILE), provenance=got[1], cache_key=key)
        text = gzip.decompress(raw).decode("utf-8")
    except OSError as exc:  # a broken installation, not a user mistake
        raise JurisdictionError(f"the shipped jurisdiction is missing or unreadable: {exc}; reinstall the "
                                "package", file=str(path)) from None
    head, sep, body = text.partition("\ncode,name\n")
    if not sep:
        raise JurisdictionError("the shipped jurisdiction has no code,name header; reinstall the package",
                                file=str(path))
    names: dict[str, str] = {}
    for line in body.splitlines():
        code, _, place_name = line.partition(",")
        names[code.ljust(12, "0")] = place_name
    provenance = _provenance(head + "\n")
    if key is not None:
        from ..policy import _cache

        _cache.write_entry(CACHE_KIND, key, CACHE_FORMAT, (*_pack(names), provenance), CACHE_KEEP)
    return Jurisdiction._of_names(names, name=_stem(DEFAULT_FILE), provenance=provenance, cache_key=key)

"""engine/_dicts.c ``sheet_slots`` (session 46: the slot loop of ``Decider._sheet`` in C, where every memo it reads
holds what it needs) must give exactly the slots the Python loop gives — the same values dicts with the same keys in
the same order, each a new dict — and give ``None`` (so that the loop makes them) wherever the loop would read
something the memos lack; a new place's entry it makes through the same function the loop calls. And ``untrack``,
which now tells the objects being read by the path it is on (no set of addresses), must untrack and leave tracked
exactly what it did: a cycle stays tracked, an object left tracked is read once however often it is met."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import pytest

_dicts = pytest.importorskip("responsibility.engine._dicts")

D = dt.date
DIGITS = {"province": 2, "city": 4, "county": 6, "township": 9, "village": 12}
FOUND = {"place": "", "finder": "县", "finder_en": "county", "channel": "", "channel_en": "", "received": "",
         "assigned": "", "deadline": "", "assignee": "", "assignee_en": "", "since": "", "since_en": ""}
ASSIGNEES = {1: ("省", "province"), 2: ("市", "city"), 3: ("县", "county"), 4: ("乡", "township"), 5: ("村", "village")}
CODE = "330127100219"


def since_values(in_force: dt.date) -> dict[str, str]:
    return {"since": f"自{in_force.isoformat()}起", "since_en": f" of {in_force.isoformat()}"}


class Places:
    """The jurisdiction a new place's entry is read from, counting the places asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def get(self, code: str) -> Any:
        self.asked.append(code)
        return None if code.startswith("3302") else type("P", (), {"name": f"地{code}"})()


def place_entry(places: dict[str, Any], jurisdiction: Any, code: str, level: str, prefix: str) -> Any:
    place_code = code[:DIGITS[level]].ljust(12, "0")
    place = jurisdiction.get(place_code)
    got = places[prefix] = (place_code, place.name, place.name) if place else (place_code, "", place_code)
    return got


def python_loop(rows: Any, code: str, places: dict[str, Any], found: dict[str, str], handed: dict[Any, Any],
                received: dict[int, dt.date], iso: dict[dt.date, str], assigned: dict[int, Any],
                assigned_to: dict[Any, Any], in_force: dt.date | None, jurisdiction: Any) -> list[Any]:
    """Decider._sheet's slot loop as the Python side runs it (handed_on, which reads the record, left out: the C
    function never reads it), with the memos of days filled as _iso fills them."""
    lowest = min(assigned) if assigned else 0
    slots = []
    for lvl, level, to, own in rows:
        prefix = code[:DIGITS[level]]
        got = places.get(prefix) or place_entry(places, jurisdiction, code, level, prefix)
        values = found.copy()
        values["place"] = got[2]
        if isinstance(lvl, int):
            day = handed.get((lvl, own)) if own is not None else received.get(lvl)
            if day is not None:
                values["received"] = iso.get(day) or iso.setdefault(day, day.isoformat())
                if in_force is not None and day < in_force:
                    values.update(since_values(in_force))
            if assigned:
                rank = lvl if lvl in assigned else lowest
                on, deadline = assigned_to.get((lvl, to), assigned[rank]) if to is not None else assigned[rank]
                values["assigned"] = iso.get(on) or iso.setdefault(on, on.isoformat())
                values["deadline"] = iso.get(deadline) or iso.setdefault(deadline, deadline.isoformat())
                values["assignee"], values["assignee_en"] = ASSIGNEES[rank]
        slots.append((got[0], got[1], values))
    return slots


ROWS = ((5, "village", None, None), (4, "township", "乡政府", None), (3, "county", "县住建局", "县住建局"),
        ("supervision", "county", None, None), (2, "city", None, None))
HANDED = {(3, "县住建局"): D(2021, 3, 9)}
RECEIVED = {5: D(2021, 3, 1), 4: D(2021, 3, 2), 2: D(2021, 2, 1)}
ASSIGNED = {4: (D(2021, 3, 3), D(2021, 3, 13)), 3: (D(2021, 3, 4), D(2021, 3, 14))}
ASSIGNED_TO = {(4, "乡政府"): (D(2021, 3, 5), D(2021, 3, 20))}
IN_FORCE = D(2021, 3, 2)


def c_slots(places: dict[str, Any], iso: dict[dt.date, str], jurisdiction: Any, *, rows: Any = ROWS,
            handed: Any = HANDED, assigned: Any = ASSIGNED, in_force: dt.date | None = IN_FORCE,
            found: Any = FOUND) -> Any:
    lowest = min(assigned) if assigned else 0
    return _dicts.sheet_slots(rows, CODE, DIGITS, places, found, handed, RECEIVED, iso, assigned, lowest,
                              ASSIGNED_TO, ASSIGNEES, in_force, since_values, place_entry, jurisdiction)


def every_day() -> dict[dt.date, str]:
    days = [*HANDED.values(), *RECEIVED.values(), *(d for p in (*ASSIGNED.values(), *ASSIGNED_TO.values()) for d in p)]
    return {d: d.isoformat() for d in days}


@pytest.mark.parametrize("in_force", [None, IN_FORCE])
@pytest.mark.parametrize("assigned", [ASSIGNED, {}])
def test_sheet_slots_are_the_loops_own(in_force: dt.date | None, assigned: dict[int, Any]) -> None:
    # a place of each level met before but the village's (made by place_entry, as the loop makes it) and the city's,
    # which the jurisdiction lacks (its code stands for its name)
    places_c: dict[str, Any] = {CODE[:n]: (CODE[:n].ljust(12, "0"), f"名{n}", f"名{n}") for n in (6, 9)}
    places_py = dict(places_c)
    jur_c, jur_py = Places(), Places()
    got = c_slots(places_c, every_day(), jur_c, assigned=assigned, in_force=in_force)
    want = python_loop(ROWS, CODE, places_py, FOUND, HANDED, RECEIVED, every_day(), assigned, ASSIGNED_TO, in_force,
                       jur_py)
    assert got == want
    assert [list(v) for _, _, v in got] == [list(v) for _, _, v in want]  # (the keys in the same order)
    assert places_c == places_py and jur_c.asked == jur_py.asked == ["330127100219", "330100000000"]
    assert all(v is not FOUND for _, _, v in got) and len({id(v) for _, _, v in got}) == len(got)
    # what the values read: the day the department was itself handed it, the assignment to the body (assigned_to),
    # the lowest assignment for a level without its own, since_values for a day before the policy applied
    by_level = {row[1]: v for row, (_, _, v) in zip(ROWS[:3], got, strict=False)}
    assert by_level["county"]["received"] == "2021-03-09"
    if assigned:
        assert by_level["township"]["assigned"] == "2021-03-05" and by_level["village"]["assigned"] == "2021-03-04"
        assert got[4][2]["assignee"] == "县"  # (the city: no assignment of its own, the lowest one's)
    assert (got[4][2]["since"] != "") is (in_force is not None)
    assert got[3][2]["received"] == ""  # (a slot without a level rank reads no day)


def test_sheet_slots_give_the_loop_what_the_memos_lack() -> None:
    places: dict[str, Any] = {}
    # a day not formatted yet (_iso's to make), a department handed it on a day the context lacks (handed_on's to
    # read from the record): None, and the loop makes them
    iso = every_day()
    del iso[D(2021, 3, 14)]
    assert c_slots(places, iso, Places()) is None
    assert c_slots(places, every_day(), Places(), handed={}) is None
    # memos of another kind than the loop's own (a dict subclass may answer .get otherwise): None
    class Other(dict[Any, Any]):
        pass
    assert c_slots(places, Other(every_day()), Places()) is None
    assert c_slots(places, every_day(), Places(), rows=list(ROWS)) is None
    assert c_slots(places, every_day(), Places(), found=Other(FOUND)) is None
    # with every memo filled, the slots
    assert c_slots(places, every_day(), Places()) is not None


def test_sheet_slots_raise_what_the_loop_raises() -> None:
    class Broken:
        def get(self, code: str) -> Any:
            raise LookupError(code)
    with pytest.raises(LookupError):
        c_slots({}, every_day(), Broken())
    with pytest.raises(TypeError):
        _dicts.sheet_slots(ROWS, CODE)


def test_untrack_reads_an_object_left_tracked_once_and_keeps_a_cycle_tracked() -> None:
    # (the collector off: a collection untracks tuples of untracked objects itself, which would change the counts)
    enabled = gc.isenabled()
    gc.disable()
    try:
        box: list[Any] = []  # (a list: not named, left tracked, and so is everything holding it)
        shared = (box,)
        outer = tuple((shared, (i, "x")) for i in range(3))
        assert _dicts.untrack(outer, ()) == 3  # the three (i, "x") tuples only
        assert gc.is_tracked(outer) and gc.is_tracked(shared) and all(not gc.is_tracked(t[1]) for t in outer)
        cycle: dict[str, Any] = {}
        inner = tuple([1, 2])
        cycle["self"] = (cycle, inner)
        assert _dicts.untrack(cycle, ()) == 1 and gc.is_tracked(cycle) and gc.is_tracked(cycle["self"])
        assert not gc.is_tracked(inner)
        for depth, untracked in ((60, 61), (70, 0)):  # (from 64 deep an object is left tracked, and all holding it)
            deep: Any = tuple(["leaf"])
            for _ in range(depth):
                deep = (deep, 1)
            assert gc.is_tracked(deep)
            assert _dicts.untrack(deep, ()) == untracked and gc.is_tracked(deep) is (untracked == 0)
    finally:
        if enabled:
            gc.enable()

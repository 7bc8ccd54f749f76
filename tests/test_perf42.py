"""What a decision reads from memos rather than afresh (session 42, perf42; issue 12 item 4).

``named_line`` — the line the departments a record names give it, read for every record that names no sector — is
kept per policy view by all it reads of the record (its area, kind, finder, concealers and each step's action, receiver
and level) with the levels that rectify the kind (/work/helpers/s42/perf42-facts.patch, for after fid42a's merge: on
main these tests pass, and they guard the patch once applied). ``_problem._clashes_at`` reads its jurisdiction's memo
without a call where it has one, and makes no dict for a place that ends with no other level's word. Behavioural
guards, not timings (benchmarks/ab_decisions.py prints the costs): a warm view answers each record as a view that has
read nothing before."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine._facts import line_of, named_line
from responsibility.engine._problem import parse_problem

from .test_perf28 import synthetic_records


def _fresh(policy: Policy) -> Policy:
    """A view of ``policy``'s data with none of its memos (what it keeps is kept in the view)."""
    return type(policy)(policy.data, root=policy.root, loaded=policy._loaded, as_of=policy.as_of,
                        what_if=policy.what_if)


def _records(policy: Policy, n: int, seed: int) -> list[tuple[dict[str, Any], frozenset[int], frozenset[int]]]:
    """``n`` records' fields as ``named_line`` reads them (a parsed problem's ``__dict__``), drawn from few values each
    so that many records differ from an earlier one in one field only: the finder's body, a step's action, receiver or
    level, a concealer, the kind, the place's level (the levels that rectify the kind)."""
    rnd = random.Random(seed)
    by_area: dict[str, list[str | None]] = {}
    for a, k in policy.kinds:
        by_area.setdefault(a, [None]).append(k)
    areas = sorted(by_area)[:3]
    levels = list(policy.level_rank)
    # (departments that give a line, the area's own first: the line a record names is theirs)
    with_line = sorted(b for b in policy.bodies if line_of(policy, b) is not None)
    lined = {a: sorted(with_line, key=lambda b, a=a: not policy.has_part(a, None, b, None))[:4]  # type: ignore[misc]
             for a in areas}
    places = {policy.level_rank[level]: code for level, code in
              (("village", "330127100219"), ("township", "330127100000"), ("county", "330127000000"))}
    out = []
    for _ in range(n):
        area = rnd.choice(areas)
        kind = rnd.choice(by_area[area][:3])
        bodies = lined[area]
        named = [*bodies, None]
        steps = [SimpleNamespace(action=rnd.choice(("assigned", "reported")), to_body=rnd.choice(named),
                                 to_level=rnd.choice(levels[1:4]), by_level=rnd.choice(levels[1:4]))
                 for _ in range(rnd.choice((0, 1, 1, 2)))]
        concealed = rnd.choice(([], [], [levels[1]], [bodies[0]], [bodies[-1]]))
        prank = rnd.choice(sorted(policy.level_rank.values())[:3])
        # (its place at that level: named_line reads the place, whose rank decides whether an assignee whose part
        # counts for its own line only gives the record its line, fid49b)
        rec = {"area": area, "kind": kind, "place": places[prank],
               "discovered": SimpleNamespace(body=rnd.choice(named)), "handled": steps, "concealed_by": concealed}
        out.append((rec, policy.rectifier_levels(area, kind, prank), policy.own_rectifier_levels(area, kind, prank)))
    return out


@pytest.mark.parametrize("what_if", [False, True])
def test_a_warm_views_named_line_is_a_cold_ones(policy: Policy, what_if: bool) -> None:
    """Each record's line read on a view that has read up to 4,000 records before it equals the line read on a view
    that has read nothing (its memos cleared before each record): nothing kept is given to a record that differs in a
    part the line reads. Some records' lines differ from those of records that differ in one field (the test meets
    them)."""
    if what_if:
        policy = policy.with_parameters(sectorless_alternatives="every_holder")
    warm, cold = _fresh(policy), _fresh(policy)
    recs = _records(policy, 4_000, 42)
    lines = []
    for rec, can_rectify, own_levels in recs:
        got = named_line(warm, rec, can_rectify, own_levels)
        cold.__dict__.pop("_memos", None)
        assert got == named_line(cold, rec, can_rectify, own_levels), rec
        lines.append(got)
    assert None in lines and len(set(lines)) >= 3  # (lines named, and records naming none)
    # the same records again, each one's line now kept: the same lines
    assert [named_line(warm, *r) for r in recs] == lines

def test_parsing_with_a_warm_state_gives_a_cold_states_model(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """A record parsed by a view that has parsed 1,500 others (its level-word memos filled, new villages' clashes read
    through the jurisdiction's memo) gives the model a fresh view gives it, field for field."""
    recs = synthetic_records(policy, jurisdiction, 2_000)
    warm = _fresh(policy)
    for r in recs[:1_500]:
        parse_problem(r, warm, jurisdiction)
    for r in recs[1_500:]:
        got = parse_problem(r, warm, jurisdiction)
        want = parse_problem(r, _fresh(policy), jurisdiction)
        assert got.model_dump() == want.model_dump(), r["id"]
        assert got.__pydantic_private__ == want.__pydantic_private__


def _outcome(policy: Policy, r: dict[str, Any], j: Jurisdiction) -> Any:
    """The model a record parses to, or its error's code, field and message."""
    try:
        p = parse_problem(r, policy, j)
    except ProblemError as exc:
        return ("error", exc.code, exc.field, str(exc))
    return (p.model_dump(), p.__pydantic_private__)


@pytest.mark.parametrize("word", ["市", "city"])
def test_level_words_read_through_a_warm_memo_as_through_a_cold_one(policy: Policy, word: str) -> None:
    """A record at each place of two counties of the example jurisdiction (建德市, a county-level city whose name ends
    in 市: R9B-12; 淳安县) found at
    the level ``word`` names parses on a view that has parsed the places before it (their parents' level words kept)
    as on a view that has parsed nothing, in the order of the places and in reverse (a parent first, and last); some
    records are refused as ambiguous (the test meets them)."""
    j = Jurisdiction.example()
    # (建德市, a county-level city, and 淳安县, a county, with the places above them)
    codes = sorted(p.code for lv in ("province", "city", "county", "township", "village") for p in j.at_level(lv)
                   if p.code[:6] in ("330182", "330127") or p.code.endswith("000000"))
    recs = [{"id": f"w{i}", "area": "housing", "place": code, "as_of": "2021-03-05",
             "discovered": {"level": word, "channel": "media", "on": "2021-03-01"}} for i, code in enumerate(codes)]
    for order in (recs, recs[::-1]):
        warm = _fresh(policy)
        got = [_outcome(warm, r, j) for r in order]
        cold = _fresh(policy)
        want = []
        for r in order:
            cold.__dict__.pop("_memos", None)  # (the parse state and its memos are the view's)
            want.append(_outcome(cold, r, j))
        assert got == want
        if word == "市":
            assert any(g[0] == "error" and g[1] == "ambiguous_level" for g in got)
            assert any(g[0] != "error" for g in got)

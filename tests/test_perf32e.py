"""A verdict's reasons made once per template and slot (engine/_dicts.c ``finding_dicts``, issue 12 item 4): findings
whose forms hold the same template and that sit in the same slot (a body's liabilities) share one reason text, equal
to what each finding says; findings of other templates or slots get their own; a verdict with more distinct reasons
than are kept still says each right; bench_engine's rounds alternate their order, and its instruction count is the
difference of two runs."""

from __future__ import annotations

import itertools
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._verdict import FindingForm, blank, finding_spec

from .strategies import bench_engine_records

ROOT = Path(__file__).resolve().parents[1]


def c_dicts() -> Any:
    """The C module, or a skip where it was not built (a machine without a compiler)."""
    return pytest.importorskip("responsibility.engine._dicts")


def form_of(template: str, body: str = "b", liability: str = "direct") -> FindingForm:
    return FindingForm("county", body, "名", "n", "not_handled", liability, ("c1",), (), (), template, template + "!")


@pytest.mark.parametrize("en", [False, True])
def test_findings_of_one_template_in_one_slot_share_their_reason(en: bool) -> None:
    c = c_dicts()
    a, b, other = form_of("{place}（{finder}）未交办"), form_of("{place}（{finder}）未交办", liability="unit"), \
        form_of("{finder}：{place}")
    finding_spec(a, en)
    # b holds an equal template but its own pieces: made from a's spec, as a decider's forms of one failure share them
    object.__setattr__(b, "proto", dict(a.proto or {}, liability="unit"))
    object.__setattr__(b, "en_reason" if en else "zh_reason", a.en_reason if en else a.zh_reason)
    slots = [("1", "甲村", blank({"place": "甲村", "finder": "县"})),
             ("2", "乙镇", blank({"place": "乙镇", "finder": "市"}))]
    got = c.finding_dicts((a, b, a, other, b), (0, 0, 1, 0, 1), slots, en, finding_spec)
    reasons = [d["reason"] for d in got]
    suffix = "!" if en else ""
    assert reasons == ["甲村（县）未交办" + suffix] * 2 + ["乙镇（市）未交办" + suffix, "县：甲村" + suffix,
                                                         "乙镇（市）未交办" + suffix]
    assert reasons[0] is reasons[1] and reasons[2] is reasons[4]  # one text per template and slot
    assert reasons[0] is not reasons[2] and reasons[3] is not reasons[0]  # another slot, another template: its own
    assert [d["liability"] for d in got] == ["direct", "unit", "direct", "direct", "unit"]
    assert len({id(d) for d in got}) == 5 and len({id(d["clauses"]) for d in got}) == 5  # the dicts are each new


def test_more_distinct_reasons_than_are_kept_each_say_their_own() -> None:
    c = c_dicts()
    forms = tuple(form_of(f"{{place}}第{i}条") for i in range(40))
    slots = [(str(s), f"村{s}", blank({"place": f"村{s}"})) for s in range(2)]
    order = tuple(i % 2 for i in range(40)) * 2
    got = c.finding_dicts(forms * 2, order, slots, False, finding_spec)
    assert [d["reason"] for d in got] == [f"村{i % 2}第{i % 40}条" for i in range(80)]


def test_a_verdicts_findings_say_the_reasons_its_findings_give(policy: Policy, jurisdiction: Jurisdiction) -> None:
    c_dicts()
    shared = 0
    for r in bench_engine_records(policy, jurisdiction, 150, seed=32, prefix="p32e-"):
        for lang in ("zh", "en"):
            v = policy.who_answers(r, jurisdiction=jurisdiction, engine="compiled")
            got = v.to_dict(lang)["findings"]
            assert got == [f.to_dict(lang) for f in v.findings]  # type: ignore[arg-type]
            texts = [d["reason"] for d in got]
            shared += len(texts) - len({id(t) for t in texts})
    assert shared > 150  # the sample has findings that share a reason (a body's liabilities)


def test_bench_engine_alternates_the_order_of_its_rounds(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_engine
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    calls: list[str | None] = []
    rates = itertools.cycle([100.0, 400.0, 500.0, 100.0, 120.0, 600.0])  # old, new; new, old; old, new (each line)

    def child(src: Path | None, *_: Any) -> tuple[float, float, int, float]:
        calls.append(None if src is None else str(src))
        rate = next(rates)
        return rate, rate, 0, 0.0

    monkeypatch.setattr(bench_engine, "measured_in_child", child)
    monkeypatch.setattr(bench_engine, "source_of", lambda rev, into: Path("/old/src"))
    bench_engine.decisions(10, ["OLD"], runs=3, engines=("compiled",))
    out = capsys.readouterr().out
    assert calls[:6] == ["/old/src", None, None, "/old/src", "/old/src", None]
    # the ratio of the medians (500 / 100), then each round's own
    assert "×5.00 (rounds ×4.00 ×5.00 ×5.00)" in out


def test_bench_engine_counts_instructions_as_the_difference_of_two_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_engine
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    runs: list[list[str]] = []

    def popen(args: list[str], *, stderr: Any, **kw: Any) -> Any:
        # (the two runs start at once, perf59: each writes its count to its own file, read when waited for)
        runs.append(args)
        count = "1,000,000" if "--timed=200" in args else "400,000"
        stderr.write(f"==7== \n==7== I   refs:      {count}\n")
        return types.SimpleNamespace(args=args, returncode=0, wait=lambda: 0)

    monkeypatch.setattr(bench_engine.subprocess, "Popen", popen)
    # the same state as the rates (2,000 problems after 10,000), 200 decided in one run and none in the other
    assert bench_engine.instructions_in_child(None, 2000, "compiled", "who_answers", timed=200) == 3000.0
    assert [a[0] for a in runs] == ["valgrind", "valgrind"] and all("--settled" in a and "2000" in a for a in runs)
    assert [a[-1] for a in runs] == ["--timed=200", "--timed=0"]
    with pytest.raises(RuntimeError, match="no instruction count"):
        bench_engine.irefs("==7== ERROR SUMMARY")

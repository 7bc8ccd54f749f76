"""What a person reads: the who table at 80 columns, explain(), and the short notebook reprs."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from responsibility import Jurisdiction, Policy, Verdict
from responsibility.cli._render_table import print_verdicts
from responsibility.engine._verdict_view import groups
from tests.test_pictures import RECORD


@pytest.fixture(scope="module")
def verdict(policy: Policy) -> Verdict:
    return policy.who_answers({**RECORD, "id": "t-1"}, engine="compiled")


def table(v: Verdict, lang: str, width: int = 80, terminal: bool = True) -> str:
    # (at a terminal; to a file or pipe the title and each reason are one line, unwrapped: hostile11, N10-6)
    console = Console(width=width, record=True, file=open("/dev/null", "w"), force_terminal=terminal,  # noqa: SIM115
                      color_system=None)
    print_verdicts([v], lang, console)  # type: ignore[arg-type]
    text = console.export_text()
    console.file.close()
    return text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_who_table_fits_80_columns_and_keeps_codes_whole(verdict: Verdict, lang: str) -> None:
    from rich.cells import cell_len

    text = table(verdict, lang)
    lines = text.splitlines()
    assert max(cell_len(x) for x in lines) <= 80
    words = set(re.findall(r"[\w().]+", text))
    policy = verdict.context.policy
    for f in verdict.findings:
        # Chinese readers see the text's short names (应发现未发现, 工作人员), English readers the ids
        basis = f.basis if lang == "en" else policy.failures[f.basis].short
        liability = f.liability if lang == "en" else policy.liabilities[f.liability].short
        assert f.place in words and basis in words and liability in words
        for c in f.clauses:
            assert c in words, f"clause {c} split"
    header = next(x for x in lines if "#" in x)
    for h in (("body / level", "place", "basis", "liability", "clauses") if lang == "en"
              else ("主体 / 层级", "地点", "依据", "责任", "条款")):
        assert h in header


def test_the_title_counts_what_the_table_shows(verdict: Verdict) -> None:
    text = table(verdict, "en", width=200)
    rows = groups(verdict)
    bodies = len({(f.body, f.place) for f in verdict.findings})
    assert f"{len(rows)} finding(s) on {bodies} bodies ({len(verdict.findings)} counting each liability)" in text
    numbered = re.findall(r"^\s*(\d+)\s{2}", text, re.M)
    assert [int(n) for n in numbered] == [n for n, _ in rows]


def test_explain_numbers_findings_like_the_table_and_hides_internals(verdict: Verdict) -> None:
    text = verdict.explain("en")
    numbered = [int(n) for n in re.findall(r"^(\d+)\. ", text, re.M)]
    assert numbered == [n for n, _ in groups(verdict)]
    for internal in ("prank", "frank", "fact:", '"sev"', '"t":'):
        assert internal not in text
    assert "rule housing/" in text and "path: " in text and "Clauses:" in text


def test_explain_in_english_has_no_chinese_words_of_its_own(verdict: Verdict) -> None:
    text = verdict.explain("en")
    # Chinese is allowed only inside quotes of the text, place names and clause ids.
    allowed = set("".join(verdict.quotes.values())) | {c for f in verdict.findings for c in f.place_name + f.name}
    allowed |= {c for f in verdict.findings for cl in f.clauses for c in cl}
    allowed |= {c for f in verdict.findings for p in verdict.paths.values() for c in "".join(p)}
    allowed |= {c for it in verdict.interpretations for c in str(it.why) + str(it.name) + str(it.value)}
    stray = {c for c in text if "\u4e00" <= c <= "\u9fff"} - allowed
    assert not stray, stray
    assert "理由" not in text and "问题" not in text.split("\n")[0]


def test_verdict_repr_is_short(verdict: Verdict) -> None:
    text = repr(verdict)
    assert text.startswith("<Verdict t-1: ") and len(text) < 300 and "finding" in text


def test_policy_and_jurisdiction_reprs(policy: Policy, example: Jurisdiction) -> None:
    html = policy._repr_html_()
    # a summary: the counts and one row a parameter, never the duties or kinds themselves (the bound grows with the
    # parameters, which every reading the text leaves open adds; a fixed 5,000 broke at the 44th)
    assert html.startswith("<div>") and len(html) < 1500 + 120 * len(policy.parameters)
    assert not any(f"<code>{d}</code>" in html for d in policy.duties)
    assert "handling_time_limit_days" in html and "危房改造" in html
    jh = example._repr_html_()
    assert "<table>" in jh and "township" in jh and len(jh) < 3000


def test_explain_names_bases_and_liabilities_in_the_reader_s_language(verdict: Verdict) -> None:
    policy = verdict.context.policy
    zh, en = verdict.explain("zh"), verdict.explain("en")
    for f in verdict.findings:
        assert f"依据: {policy.failures[f.basis].short}（{f.basis}）" in zh
        assert policy.liabilities[f.liability].short in zh
        assert f"basis: {f.basis}" in en


def test_an_interpretation_no_finding_rests_on_says_so(policy: Policy) -> None:
    v = policy.who_answers({**RECORD, "id": "t-2"}, engine="compiled")
    idle = [it for it in v.interpretations if not it.findings]
    assert idle, "the record should rest on a parameter that named no one"
    for lang, words in (("zh", "据此未另认定主体"), ("en", "no finding rests on it")):
        opening = f"{idle[0].id} (" if lang == "en" else f"{idle[0].id}（"
        lines = [x for x in v.explain(lang).splitlines() if x.strip().startswith(opening)]
        assert lines and words in lines[0] and ": #" not in lines[0] and ": — " not in lines[0]


def test_the_chinese_explanation_gives_each_reading_in_the_reader_s_words(policy: Policy) -> None:
    v = policy.who_answers({"id": "t-3", "domain": "discovery", "place": "330127100219", "severity": "serious",
                            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                            "as_of": "2021-06-01"}, engine="compiled")
    zh = v.explain("zh").split("依据解释:", 1)[1]
    assert "None" not in zh and "['" not in zh, zh
    duty = next(it for it in v.interpretations if it.type == "duty" and it.value)
    line = next(x for x in zh.splitlines() if x.strip().startswith(f"{duty.id}（"))
    assert f"职责的解释「{duty.name}」" in line
    assert all(policy.bodies[b].name in line for b in duty.value), line
    param = next(it for it in v.interpretations if it.type == "parameter")
    assert f"参数「{policy.parameters[param.id].name}」" in zh
    en = v.explain("en").split("Resting on interpretation:", 1)[1]
    assert "= None" not in en and f"{duty.id} (duty) = {', '.join(duty.value)}" in en


def test_explain_in_chinese_gives_every_reading_a_chinese_note(policy: Policy) -> None:
    """A Chinese `who --explain` tells its reader in Chinese why each reading is one (N10-4, probe10 P10-07): every
    parameter has `why_zh`, every duty read by interpretation `note_zh`, and a verdict's 说明 lines hold no English
    sentence."""
    view = policy._view if hasattr(policy, "_view") else policy
    assert all(p.why_zh for p in view.parameters.values())
    assert all(d.note_zh for d in view.duties.values() if d.basis == "interpretation")
    v = policy.who_answers({"id": "KL-BN", "area": "basic_needs", "place": "330127100219", "severity": "minor",
                            "discovered": {"level": "province", "channel": "media", "on": "2021-03-01"},
                            "handled": [{"action": "assigned", "by_level": "province", "to_level": "county",
                                         "on": "2021-03-02"}],
                            "deadline": "2021-04-01", "as_of": "2021-06-30"})
    notes = [line.split("说明：", 1)[1] for line in v.explain("zh").splitlines() if "说明：" in line]
    assert notes and not [n for n in notes if re.search(r"\b(the|is|of|and)\b", n)]

"""The HTML report of an assessment: one self-contained file, charts that draw in a browser.

The page is opened in headless Chromium (Debian's ``chromium``, installed by
``scripts/setup.sh``) with networking off: the DOM after a virtual-time budget must hold a
drawn chart (plotly's ``main-svg``) in every chart container, and a screenshot must not be
blank. Without Chromium the browser tests skip, except under CI where they fail.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from responsibility import Assessment, Jurisdiction, Policy

from .strategies import channel_at

pytest.importorskip("plotly")
pd = pytest.importorskip("pandas")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def ledger(policy: Policy, j: Jurisdiction, n: int, seed: int = 5) -> list[dict[str, Any]]:
    """``n`` problem records over the example jurisdiction, a few of them invalid."""
    rng = random.Random(seed)
    # 淳安县's villages: the default jurisdiction is the whole province, and the page is checked
    # for the county's name among the places with most findings.
    villages = [p.code for p in j if p.level == "village" and p.code.startswith("330127")] or [p.code for p in j]
    out: list[dict[str, Any]] = []
    for i in range(n):
        found = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randrange(200))
        r: dict[str, Any] = {
            "id": f"r{i}", "domain": rng.choice(policy.problem_areas), "place": rng.choice(villages),
            "severity": rng.choice(["minor", "serious", "grave"]),
            "discovered": {"level": (lv := rng.choice(["village", "township", "county"])),
                           "channel": channel_at(policy, rng.choice(["grid", "hotline", "media"]), lv),
                           "on": found.isoformat()},
            "as_of": "2021-12-31",
        }
        if rng.random() < 0.5:
            r["handled"] = [{"action": "assigned", "by_level": r["discovered"]["level"], "to_level": "village",
                             "on": (found + dt.timedelta(days=rng.randrange(20))).isoformat()}]
            r["deadline"] = (found + dt.timedelta(days=45)).isoformat()
        if i % 50 == 7:
            r["domain"] = "hosing"
        if i % 70 == 3:
            r["place"] = "999999"
        out.append(r)
    return out


@pytest.fixture(scope="module")
def records(policy: Policy, example: Jurisdiction) -> list[dict[str, Any]]:
    return ledger(policy, example, 400)


@pytest.fixture(scope="module")
def assessment(policy: Policy, records: list[dict[str, Any]]) -> Assessment:
    return policy.assess(records)


@pytest.fixture(scope="module")
def report(assessment: Assessment, records: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assessment.report(tmp_path_factory.mktemp("report") / "report.html", records)


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[bytes]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: scripts/setup.sh installs Debian's chromium")
        pytest.skip("chromium is not installed (scripts/setup.sh installs it)")
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}",
           *args]
    return subprocess.run(cmd, capture_output=True, timeout=120, check=False)


# ------------------------------------------------------------------------------- the file


def test_report_is_one_self_contained_file(report: Path, assessment: Assessment) -> None:
    text = report.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and len(text) > 1_000_000  # plotly.js is inside
    # Nothing is fetched when the page is viewed: no external script, style, image or font.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", text, re.I)
    assert "@import" not in text and "url(http" not in text
    # The balance and the counts are on the page, as numbers and in tables.
    assert f"{assessment.records:,} = {assessment.assessed:,} + {assessment.rejected:,}" in text
    assert text.count('<div class="chart">') == 6
    for heading in ("按依据和责任", "按层级", "按领域", "认定最多的主体", "认定最多的地点", "拒收的记录（按原因）"):
        assert heading in text
    top = assessment.findings["place"].value_counts().index[0]  # the place with most findings, by its name
    assert Jurisdiction.example().place(top).name in text
    assert "应发现未发现" in text and "unknown duty area" in text


def test_report_in_english_and_without_areas(assessment: Assessment) -> None:
    import dataclasses

    text = assessment.report_html(lang="en")  # the findings carry their area: the chart by area is drawn
    assert "By basis and liability" in text and "By area" in text and "按层级" not in text
    assert text.count('<div class="chart">') == 6
    older = dataclasses.replace(assessment, findings=assessment.findings.drop(columns="area"))
    text = older.report_html(lang="en")  # findings without the column (and no records): no chart by area
    assert "By basis and liability" in text and "By area" not in text
    assert text.count('<div class="chart">') == 5


def test_report_of_a_what_if_policy_says_so(policy: Policy, records: list[dict[str, Any]]) -> None:
    strict = policy.with_parameters(handling_time_limit_days=3)
    text = strict.assess(records[:50]).report_html()
    # review26 #8: the Chinese page's own punctuation
    assert "假设参数" in text and "handling_time_limit_days = 3（规则默认值：10）" in text
    assert "3（规则默认值：10）" in text


def test_report_names_every_parameter_the_assessment_was_decided_under(policy: Policy,
                                                                        records: list[dict[str, Any]]) -> None:
    """review17 D3: the page had no word of the local choices its answers rest on. It now lists each
    parameter with the value used and why, and says where one problem's own dependence is shown."""
    chosen = policy.with_parameters(supervision_scope="none")
    for lang, heading in (("zh", "本次评估所依据的参数"), ("en", "Parameters this assessment used")):
        text = chosen.assess(records[:20]).report_html(lang=lang)  # type: ignore[arg-type]
        section = text[text.index(heading):]
        for pid in policy.parameters:
            assert f"<td>{pid}</td>" in section, pid
        assert "who --explain" in section
    assert "<td>supervision_scope</td><td>不追究（none）（规则默认值：" in chosen.assess(records[:20]).report_html()
    default = policy.assess(records[:20]).report_html()
    value = policy.parameters["handling_time_limit_days"]
    assert f"<td>{value.name}</td><td>handling_time_limit_days</td><td>{value.value}</td>" in default


def test_assessment_reprs(assessment: Assessment) -> None:
    html = assessment._repr_html_()
    assert "<table>" in html and f"{assessment.records:,} records" in html and "balanced" in html
    assert len(html) < 5000


def test_assess_report_on_the_command_line(run_cli, tmp_path: Path, records: list[dict[str, Any]]) -> None:  # type: ignore[no-untyped-def]
    import json

    src = tmp_path / "ledger.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[:120]), encoding="utf-8")
    out, rej, rep = tmp_path / "f.csv", tmp_path / "r.csv", tmp_path / "report.html"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--rejects", str(rej), "--report", str(rep))
    assert code == 1 and f"wrote {rep}" in err  # 1: some records were rejected
    text = rep.read_text(encoding="utf-8")
    assert text.count('<div class="chart">') == 6 and "unknown duty area" in text
    code, _, err = run_cli("assess", str(src), "--report", str(tmp_path / "x.html"))
    assert code == 2 and "-o FILE" in err and not (tmp_path / "x.html").exists()


# ------------------------------------------------------------------------------- in a browser


def test_every_chart_draws_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    done = chromium("--virtual-time-budget=15000", "--dump-dom", report.as_uri(), tmp=tmp_path)
    dom = done.stdout.decode("utf-8", "replace")
    charts = re.split(r'<div class="chart">', dom)[1:]
    assert len(charts) == 6, done.stderr.decode("utf-8", "replace")[-2000:]
    for chart in charts:
        # plotly draws each figure into an <svg class="main-svg"> with its bars as paths.
        assert 'class="main-svg"' in chart and "<path" in chart


def test_the_screenshot_is_not_blank(report: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "report.png"
    done = chromium("--virtual-time-budget=15000", "--window-size=1200,2400", f"--screenshot={shot}",
                    report.as_uri(), tmp=tmp_path)
    assert shot.exists(), done.stderr.decode("utf-8", "replace")[-2000:]
    img = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20) or []
    assert img.size == (1200, 2400) and len(colours) > 50
    # The bars are drawn: the charts' own colours cover a good part of the page.
    bars = sum(n for n, c in colours if c in {(192, 57, 43), (31, 97, 141), (17, 122, 101), (211, 84, 0),
                                                   (142, 68, 173)})
    assert bars > 10_000


def test_the_report_is_an_html_file(tmp_path: Path, run_cli: Any) -> None:
    # review24b R24b-8: a new file of any name was written, so `--report myrules/areas/new.yaml` put HTML among the
    # rules and every later load failed
    rules = tmp_path / "myrules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules)
    src = Path(__file__).resolve().parents[1] / "examples" / "records" / "problems.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.csv"), "--rules", str(rules),
                           "--report", str(rules / "areas" / "new.yaml"))
    assert code == 2 and "give a .html file name" in err and not (rules / "areas" / "new.yaml").exists()
    assert not (tmp_path / "f.csv").exists()

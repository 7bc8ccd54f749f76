"""lead48: the office's own push (二(三)4) cited where it sits on a problem in it (check48b #4).

identification_pushed_info_untrue is 县扶贫办's own act: 二(三)4 通过协助申请机制推送至省大救助信息系统审核，
对推送对象信息的真实性、完整性负责. Its rectification already cited that duty; its handling stage held only 县民政局's
check, so the office that found the problem and sat on it answered 未按程序交办 on the ledger's 一(三) alone,
quoting no duty of its own. Who is named does not change — only the office's clauses.
"""

from __future__ import annotations

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
KIND = "identification_pushed_info_untrue"
#: check48b PU_C0: the office finds it in its own census and passes it to no one
SITS = _record("lead48-pu-c0", "identification", KIND,
               _found("county", "county_poverty_office", "verification_census"), [])
#: the township reports it to the office by name, which sits on it
TO_OFFICE = _record("lead48-pu-t3", "identification", KIND, _found("township", channel="grid"),
                    [_a("township", "county", "county_poverty_office", action="reported")])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [SITS, TO_OFFICE], ids=lambda r: r["id"])
def test_the_office_sitting_on_its_push_cites_its_own_duty(policy: Policy, record: dict, engine: str) -> None:
    v = verdict(policy, record, engine)
    office = [f for f in v.findings if f.body == "county_poverty_office" and f.basis == "not_handled"]
    assert office, [(f.body, f.basis) for f in v.findings]
    assert all("二(三)4" in f.clauses for f in office)
    assert all("二(三)4" in f.to_dict("zh")["clauses"] for f in office)
    # who is named is as before: the office alone at the county for not passing it on
    assert {f.body for f in v.findings if f.basis == "not_handled"} == {"county_poverty_office"}


def test_the_batch_gives_the_same(policy: Policy) -> None:
    got, want = batch_and_answers(policy, [SITS, TO_OFFICE])
    assert got == want
    assert any(r[3] == "county_poverty_office" and r[6] == "not_handled" and "二(三)4" in r[8] for r in got)

"""A record keyed in Chinese (``领域: 饮水安全``, ``discovered: {层级: 县}``) is told the English key to write (ux44:
"unknown field; allowed: id, area, …", which never said that 领域 is area)."""

from __future__ import annotations

import pytest

import responsibility
from responsibility import ProblemError

RECORD = {"id": "WC-1", "area": "water", "place": "330127101207",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-04-02"},
          "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-04-06"}],
          "as_of": "2021-06-30"}


@pytest.mark.parametrize(("record", "field", "key"), [
    ({**{k: v for k, v in RECORD.items() if k != "area"}, "领域": "饮水安全"}, "领域", "area"),
    ({**RECORD, "discovered": {"层级": "县", "channel": "hotline", "on": "2021-04-02"}}, "discovered.层级", "level"),
    ({**RECORD, "handled": [{"action": "交办", "by_level": "县", "整改层级": "乡镇", "on": "2021-04-06"}]},
     "handled[0].整改层级", "to_level"),
])
def test_a_chinese_key_is_told_its_english_one(record: dict[str, object], field: str, key: str) -> None:
    policy = responsibility.load()
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    assert caught.value.field == field and caught.value.code == "unknown_field"
    assert f"a record's keys are English: write {key!r} for {field.rsplit('.', 1)[-1]!r}" in str(caught.value)
    reasons = list(policy.assess([record]).rejects["reason"])
    assert len(reasons) == 1 and f"write {key!r}" in reasons[0], reasons


def test_an_unknown_chinese_key_still_lists_the_fields() -> None:
    with pytest.raises(ProblemError, match="allowed: id, area"):
        responsibility.load().who_answers({**RECORD, "区域": "x"})

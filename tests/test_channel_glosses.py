"""The English glosses of the channels read in the reasons' "found by the county through {channel_en}" (review21b
item 5: "through county mayor's hotline"), and a record may still write a gloss as it was."""

from __future__ import annotations

from responsibility import Policy

RECORD = {"id": "g1", "area": "两不愁", "place": "330127100219", "as_of": "2021-06-30",
          "discovered": {"level": "县", "channel": "热线", "on": "2021-03-01"}}


def test_a_channel_reads_with_its_article_in_an_english_reason(policy: Policy) -> None:
    reasons = [f["reason"] for f in policy.who_answers(RECORD).to_dict(lang="en")["findings"]]
    assert any("through the county mayor's hotline." in r for r in reasons), reasons
    assert not any("through county mayor's hotline" in r for r in reasons)


def test_a_gloss_as_it_was_still_names_its_channel(policy: Policy) -> None:
    for old, new in [("county mayor's hotline", "热线"), ("inspection tour", "巡视"),
                     ("poverty-alleviation e-mail box", "邮箱")]:
        with_old = {**RECORD, "discovered": {**RECORD["discovered"], "channel": old}}
        with_new = {**RECORD, "discovered": {**RECORD["discovered"], "channel": new}}
        assert policy.who_answers(with_old).to_dict()["findings"] == \
            policy.who_answers(with_new).to_dict()["findings"]

"""The 市长热线 alias (fid33b: review32 F7).

F7: 市长热线 stays an alias of the hotline (一(二) 县（市、区）长热线: a county-level city's mayor's hotline); the
channel's note says what it means where `level: city` with it is refused.
"""

from __future__ import annotations

import pytest

from responsibility import Policy, ProblemError


def test_the_city_mayors_hotline_is_the_county_level_citys(policy: Policy) -> None:
    """review32 F7: 市长热线 names the hotline (一(二) 县（市、区）长热线); at a county-level city (建德市) it is
    found at level county, and the channel's note says so where a city level is refused."""
    r = {"id": "h", "area": "identification", "kind": "identification_applicant_not_included", "place": "330182",
         "severity": "minor", "discovered": {"level": "county", "channel": "市长热线", "on": "2021-03-01"},
         "as_of": "2021-06-30"}
    assert policy.who_answers(r).problem == "h"
    with pytest.raises(ProblemError) as err:
        policy.who_answers({**r, "discovered": {**r["discovered"], "level": "city"}})
    assert err.value.code == "level_mismatch"
    note = policy.channels["hotline"].note or ""
    assert "市长热线" in note and "县级市" in note and "level county" in note

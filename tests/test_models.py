"""The validation boundary: what a claim must satisfy to be written, and why it is rejected."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from govextract.models import Claim

GOOD = {
    "claim_id": "x",
    "doc_id": "d",
    "source_path": "d.txt",
    "claim_type": "actual",
    "indicator": "地区生产总值",
    "value": 518.9,
    "unit": "亿元",
    "growth_rate": 5.3,
    "growth_unit": "%",
    "evidence": "地区生产总值518.9亿元,增长5.3%",
    "char_start": 0,
    "char_end": 20,
    "rule": "test",
}


def test_good_claim_validates_and_its_fields_are_the_record():
    c = Claim(**GOOD)
    # the pipeline writes claim.__dict__: it must hold every field, as model_dump does
    assert dict(c.__dict__) == c.model_dump()
    assert c.value == 518.9 and c.growth_rate == 5.3


@pytest.mark.parametrize("field", ["value", "growth_rate", "value_base"])
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_rejected(field, bad):
    with pytest.raises(ValidationError):
        Claim(**{**GOOD, "value_base": 1.0, field: bad})


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"value": None, "unit": None, "growth_rate": None, "growth_unit": None}, "neither a value nor a growth rate"),
        ({"growth_unit": None}, "growth_rate and growth_unit must be given together"),
        ({"char_end": 0}, "empty evidence span"),
        ({"growth_rate": 20000.0}, "implausible growth rate"),
        ({"unit": "%", "value": 200000.0}, "implausible percent value"),
        ({"claim_type": "guess"}, "claim_type"),
        ({"indicator": ""}, "indicator"),
        ({"year": 1800}, "year"),
    ],
)
def test_invalid_claims_are_rejected_with_their_reason(change, reason):
    with pytest.raises(ValidationError) as e:
        Claim(**{**GOOD, **change})
    assert reason in str(e.value)

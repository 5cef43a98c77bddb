"""The records govextract writes, validated at the boundary with pydantic.

Column names and meanings follow SPEC.md (the Parquet contract); extra columns are ours.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ClaimType = Literal["actual", "estimate", "target"]
Qualifier = Literal["approx", "gte", "lte"]
GrowthUnit = Literal["%", "百分点", "倍"]


class Claim(BaseModel):
    """One quantified claim: a number that measures an indicator of a district."""

    model_config = ConfigDict(extra="forbid")

    claim_id: str
    doc_id: str
    source_path: str
    province: str | None = None
    city: str | None = None
    district: str | None = None
    adcode: str | None = Field(default=None, pattern=r"^\d{6}$")
    report_year: int | None = Field(default=None, ge=1949, le=2100)
    year: int | None = Field(default=None, ge=1949, le=2100)
    period: str | None = None
    claim_type: ClaimType
    indicator: str = Field(min_length=1, max_length=80)
    indicator_id: str | None = None
    # allow_inf_nan=False: no NaN or infinity (checked in pydantic-core, not in Python)
    value: float | None = Field(default=None, allow_inf_nan=False)
    unit: str | None = None
    value_base: float | None = Field(default=None, allow_inf_nan=False)
    unit_base: str | None = None
    growth_rate: float | None = Field(default=None, allow_inf_nan=False)
    growth_unit: GrowthUnit | None = None
    base_year: int | None = Field(default=None, ge=1900, le=2100)
    qualifier: Qualifier | None = None
    evidence: str
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    rule: str
    # ours, beyond the contract
    value_text: str | None = None
    section: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Claim:
        if self.value is None and self.growth_rate is None:
            raise ValueError("claim has neither a value nor a growth rate")
        if (self.growth_rate is None) != (self.growth_unit is None):
            raise ValueError("growth_rate and growth_unit must be given together")
        if self.value is not None and self.unit is None and self.value_text is None:
            raise ValueError("value without unit")
        if self.char_end <= self.char_start:
            raise ValueError("empty evidence span")
        if self.growth_unit == "%" and self.growth_rate is not None and abs(self.growth_rate) > 10000:
            raise ValueError(f"implausible growth rate {self.growth_rate}%")
        if self.unit == "%" and self.value is not None and self.value > 100000:
            raise ValueError(f"implausible percent value {self.value}")
        return self


class Document(BaseModel):
    """One document (or one article of a multi-article page)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    source_path: str
    sha256: str
    encoding: str | None = None
    title: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    adcode: str | None = None
    report_year: int | None = None
    meeting_date: str | None = None
    article_date: str | None = None  # the date line of a news article
    speaker: str | None = None
    article_index: int | None = None
    char_start: int = 0
    char_end: int = 0
    n_chars: int = 0
    n_claims: int = 0
    warnings: list[str] = Field(default_factory=list)


class Reject(BaseModel):
    """A candidate that failed validation, kept with its reason."""

    doc_id: str
    source_path: str
    reason: str
    evidence: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    rule: str | None = None
    candidate: str  # the candidate as JSON

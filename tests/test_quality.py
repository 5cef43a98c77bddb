"""Quality floors: F1 and field accuracy against the gold sets (tests/quality_floor.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import DEV_GOLD, RAW_DIR, SAMPLES_GOLD, RunOutput

from govextract.evaluate import EvalReport, evaluate

FLOORS: dict[str, float] = yaml.safe_load(
    (Path(__file__).with_name("quality_floor.yaml")).read_text(encoding="utf-8")
)


def _show(name: str, rep: EvalReport) -> None:
    fields = {k: round(v, 3) for k, v in rep.field_accuracy.items() if v is not None}
    print(f"\n{name}: P {rep.precision:.3f} R {rep.recall:.3f} F1 {rep.f1:.3f} "
          f"(gold {rep.n_gold}, pred {rep.n_pred}) fields {fields}")  # fmt: skip


@pytest.fixture(scope="module")
def dev_report(dev_run: RunOutput) -> EvalReport:
    rep = evaluate(DEV_GOLD, dev_run.out_dir, dev_run.input_dir)
    _show("dev", rep)
    return rep


@pytest.fixture(scope="module")
def samples_report(raw_run: RunOutput) -> EvalReport:
    rep = evaluate(SAMPLES_GOLD, raw_run.out_dir, RAW_DIR)
    _show("samples", rep)
    return rep


def test_floor_file_complete() -> None:
    assert set(FLOORS) == {
        "dev_f1", "samples_f1", "dev_year", "dev_claim_type", "dev_district",
        "dev_strict", "samples_strict", "samples_indicator_soft", "provincial_gdp_targets",
    }  # fmt: skip


def test_dev_f1(dev_report: EvalReport) -> None:
    assert dev_report.n_gold > 0 and not dev_report.unscored_docs
    assert dev_report.f1 >= FLOORS["dev_f1"]


def test_samples_f1(samples_report: EvalReport) -> None:
    assert samples_report.n_gold > 0
    assert samples_report.f1 >= FLOORS["samples_f1"]


@pytest.mark.parametrize("field", ["year", "claim_type", "district"])
def test_dev_field_accuracy(dev_report: EvalReport, field: str) -> None:
    acc = dev_report.field_accuracy[field]
    assert acc is not None and acc >= FLOORS[f"dev_{field}"], (field, acc)


def test_strict_record_accuracy(dev_report: EvalReport, samples_report: EvalReport) -> None:
    # every field right on matched pairs (the indicator by character overlap)
    assert dev_report.strict is not None and dev_report.strict >= FLOORS["dev_strict"]
    assert samples_report.strict is not None and samples_report.strict >= FLOORS["samples_strict"]


def test_samples_indicator_wording(samples_report: EvalReport) -> None:
    acc = samples_report.field_accuracy["indicator_soft"]
    assert acc is not None and acc >= FLOORS["samples_indicator_soft"]

"""Microsoft Recognizers-Text's Chinese specs run against govextract.numbers.

The specs (a peer's independent test suite, MIT licensed) sit in
../shared/peer-specs/recognizers-text beside the repository. Every case a government
report could contain must pass; the rest are listed, each with its reason, in
tests/peer_specs_out_of_scope.yaml, and a listed case that starts to pass fails the
suite so the list stays honest.

How results are compared (Start/End in the specs are inclusive):
- NumberModel: parse_numbers, exact start, end and value of every number.
- PercentModel: the percent-like quantities (%, 个百分点, ‰, ‱, 成) as a percent value.
- NumberRangeModel: ranges (value, value_max) and open ranges (500余万 -> (5e6,)),
  compared in base units.
- CurrencyModel, DimensionModel: quantities of money / physical kinds, compared in the
  base unit of rules/units.yaml through UNIT_MAP below.
For the quantity models a result matches when its span overlaps the peer's (the peer
counts words like 人民币 before the number into its span) and its value agrees.

`python tests/test_peer_specs.py` rewrites tests/peer_specs_report.md;
`pytest -s tests/test_peer_specs.py` prints the same table.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from govextract.numbers import Quantity, parse_numbers, parse_quantities

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPECS = ROOT.parent / "shared" / "peer-specs" / "recognizers-text"
OUT_OF_SCOPE = HERE / "peer_specs_out_of_scope.yaml"
REPORT = HERE / "peer_specs_report.md"
FILES = ["NumberModel", "PercentModel", "NumberRangeModel", "CurrencyModel", "DimensionModel"]

pytestmark = pytest.mark.skipif(
    not SPECS.is_dir(), reason=f"peer specs not found at {SPECS} (shared/ must sit beside the repo)"
)

# The peer's English unit names -> (base unit in rules/units.yaml, factor to it).
UNIT_MAP: dict[str, tuple[str, float]] = {
    "Chinese yuan": ("元", 1.0),
    "United States dollar": ("美元", 1.0),
    "Euro": ("欧元", 1.0),
    "Hong Kong dollar": ("港元", 1.0),
    "Japanese yen": ("日元", 1.0),
    "Mu": ("平方米", 2000 / 3),
    "Kilogram": ("千克", 1.0),
    "Gram": ("千克", 1e-3),
    "Microgram": ("千克", 1e-9),
    "Ton": ("千克", 1000.0),
    "Jin": ("千克", 0.5),
    "Meter": ("米", 1.0),
    "Centimeter": ("米", 0.01),
    "Kilometer": ("米", 1000.0),
    "Kilowatt": ("瓦", 1000.0),
}
# Percent-like units (by base unit) -> factor to a percent value.
PERCENT_BASES = {"%": 1.0, "百分点": 1.0, "‰": 0.1, "‱": 0.01}
DIMENSION_KINDS = {"area", "length", "mass", "volume", "power", "energy", "voltage"}
_RANGE = re.compile(r"^[\[(]([^,]*),([^\])]*)[\])]$")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _base(q: Quantity, v: float) -> float:
    return v * q.factor if q.factor is not None else v


def _overlaps(q: Quantity, r: dict[str, Any]) -> bool:
    return q.start <= r["End"] and r["Start"] < q.end


def _pairs(got: list[Any], want: list[dict[str, Any]], same: Callable[[Any, dict], bool]) -> bool:
    return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want, strict=True))


def check_number(case: dict[str, Any]) -> tuple[bool, str]:
    got = parse_numbers(case["Input"])
    ok = _pairs(
        got,
        case["Results"],
        lambda g, w: (
            g.start == w["Start"]
            and g.end == w["End"] + 1
            and _close(g.value, float(w["Resolution"]["value"]))
        ),
    )
    return ok, str([(g.text, g.value, g.start) for g in got])


def check_percent(case: dict[str, Any]) -> tuple[bool, str]:
    got = [q for q in parse_quantities(case["Input"]) if q.unit_base in PERCENT_BASES and q.unit]

    def same(q: Quantity, w: dict[str, Any]) -> bool:
        want = float(w["Resolution"]["value"].rstrip("%"))
        pct = _base(q, q.value) * PERCENT_BASES[q.unit_base or ""]
        return _overlaps(q, w) and q.value_max is None and _close(pct, want)

    return _pairs(got, case["Results"], same), str([(q.text, q.value, q.unit) for q in got])


def check_range(case: dict[str, Any]) -> tuple[bool, str]:
    got = [
        q
        for q in parse_quantities(case["Input"])
        if q.value_max is not None or any(c in q.text for c in "余多")
    ]

    def same(q: Quantity, w: dict[str, Any]) -> bool:
        m = _RANGE.match(w["Resolution"]["value"])
        if not m or not m.group(1):
            return False
        lo = float(m.group(1))
        hi = float(m.group(2)) if m.group(2) else None
        qhi = _base(q, q.value_max) if q.value_max is not None else None
        return _overlaps(q, w) and _close(_base(q, q.value), lo) and _close(qhi, hi)

    got_s = [(q.text, q.value, q.value_max, q.unit) for q in got]
    return _pairs(got, case["Results"], same), str(got_s)


def _check_units(case: dict[str, Any], kinds: Callable[[str], bool]) -> tuple[bool, str]:
    got = [q for q in parse_quantities(case["Input"]) if q.kind and kinds(q.kind)]

    def same(q: Quantity, w: dict[str, Any]) -> bool:
        res = w["Resolution"]
        unit = UNIT_MAP.get(res.get("unit") or "")
        if unit is None or res.get("value") is None:
            return False
        base, factor = unit
        want = float(res["value"]) * factor
        return _overlaps(q, w) and q.unit_base == base and _close(_base(q, q.value), want)

    return _pairs(got, case["Results"], same), str([(q.text, q.value, q.unit) for q in got])


def check_currency(case: dict[str, Any]) -> tuple[bool, str]:
    return _check_units(case, lambda k: k.startswith("money"))


def check_dimension(case: dict[str, Any]) -> tuple[bool, str]:
    return _check_units(case, lambda k: k in DIMENSION_KINDS)


CHECKS: dict[str, Callable[[dict[str, Any]], tuple[bool, str]]] = {
    "NumberModel": check_number,
    "PercentModel": check_percent,
    "NumberRangeModel": check_range,
    "CurrencyModel": check_currency,
    "DimensionModel": check_dimension,
}


def load_cases(name: str) -> list[dict[str, Any]]:
    with (SPECS / f"{name}.json").open(encoding="utf-8-sig") as fh:
        return list(json.load(fh))


def load_out_of_scope() -> dict[tuple[str, str], str]:
    with OUT_OF_SCOPE.open(encoding="utf-8") as fh:
        items = yaml.safe_load(fh) or []
    return {(it["file"], it["input"]): it["reason"] for it in items}


def run_file(name: str) -> list[tuple[dict[str, Any], bool, str]]:
    check = CHECKS[name]
    return [(case, *check(case)) for case in load_cases(name)]


@pytest.mark.parametrize("name", FILES)
def test_in_scope_cases_pass(name: str) -> None:
    oos = load_out_of_scope()
    failures = [
        f"{case['Input']!r}: want {[(r['Text'], r['Resolution']) for r in case['Results']]}, got {got}"
        for case, ok, got in run_file(name)
        if not ok and (name, case["Input"]) not in oos
    ]
    assert not failures, f"{len(failures)} in-scope {name} cases fail:\n" + "\n".join(failures)


def test_out_of_scope_list_is_honest() -> None:
    """Every listed case exists, still fails, and has a reason."""
    oos = load_out_of_scope()
    results = {(name, case["Input"]): ok for name in FILES for case, ok, _ in run_file(name)}
    missing = [k for k in oos if k not in results]
    passing = [k for k in oos if results.get(k)]
    blank = [k for k, reason in oos.items() if not str(reason).strip()]
    assert not missing, f"listed cases not in the specs: {missing}"
    assert not passing, f"listed as out of scope but passing now (remove them): {passing}"
    assert not blank, f"out-of-scope cases without a reason: {blank}"


def report() -> str:
    oos = load_out_of_scope()
    lines = [
        "# Peer specs: Microsoft Recognizers-Text (Chinese) against govextract.numbers",
        "",
        "Regenerate with `python tests/test_peer_specs.py`. Out-of-scope cases and their",
        "reasons: tests/peer_specs_out_of_scope.yaml.",
        "",
        "| spec file | cases | passed | pass rate | out of scope | in-scope passed |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    tot = [0, 0, 0, 0]
    for name in FILES:
        rows = run_file(name)
        n = len(rows)
        passed = sum(ok for _, ok, _ in rows)
        out = sum((name, c["Input"]) in oos for c, _, _ in rows)
        in_ok = sum(ok for c, ok, _ in rows if (name, c["Input"]) not in oos)
        lines.append(f"| {name} | {n} | {passed} | {passed / n:.1%} | {out} | {in_ok}/{n - out} |")
        for i, v in enumerate((n, passed, out, in_ok)):
            tot[i] += v
    n, passed, out, in_ok = tot
    lines.append(f"| **all** | {n} | {passed} | {passed / n:.1%} | {out} | {in_ok}/{n - out} |")
    return "\n".join(lines) + "\n"


def test_report(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the pass-rate table (shown with pytest -s)."""
    table = report()
    with capsys.disabled():
        print("\n" + table)
    assert "| **all** |" in table


if __name__ == "__main__":
    if not SPECS.is_dir():
        sys.exit(f"peer specs not found at {SPECS}")
    REPORT.write_text(report(), encoding="utf-8")
    print(REPORT.read_text(encoding="utf-8"))

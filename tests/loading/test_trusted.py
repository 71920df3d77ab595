"""appkit.loading.trusted: models rebuilt from appkit's own dumps equal the validated ones, and
anything that does not have the model's shape is refused, never half-built."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel

from appkit.errors import InputError
from appkit.guide.model import Guide
from appkit.guide.occupations import occupation_guide, occupations
from appkit.guide.parsed import parsed_guide
from appkit.loading.trusted import UntrustedError, construct, shape
from appkit.profile.load import load_profile
from appkit.profile.model import Profile
from tests.conftest import ROOT

GUIDE = ROOT / "guides" / "clinical-coordinator.txt"
REAL = ROOT.parent / "shared" / "data" / "jsonresume" / "real"


def _round_trip(model: type[BaseModel], value: BaseModel) -> None:
    dumped = value.model_dump(mode="json")
    rebuilt = construct(model, dumped)
    assert rebuilt == value
    assert rebuilt.model_dump() == value.model_dump()
    assert rebuilt.model_fields_set == model.model_validate(dumped).model_fields_set


def test_onet_guides_round_trip() -> None:
    checked = 0
    for code in itertools.islice(occupations(), 0, None, 40):  # 26 occupations across the set
        try:
            guide = occupation_guide(code)
        except InputError:  # a residual category with no tasks: no guide to rebuild
            continue
        _round_trip(Guide, guide)
        checked += 1
    assert checked >= 20


def test_profiles_round_trip() -> None:
    paths = sorted((ROOT / "profiles").glob("*.yaml")) + sorted(REAL.glob("*.json"))[:6]
    for path in paths:
        try:
            profile = load_profile(path)
        except Exception:  # noqa: BLE001 - a real file appkit refuses has nothing to rebuild
            continue
        _round_trip(Profile, profile)


class _Inner(BaseModel):
    name: str
    score: float | None = None


class _Outer(BaseModel):
    kind: Literal["a", "b"] = "a"
    inner: _Inner
    items: list[_Inner] = []
    tags: tuple[str, ...] = ()


@pytest.mark.parametrize(
    "data",
    [
        {"inner": {"name": "x", "extra": 1}},  # a field the model does not know
        {"inner": {"name": 3}},  # a number where text belongs
        {"inner": {"name": "x", "score": "1.5"}},  # text where a number belongs
        {"inner": {"name": "x"}, "kind": "c"},  # not one of the literal's values
        {"inner": {"name": "x"}, "items": {"name": "y"}},  # an object where a list belongs
        {"inner": ["x"]},  # a list where an object belongs
    ],
)
def test_what_does_not_fit_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(UntrustedError):
        construct(_Outer, data)


def test_nested_values_are_models_and_tuples() -> None:
    outer = construct(_Outer, {"inner": {"name": "x"}, "items": [{"name": "y"}], "tags": ["t"]})
    assert outer == _Outer(inner=_Inner(name="x"), items=[_Inner(name="y")], tags=("t",))
    assert isinstance(outer.items[0], _Inner) and outer.tags == ("t",)


def test_shape_follows_the_fields() -> None:
    class Other(BaseModel):
        name: str
        score: int | None = None  # float in _Inner

    assert shape(_Outer) == shape(_Outer)
    assert shape(_Inner) != shape(Other)
    assert shape(Guide) != shape(Profile)


def test_a_parsed_guide_of_another_shape_is_validated(tmp_path: Path) -> None:
    """A parsed form written for an older guide model is still read, through the validator."""
    folder = tmp_path / "guides"
    shutil.copytree(GUIDE.parent / "parsed", folder / "parsed")
    shutil.copy(GUIDE, folder / GUIDE.name)
    stored = folder / "parsed" / "clinical-coordinator.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    expected = parsed_guide(GUIDE)
    data["model"] = "0" * 16
    stored.write_text(json.dumps(data), encoding="utf-8")
    assert parsed_guide(folder / GUIDE.name) == expected
    data["guide"]["summary"] = 42  # and a damaged one is refused by it
    stored.write_text(json.dumps(data), encoding="utf-8")
    assert parsed_guide(folder / GUIDE.name) is None


def test_the_built_in_guide_loads_without_building_the_validator() -> None:
    code = (
        "from appkit.guide.library import load_guide\n"
        "from appkit.guide.model import Guide\n"
        "guide = load_guide('clinical-coordinator')\n"
        "assert guide.responsibilities and not Guide.__pydantic_complete__\n"
    )
    env_path = str(ROOT / "src")
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr

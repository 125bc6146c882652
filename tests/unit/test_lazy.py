"""Lazy names: every reference in the package resolves, and a lazy function survives pickling."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import click
import pytest

import translate_flow
from translate_flow.cli.commands import COMMANDS
from translate_flow.lazy import lazy, lazy_module, resolve

PACKAGE = Path(translate_flow.__file__).parent
_REFERENCE = re.compile(r"""\blazy(_module)?\(\s*"([^"]+)"\s*\)""")


def _references() -> list[tuple[str, bool, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "lazy.py":  # its docstring shows the form with placeholders
            continue
        for match in _REFERENCE.finditer(path.read_text(encoding="utf-8")):
            found.append((path.relative_to(PACKAGE).as_posix(), bool(match.group(1)), match.group(2)))
    return found


def test_the_package_declares_lazy_names() -> None:
    # The scan below must see the declarations it is meant to check.
    modules = {module for module, _, _ in _references()}
    assert {"steps/extract.py", "api.py", "parallel.py", "languages.py"} <= modules


@pytest.mark.parametrize(("module", "whole", "target"), _references())
def test_every_lazy_reference_resolves(module: str, whole: bool, target: str) -> None:
    if whole:
        assert hasattr(lazy_module(target), "__name__"), f"{module}: {target}"
    else:
        assert callable(resolve(target)), f"{module}: {target}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_resolves_to_its_click_command(name: str) -> None:
    command = resolve(COMMANDS[name])
    assert isinstance(command, click.Command)
    assert command.name == name


def test_a_lazy_function_pickles_as_its_reference() -> None:
    function = lazy("translate_flow.textutil:toml_error")
    copy = pickle.loads(pickle.dumps(function))
    assert copy == function
    assert copy.target == "translate_flow.textutil:toml_error"


def test_a_lazy_function_calls_the_real_one() -> None:
    assert lazy("translate_flow.languages:same_language")("zh_cn", "zh-CN") is True


def test_a_lazy_module_looks_attributes_up_in_the_real_module() -> None:
    module = lazy_module("translate_flow.textutil")
    assert module.toml_error is resolve("translate_flow.textutil:toml_error")
    with pytest.raises(AttributeError):
        _ = module.no_such_name

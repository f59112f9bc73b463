"""The numpydoc examples of the viz modules run as tests (pytest collects only orgmodel's)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import viz

MODULES = sorted(m.name for m in pkgutil.iter_modules(viz.__path__, "viz."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0

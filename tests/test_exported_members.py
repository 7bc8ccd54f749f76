"""The public API is exactly ``responsibility.__all__``, sorted, each with a docstring."""

from __future__ import annotations

import responsibility


def test_all_is_sorted_and_complete() -> None:
    names = [n for n in responsibility.__all__ if n != "__version__"]
    assert names == sorted(names)
    for name in responsibility.__all__:
        assert hasattr(responsibility, name), name


def test_public_names_are_documented() -> None:
    for name in responsibility.__all__:
        obj = getattr(responsibility, name)
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name


def test_private_modules_are_private() -> None:
    # pytest rewrites the package of its plugin and leaves "@py_builtins"-style names behind.
    # The wings (subpackages) appear as attributes once imported; they are namespaces, not API,
    # and every module inside them is private (tests/test_layers.py).
    public = {n for n in dir(responsibility) if not n.startswith(("_", "@"))}
    wings = {"policy", "chain", "engine", "batch", "checks", "ledger", "service", "cli"}
    assert public <= set(responsibility.__all__) | {"annotations"} | wings

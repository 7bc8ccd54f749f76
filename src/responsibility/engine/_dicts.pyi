from collections.abc import Callable, Mapping
from typing import Any

def finding_dicts(forms: tuple[Any, ...], slot_of: tuple[int, ...], slots: list[tuple[str, str, Mapping[str, str]]],
                  en: bool, make: Callable[[Any, bool], Any], /) -> list[dict[str, Any]]: ...
def interpretation_dicts(specs: tuple[tuple[dict[str, Any], list[Any] | None, tuple[int, ...]], ...], _: Any = None,
                         /) -> list[dict[str, Any]]: ...

from typing import Any

def parse(data: Any, bounds: Any, flags: Any, /) -> tuple[int, tuple[tuple[int, Any, Any, Any], ...], Any,
                                                           tuple[Any, Any], tuple[Any, Any]] | None: ...

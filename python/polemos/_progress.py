"""Progress display: a tqdm bar when tqdm is installed and the caller asked for one.

`tqdm.auto` picks the Jupyter widget in notebooks and a text bar in terminals. tqdm is an
optional dependency (`pip install polemos[notebooks]`); without it `progress=True` shows
nothing rather than failing, so notebooks written with it run everywhere.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # typing_extensions is not a runtime dependency
    from typing_extensions import Self


class Progress:
    """Counts documents; draws a bar only if enabled and tqdm can be imported."""

    __slots__ = ("_bar",)

    def __init__(self, enabled: bool, total: int | None, desc: str = "polemos") -> None:
        self._bar: Any = None
        if not enabled:
            return
        try:
            from tqdm.auto import tqdm  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            return
        self._bar = tqdm(total=total, desc=desc, unit="doc", dynamic_ncols=True)

    def update(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

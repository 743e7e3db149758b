"""One report style for every figure: Vietnamese labels, decimal comma, fixed sizes, stable bytes.

Figures go into Word reports. They use DejaVu Sans (shipped with matplotlib;
it renders Vietnamese diacritics), a decimal comma on axes and labels by
default (``lang="en"`` for a decimal point), standard widths — 16 cm for a full
page, 8 cm for half a page — and 300 dpi. :func:`save_figure` writes PNG and SVG
whose bytes do not change from one run to the next (no dates, a fixed SVG hash
salt), so a re-run report can be compared byte for byte.

matplotlib is imported only when a figure is made: ``grdp check`` never pays for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .labels import Lang, check_lang
from .numbers import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "CM",
    "WIDTHS_CM",
    "DPI",
    "PALETTE",
    "report_rc",
    "report_style",
    "use_report_style",
    "new_figure",
    "number_formatter",
    "use_decimal_comma",
    "save_figure",
]

CM = 1 / 2.54
"""Inches per centimetre."""
WIDTHS_CM: dict[str, float] = {"full": 16.0, "half": 8.0}
"""Standard figure widths for an A4 Word report."""
DPI = 300
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#bf9000", "#7030a0", "#2e75b6", "#a5a5a5", "#c00000", "#00827f")
"""Colour order: dark blue, orange, green, gold, purple, light blue, grey, red, teal (print-safe)."""

Width = Literal["full", "half"]


def report_rc(lang: Lang = "vi") -> dict[str, object]:
    """The rcParams of the report style."""
    from cycler import cycler

    check_lang(lang)
    return {
        "font.family": "DejaVu Sans",
        "font.size": 8.0,
        "axes.titlesize": 9.0,
        "axes.labelsize": 8.0,
        "xtick.labelsize": 7.5,
        "ytick.labelsize": 7.5,
        "legend.fontsize": 7.5,
        "legend.frameon": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#d9d9d9",
        "grid.linewidth": 0.5,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "axes.formatter.use_locale": False,
        "figure.dpi": 100,
        "savefig.dpi": DPI,
        "savefig.bbox": None,
        "svg.hashsalt": "grdp",
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "mathtext.default": "regular",
        "axes.unicode_minus": False,
    }


@contextlib.contextmanager
def report_style(lang: Lang = "vi") -> Iterator[None]:
    """Context manager applying the report style (restores the previous rcParams after)."""
    import matplotlib as mpl

    with mpl.rc_context(report_rc(lang)):
        yield


def use_report_style(lang: Lang = "vi") -> None:
    """Apply the report style for the rest of the session (call once at the top of a notebook)."""
    import matplotlib as mpl

    mpl.rcParams.update(report_rc(lang))


def new_figure(
    width: Width = "full", *, height_cm: float = 9.0, nrows: int = 1, ncols: int = 1
) -> tuple[Figure, Any]:
    """A figure at a standard width (16 or 8 cm) and a given height.

    Call it inside :func:`report_style` (library code, which also draws and
    saves inside) or after :func:`use_report_style` (notebooks): matplotlib
    reads some style settings only when it draws.
    """
    if width not in WIDTHS_CM:
        raise ValueError(f"width must be one of: {', '.join(repr(w) for w in WIDTHS_CM)}")
    from matplotlib.figure import Figure

    # A bare Figure, not pyplot: no global figure list, shown once when a notebook cell returns it.
    fig = Figure(figsize=(WIDTHS_CM[width] * CM, height_cm * CM), layout="constrained")
    ax = fig.subplots(nrows, ncols)
    return fig, ax


def number_formatter(*, decimals: int | None = None, lang: Lang = "vi", suffix: str = ""):
    """A tick formatter writing ``1.234,5`` (vi) or ``1,234.5`` (en), with an optional suffix.

    Without ``decimals``, all ticks of an axis share the fewest decimals (at most
    3) that write every tick exactly: ``2,8 / 3,0 / 3,2``, never ``2,8 / 3 / 3,2``.
    """
    from matplotlib.ticker import Formatter

    lang = check_lang(lang)

    class _NumberFormatter(Formatter):
        def __init__(self) -> None:
            self.decimals = decimals if decimals is not None else 0

        def set_locs(self, locs) -> None:  # noqa: ANN001 - matplotlib API
            super().set_locs(locs)
            if decimals is None:
                self.decimals = max((_needed_decimals(x) for x in locs), default=0)

        def __call__(self, x: float, pos: object = None) -> str:
            return format_number(x, precision=self.decimals, style=lang) + suffix

    return _NumberFormatter()


def _needed_decimals(x: float, most: int = 3) -> int:
    text = f"{x:.{most}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def use_decimal_comma(ax: Axes, *, axis: Literal["x", "y", "both"] = "y", decimals: int | None = None, lang: Lang = "vi", suffix: str = "") -> None:
    """Put :func:`number_formatter` on an axis (or both)."""
    fmt = number_formatter(decimals=decimals, lang=lang, suffix=suffix)
    if axis in ("y", "both"):
        ax.yaxis.set_major_formatter(fmt)
    if axis in ("x", "both"):
        ax.xaxis.set_major_formatter(fmt)


def save_figure(fig: Figure, path: str | Path, *, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Save ``fig`` as ``path`` with each suffix in ``formats``, byte-identical on re-run.

    Parameters
    ----------
    fig : Figure
    path : str or Path
        File name with or without suffix; the suffix is replaced per format.
    formats : tuple of str
        Among ``"png"``, ``"svg"``, ``"pdf"``.

    Returns
    -------
    list of Path
        The files written.
    """
    import matplotlib as mpl

    metadata = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with mpl.rc_context({"svg.hashsalt": "grdp", "svg.fonttype": "path"}):
        for fmt in formats:
            if fmt not in metadata:
                raise ValueError(f"formats must be among: {', '.join(repr(m) for m in metadata)}")
            out = path.with_suffix(f".{fmt}")
            fig.savefig(out, format=fmt, dpi=DPI, metadata=metadata[fmt])
            written.append(out)
    return written

"""One report style for every figure: Vietnamese labels, decimal comma, fixed sizes, stable bytes.

Figures go into Word reports. They use DejaVu Sans (shipped with matplotlib;
it renders Vietnamese diacritics), a decimal comma on axes and labels by
default (``lang="en"`` for a decimal point), standard widths — 16 cm for a full
page, 8 cm for half a page — and 300 dpi. :func:`save_figure` writes PNG and SVG
whose bytes do not change from one run to the next (no dates, a fixed SVG hash
salt), so a re-run report can be compared byte for byte.

A chart function takes ``ax=None`` and is written ``with report_axes(ax, lang,
height_cm=...) as (fig, ax): ...``: on the caller's axes when given (a notebook
composing panels), else on a new figure in the report style
(:func:`report_figure`: style, figure, draw before the style is left); it puts
:func:`use_decimal_comma` on its numeric axes and :func:`legend_below` for a
legend under the axes, and returns ``fig``.

matplotlib is imported only when a figure is made: ``grdp check`` never pays for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from grdp.core.numbers import format_number
from grdp.core.typing import Lang
from grdp.core.validation import check_lang

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.ticker import Formatter

__all__ = [
    "FORMATS",
    "figure_paths",
    "CM",
    "WIDTHS_CM",
    "DPI",
    "PALETTE",
    "report_rc",
    "report_style",
    "use_report_style",
    "new_figure",
    "report_figure",
    "report_axes",
    "legend_below",
    "share_limits",
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


def report_rc(lang: Lang = "vi") -> dict[str, Any]:
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

    with mpl.rc_context(report_rc(lang)):  # type: ignore[arg-type]  # keys typed as a Literal of rcParams names
        yield


def use_report_style(lang: Lang = "vi") -> None:
    """Apply the report style for the rest of the session (call once at the top of a notebook)."""
    import matplotlib as mpl

    mpl.rcParams.update(report_rc(lang))  # type: ignore[arg-type]  # keys typed as a Literal of rcParams names


def new_figure(
    width: Width = "full", *, height_cm: float = 9.0, nrows: int = 1, ncols: int = 1
) -> tuple[Figure, Any]:
    """A figure at a standard width (16 or 8 cm) and a given height.

    Call it inside :func:`report_style` — library code does it through
    :func:`report_figure` — or after :func:`use_report_style` (notebooks):
    matplotlib reads some style settings only when it draws.
    """
    if width not in WIDTHS_CM:
        raise ValueError(f"width must be one of: {', '.join(repr(w) for w in WIDTHS_CM)}")
    from matplotlib.figure import Figure

    # A bare Figure, not pyplot: no global figure list, shown once when a notebook cell returns it.
    fig = Figure(figsize=(WIDTHS_CM[width] * CM, height_cm * CM), layout="constrained")
    ax = fig.subplots(nrows, ncols)
    return fig, ax


@contextlib.contextmanager
def report_figure(
    lang: Lang = "vi", width: Width = "full", *, height_cm: float = 9.0, nrows: int = 1, ncols: int = 1
) -> Iterator[tuple[Figure, Any]]:
    """A new figure built inside the report style: ``with report_figure(lang, height_cm=8) as (fig, ax):``.

    The scaffolding every figure function of grdp shares: :func:`report_style`
    is entered, :func:`new_figure` makes the figure, the body of the ``with``
    draws on it, and ``fig.canvas.draw()`` is called before the style is left.
    The function then returns ``fig`` after the ``with``.

    Parameters
    ----------
    lang : {"vi", "en"}
        Checked; the rcParams are the same for both (:func:`report_rc`) — the
        decimal mark is set per axis with :func:`use_decimal_comma`.
    width : {"full", "half"}
        16 cm or 8 cm (:data:`WIDTHS_CM`).
    height_cm : float
        Height of the figure in centimetres.
    nrows, ncols : int
        Grid of axes, as in :func:`new_figure`.

    Yields
    ------
    (Figure, Axes or numpy.ndarray of Axes)
        What :func:`new_figure` returns: one ``Axes`` for a 1 × 1 grid, an array otherwise.

    Notes
    -----
    Why the draw is inside the style: matplotlib reads some settings only when
    it draws, not when an artist is made — the tick locators, for one, decide
    how many ticks fit from ``xtick.labelsize`` / ``ytick.labelsize`` at draw
    time — so a figure must be drawn while the report rcParams are active
    (the convention of :mod:`grdp.figures.style`). Two facts limit what this call
    does, and are kept as they are so that every figure keeps its bytes:

    * The figure is a bare ``Figure`` (no pyplot), whose canvas is
      ``FigureCanvasBase``: its ``draw()`` renders nothing. A real draw here
      (``fig.draw_without_rendering()``) changes the saved PNG of every
      figure of the report, so it is not done.
    * A save draws the figure again under the rcParams active at that moment.
      For the style to govern the saved file as a whole, save inside
      :func:`report_style` too (a notebook has it for the whole session,
      through :func:`use_report_style`).

    If the body raises, the exception propagates, the style is restored and
    nothing is drawn.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> before = mpl.rcParams["font.size"]
    >>> with report_figure("vi", "half", height_cm=6.0) as (fig, ax):
    ...     _ = ax.plot([0.0, 1.5], [1.0, 2.5])
    ...     use_decimal_comma(ax, axis="both", lang="vi")
    ...     mpl.rcParams["font.size"]
    8.0
    >>> [round(float(x) / CM, 2) for x in fig.get_size_inches()]
    [8.0, 6.0]
    >>> mpl.rcParams["font.size"] == before
    True
    """
    with report_style(lang):
        fig, axes = new_figure(width, height_cm=height_cm, nrows=nrows, ncols=ncols)
        yield fig, axes
        fig.canvas.draw()


@contextlib.contextmanager
def report_axes(
    ax: Any | None, lang: Lang = "vi", width: Width = "full", *, height_cm: float = 9.0, nrows: int = 1, ncols: int = 1
) -> Iterator[tuple[Any, Any]]:
    """Where a chart draws: on the caller's ``ax``, or on a new report figure (:func:`report_figure`).

    Parameters
    ----------
    ax : Axes, sequence of Axes or None
        The caller's axes: one ``Axes`` for a one-panel chart, as many as the
        chart has panels otherwise. ``None``: a new figure of ``width`` ×
        ``height_cm`` with an ``nrows`` × ``ncols`` grid.
    lang : {"vi", "en"}
    width, height_cm, nrows, ncols
        For a new figure.

    Yields
    ------
    (Figure, Axes or numpy.ndarray of Axes)
        The figure the axes belong to, and the axes in the shape
        :func:`new_figure` gives them. On the caller's axes the report style is
        in force while the chart draws; the caller's figure keeps its size and layout.
    """
    if ax is None:
        with report_figure(lang, width, height_cm=height_cm, nrows=nrows, ncols=ncols) as (fig, axes):
            yield fig, axes
        return
    import numpy as np

    panels = nrows * ncols
    given = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
    if len(given) != panels:
        raise ValueError(f"ax must be {panels} Axes for this chart, got {len(given)}")
    axes = given[0] if panels == 1 else given.reshape((nrows, ncols) if nrows > 1 and ncols > 1 else (panels,))
    with report_style(lang):
        yield given[0].figure, axes


def legend_below(fig: Figure, *, ncols: int, from_ax: Axes | None = None) -> Legend:
    """One legend for the whole figure, centred below the axes (``loc="outside lower center"``).

    Parameters
    ----------
    fig : Figure
        A figure with the constrained layout (as :func:`new_figure` makes it),
        which keeps the room below the axes for the legend.
    ncols : int
        Number of legend columns.
    from_ax : Axes, optional
        Take the entries from this axes only — for panels that repeat the same
        series, where collecting from every axes would list each entry once
        per panel. By default, the entries of every axes of ``fig``.

    Returns
    -------
    matplotlib.legend.Legend

    Examples
    --------
    >>> with report_figure("en", height_cm=6.0, ncols=2) as (fig, axes):
    ...     for ax in axes:
    ...         _ = ax.plot([0, 1], [0, 1], label="line")
    ...     legend = legend_below(fig, ncols=2, from_ax=axes[0])
    >>> [t.get_text() for t in legend.get_texts()]
    ['line']
    >>> [t.get_text() for t in legend_below(fig, ncols=2).get_texts()]
    ['line', 'line']
    """
    if from_ax is None:
        return fig.legend(loc="outside lower center", ncols=ncols)
    handles, labels = from_ax.get_legend_handles_labels()
    return fig.legend(handles, labels, loc="outside lower center", ncols=ncols)


def share_limits(axes: Any, *, axis: Literal["x", "y"] = "y") -> tuple[float, float]:
    """Give comparable panels one scale: every axes gets the union of their ``axis`` limits.

    Unlike ``sharey=True`` at creation, this works on a caller's axes too (a
    notebook composing panels). Call it after the panels are drawn, and before
    anything is placed from the limits.

    Returns
    -------
    (float, float)
        The common limits.

    Examples
    --------
    >>> with report_figure("vi", ncols=2) as (fig, axes):
    ...     _ = axes[0].plot([0, 1], [0, 1]); _ = axes[1].plot([0, 1], [5, 20])
    ...     lims = share_limits(axes)
    >>> axes[0].get_ylim() == axes[1].get_ylim() == lims
    True
    """
    import numpy as np

    flat = list(np.atleast_1d(np.asarray(axes, dtype=object)).ravel())
    get = "get_ylim" if axis == "y" else "get_xlim"
    lows, highs = zip(*(getattr(a, get)() for a in flat), strict=True)
    lims = (float(min(lows)), float(max(highs)))
    for a in flat:
        (a.set_ylim if axis == "y" else a.set_xlim)(lims)
    return lims


def number_formatter(*, decimals: int | None = None, lang: Lang = "vi", suffix: str = "") -> Formatter:
    """A tick formatter writing ``1.234,5`` (vi) or ``1,234.5`` (en), with an optional suffix.

    Without ``decimals``, all ticks of an axis share the fewest decimals (at most
    3) that write every tick exactly: ``2,8 / 3,0 / 3,2``, never ``2,8 / 3 / 3,2``.
    """
    from matplotlib.ticker import Formatter

    lang = check_lang(lang)

    class _NumberFormatter(Formatter):
        def __init__(self) -> None:
            self.decimals = decimals if decimals is not None else 0

        def set_locs(self, locs: Any) -> None:
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


FORMATS = ("png", "svg")
"""The formats every report figure is saved in."""
_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}
"""What each format would otherwise stamp with the time or the software version: left out."""


def figure_paths(path: str | Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """The files :func:`save_figure` writes for ``path`` and ``formats``, in order (``formats`` checked).

    >>> [p.name for p in figure_paths("figures/01_chart")]
    ['01_chart.png', '01_chart.svg']
    """
    for fmt in formats:
        if fmt not in _METADATA:
            raise ValueError(f"formats must be among: {', '.join(repr(m) for m in _METADATA)}")
    return [Path(path).with_suffix(f".{fmt}") for fmt in formats]


def save_figure(fig: Figure, path: str | Path, *, formats: tuple[str, ...] = FORMATS) -> list[Path]:
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

    Notes
    -----
    Saving redraws the figure, and matplotlib lays out ticks and their labels
    from the style in force when it draws; the figure is therefore saved inside
    the report style (the same in both languages), whatever style the caller
    is in.

    The figure is laid out once, by the first format's save: its layout engine
    (the constrained layout of :func:`new_figure`) is then set aside, so the
    other formats draw the same positions without laying the figure out again,
    and put back afterwards (a notebook's figure still lays itself out). The
    positions depend only on the figure and the first format, so the bytes of
    every format are the same on every run.
    """
    import matplotlib as mpl

    outs = figure_paths(path, formats)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    written = []
    engine = fig.get_layout_engine()
    try:
        with mpl.rc_context(report_rc()):  # type: ignore[arg-type]  # keys typed as a Literal of rcParams names
            for fmt, out in zip(formats, outs):
                fig.savefig(out, format=fmt, dpi=DPI, metadata=_METADATA[fmt])
                written.append(out)
                if engine is not None:
                    fig.set_layout_engine("none")  # laid out once: the next formats keep these positions
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)
    return written

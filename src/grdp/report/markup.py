"""The small Markdown the report writes: paragraphs, list items and inline emphasis, for both the summary file and Word.

The sections' texts are the results' ``summary()`` strings: one statement per
line, with details on indented lines below. :func:`as_markdown` turns such a
text into proper Markdown — a blank line between paragraphs, details as a real
list, no statement twice — and :func:`blocks` / :func:`inline` read that
Markdown back for the Word document, so both files say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Block", "Run", "as_markdown", "blocks", "inline", "plain"]

BlockKind = Literal["paragraph", "item"]
_EMPHASIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item of Markdown text (inline emphasis still in it)."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


def as_markdown(text: str) -> str:
    """Proper Markdown of a summary text: one paragraph per statement, indented details as a list.

    Lines starting with ``- `` and indented lines become list items (the list set
    off from the paragraph before it by a blank line); every other line is a
    paragraph of its own. A paragraph or item already written is not written
    again.

    >>> print(as_markdown("Forecast 8,08 %.\\nProbabilities:\\n  ≥ 10 %: 6,7 %\\n  ≥ 10,5 %: 6,7 %\\n\\nForecast 8,08 %."))
    Forecast 8,08 %.
    <BLANKLINE>
    Probabilities:
    <BLANKLINE>
    - ≥ 10 %: 6,7 %
    - ≥ 10,5 %: 6,7 %
    """
    out: list[str] = []
    seen: set[str] = set()
    in_list = False
    for block in blocks(text):
        line = block.text
        if line in seen:
            continue
        seen.add(line)
        if block.kind == "item":
            if not in_list and out:
                out.append("")
            out.append(f"- {line}")
            in_list = True
        else:
            if out:
                out.append("")
            out.append(line)
            in_list = False
    return "\n".join(out)


def blocks(text: str) -> list[Block]:
    """The paragraphs and list items of ``text`` (a summary or :func:`as_markdown` output), in order.

    >>> [(b.kind, b.text) for b in blocks("A.\\n  detail\\n- item\\n\\nB.")]
    [('paragraph', 'A.'), ('item', 'detail'), ('item', 'item'), ('paragraph', 'B.')]
    """
    found = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        stripped = raw.strip()
        if stripped.startswith("- "):
            found.append(Block("item", stripped[2:].strip()))
        elif raw[:1].isspace():
            found.append(Block("item", stripped))
        else:
            found.append(Block("paragraph", stripped))
    return found


def inline(text: str) -> list[Run]:
    """The runs of ``text`` with ``**bold**`` and ``*italic*`` read.

    >>> inline("**1** GRDP — *Khớp*: ok")
    [Run(text='1', bold=True, italic=False), Run(text=' GRDP — ', bold=False, italic=False), Run(text='Khớp', bold=False, italic=True), Run(text=': ok', bold=False, italic=False)]
    """
    runs = []
    for part in _EMPHASIS.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            runs.append(Run(part[2:-2], bold=True))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            runs.append(Run(part[1:-1], italic=True))
        else:
            runs.append(Run(part))
    return runs


def plain(text: str) -> str:
    """``text`` without its emphasis marks.

    >>> plain("**1** GRDP — *Khớp*")
    '1 GRDP — Khớp'
    """
    return "".join(run.text for run in inline(text))

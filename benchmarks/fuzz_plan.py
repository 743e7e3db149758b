"""Mutation fuzzing of the embedded plan: ~600 single-cell mutations through ``grdp check``, in process.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/fuzz_plan.py [--list]``. Prints counts by
outcome (and, with ``--list``, every mutation that did not end in a verdict or a clean exit 2).
Asserts nothing; deterministic (seeded), so a "before" and an "after" run compare mutation by mutation.

Mutations
---------
Each mutation changes one cell of ``data/raw/plan_2025_indicators.csv``: mostly the three figure
cells of an indicator row (9 months, Q4, year), some its unit, and a few the raw line (a quote
dropped, so the CSV quoting breaks). Operators: a digit typo, a digit doubled or dropped, an extra
``.``/``,``, a trailing ``%``, a ``≥``/``<=`` bound, an empty cell, a huge number (400 digits and
grouped billions), text, zero, a negative, full-width digits, a control character, a figure with
English grouping in a ``%`` column (``7,961,604.8``) and a few fixed typos (``80%``, ``7``,
``22.374.698,5``).

Outcomes
--------
``verdict``
    ``grdp check`` returned 0 or 1 (findings printed).
``exit_2``
    ``grdp check`` returned 2 with exactly one line on stderr (an :class:`~grdp.InputError`).
``traceback``
    Any other exception escaped ``grdp.cli.main`` (or exit 2 with more than one line).
``silent_misread`` (a subset of ``verdict``, counted separately)
    The check gave verdicts although grdp read the file wrongly, detected by rules that do not
    depend on the parser under test:

    * a figure read as a non-finite number (``inf``);
    * a cell of the mutated row other than the mutated one read differently from the clean plan
      (fields shifted by broken quoting), or a row of the clean plan missing;
    * a control character accepted into any cell;
    * a figure in a ``%`` row read as more than 1000 in absolute value (absurd as a percentage);
    * the verdict table (STT, check, verdict) identical to the clean plan's although the mutated
      figure was read as a value that differs both from the clean value and from every *plain
      reading* of the typed text: NFKC, qualifiers and ``%`` off, then either every separator
      grouping thousands or the last one marking decimals (the others grouping). A change that
      moves nothing in the audit and is read as no reader would read it is invisible.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import random
import sys
import tempfile
import time
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from grdp.cli import main as grdp_main
from grdp.io.plan import default_plan_path, load_plan

SEED = 20251013
N_MUTATIONS = 600
FIGURE_COLUMNS = (3, 4, 5)  # D 9 months, E Q4, F year
PERIOD_OF = {3: "done", 4: "rest", 5: "year"}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
FIXED = ("80%", "7", "22.374.698,5", "7,961,604.8", "≥ 0", "<=5", "9" * 400, "1.000.000.000.000")


@dataclass(frozen=True)
class Mutation:
    """One planted defect: where, what, and the raw file text it gives."""

    row: int  # spreadsheet row (header = 1)
    column: int  # 0-based column index
    operator: str
    before: str
    after: str
    text: str  # the whole file


def _digit_positions(s: str) -> list[int]:
    return [i for i, ch in enumerate(s) if ch.isdigit()]


def _mutate_figure(cell: str, rng: random.Random) -> tuple[str, str]:
    """One operator applied to a figure cell: (operator, new text)."""
    ops = ["typo", "double", "drop", "separator", "percent", "bound", "empty", "huge", "text", "zero",
           "negative", "full_width", "control", "fixed"]
    op = rng.choice(ops)
    digits = _digit_positions(cell)
    if op in ("typo", "double", "drop", "separator") and not digits:
        op = "fixed"
    if op == "typo":
        i = rng.choice(digits)
        new = rng.choice([d for d in "0123456789" if d != cell[i]])
        return op, cell[:i] + new + cell[i + 1:]
    if op == "double":
        i = rng.choice(digits)
        return op, cell[:i] + cell[i] + cell[i:]
    if op == "drop":
        i = rng.choice(digits)
        return op, cell[:i] + cell[i + 1:]
    if op == "separator":
        i = rng.randrange(len(cell) + 1)
        return op, cell[:i] + rng.choice(".,") + cell[i:]
    if op == "percent":
        return op, cell + rng.choice(["%", " %"])
    if op == "bound":
        return op, rng.choice(["≥ ", "<=", ">", "≤"]) + cell
    if op == "empty":
        return op, ""
    if op == "huge":
        return op, rng.choice(["9" * 400, "1" + "0" * 320, "1.000.000.000.000", "12.345.678.901,5"])
    if op == "text":
        return op, rng.choice(["chưa có", "N/A", "x", "đạt", "10 tỷ"])
    if op == "zero":
        return op, rng.choice(["0", "0,0", "0.00"])
    if op == "negative":
        return op, "-" + cell if cell not in ("", "-") else "-5"
    if op == "full_width":
        return op, (cell if digits else "10,5").translate(FULL_WIDTH)
    if op == "control":
        i = rng.randrange(len(cell) + 1)
        return op, cell[:i] + rng.choice(["\x00", "\x07", "\x1b", "\x7f", "\u200b"]) + cell[i:]
    return "fixed", rng.choice(FIXED)


def mutations(n: int = N_MUTATIONS, seed: int = SEED) -> list[Mutation]:
    """``n`` deterministic single-cell mutations of the embedded plan."""
    raw = default_plan_path().read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    indicator_rows = [i for i, r in enumerate(rows) if i > 0 and r[0][:1].isdigit() and any(r[c] for c in (2, 3, 4, 5))]
    rng = random.Random(seed)
    out: list[Mutation] = []
    while len(out) < n:
        i = rng.choice(indicator_rows)
        roll = rng.random()
        if roll < 0.05:  # break the quoting of the raw line: drop one quote
            lines = raw.split("\n")
            line = lines[i]
            quotes = [k for k, ch in enumerate(line) if ch == '"']
            if not quotes:
                continue
            k = rng.choice(quotes)
            lines[i] = line[:k] + line[k + 1:]
            out.append(Mutation(i + 1, -1, "quote", line, lines[i], "\n".join(lines)))
            continue
        if roll < 0.12:  # the unit
            c = 2
            op, new = "unit", rng.choice(["", "%", "Tỷ đồng", "lần", "\x07%"])
        else:
            c = rng.choice(FIGURE_COLUMNS)
            op, new = _mutate_figure(rows[i][c], rng)
        if new == rows[i][c]:
            continue
        mutated = [list(r) for r in rows]
        mutated[i][c] = new
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(mutated)
        out.append(Mutation(i + 1, c, op, rows[i][c], new, buf.getvalue()))
    return out


def _plain_readings(text: str) -> list[float]:
    """The numbers a reader may see with no conventions (see the module notes); empty when none."""
    s = unicodedata.normalize("NFKC", text).strip()
    for q in ("≥", ">=", "<=", "≤", ">", "<"):
        s = s.removeprefix(q)
    s = s.strip().removesuffix("%").strip()
    candidates = [s.replace(".", "").replace(",", "")]
    seps = [k for k, ch in enumerate(s) if ch in ".,"]
    if seps:
        last = seps[-1]
        candidates.append(s[:last].replace(".", "").replace(",", "") + "." + s[last + 1:])
    out = []
    for c in candidates:
        with contextlib.suppress(ValueError):
            out.append(float(c))
    return out


def _run_check(path: Path) -> tuple[str, str, int | None]:
    """(outcome, stderr's first line or the exception, exit status)."""
    err, out = io.StringIO(), io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        warnings.simplefilter("ignore")
        try:
            status = grdp_main(["check", str(path), "--format", "csv"])
        except SystemExit as exc:  # argparse
            status = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:
            return "traceback", f"{type(exc).__name__}: {exc}"[:160], None
    lines = err.getvalue().splitlines()
    if status in (0, 1):
        return "verdict", "", status
    if status == 2 and len([ln for ln in lines if ln.startswith("grdp: error")]) == 1:
        return "exit_2", lines[0][:160], status
    return "traceback", (lines[0] if lines else "")[:160], status


def _verdict_table(path: Path) -> tuple[tuple[str, str, str], ...] | None:
    from grdp.audit.check import check_plan

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            audit = check_plan(load_plan(path))
        except Exception:
            return None
    return tuple((f.stt, f.check, f.verdict) for f in audit.items)


def _misread(m: Mutation, path: Path, clean: dict[int, dict[str, object]], clean_table: object) -> str:
    """Why a verdict outcome is a silent misread ('' when it is not); see the module notes."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plan = load_plan(path)
    got = {r.source_row: r for r in plan.rows}
    for r in plan.rows:
        for p in ("done", "rest", "year"):
            v = r.value(p)
            for x in (v.low, v.high):
                if x is not None and not math.isfinite(x):
                    return "non-finite"
                if x is not None and r.unit.strip() == "%" and abs(x) > 1000:
                    return "absurd %"
        cells = (r.name, r.unit, r.lead_unit, r.monitoring_unit, r.note, *(r.value(p).text for p in ("done", "rest", "year")))
        if any(ch for c in cells for ch in c if unicodedata.category(ch) == "Cc"):
            return "control char"
    if set(clean) - set(got):
        return "row lost"
    row = got.get(m.row)
    if row is None:
        return ""
    ref = clean[m.row]
    for fld in ("name", "lead_unit", "monitoring_unit", "note", "unit", "done", "rest", "year"):
        if (m.column == 2 and fld == "unit") or PERIOD_OF.get(m.column) == fld:
            continue
        now = getattr(row, fld)
        now = now.text if hasattr(now, "text") else now
        if now != ref[fld]:
            return "shifted fields"
    if m.column in PERIOD_OF:
        v = row.value(PERIOD_OF[m.column])  # type: ignore[arg-type]
        read = v.low if v.low is not None else v.high
        clean_read = ref[f"{PERIOD_OF[m.column]}_value"]
        plain = _plain_readings(m.after)
        unread = read is not None and read != clean_read and plain and not any(math.isclose(read, x) for x in plain)
        if unread and _verdict_table(path) == clean_table:
            return "hidden change"
    return ""


def _short(text: str, width: int = 60) -> str:
    shown = repr(text)
    return shown if len(shown) <= width else shown[: width - 5] + "…" + shown[-4:]


def main(argv: list[str]) -> int:
    show = "--list" in argv
    clean_plan = load_plan()
    clean: dict[int, dict[str, object]] = {}
    for r in clean_plan.rows:
        rec: dict[str, object] = {f: getattr(r, f) for f in ("name", "lead_unit", "monitoring_unit", "note", "unit")}
        for p in ("done", "rest", "year"):
            v = r.value(p)  # type: ignore[arg-type]
            rec[p] = v.text
            rec[f"{p}_value"] = v.low if v.low is not None else v.high
        clean[r.source_row] = rec
    clean_table = _verdict_table(default_plan_path())
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    listed: list[str] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k, m in enumerate(mutations()):
            path = Path(tmp) / f"plan_2025_mutation_{k:03d}.csv"
            path.write_text(m.text, encoding="utf-8")
            outcome, message, _ = _run_check(path)
            counts[outcome] += 1
            if outcome == "verdict":
                why = _misread(m, path, clean, clean_table)
                if why:
                    counts["silent_misread"] += 1
                    reasons[why] += 1
                    listed.append(f"misread   row {m.row} col {m.column} {m.operator:10} {_short(m.before)} -> {_short(m.after)}: {why}")
            elif outcome == "traceback":
                reasons[message.split(":")[0]] += 1
                listed.append(f"traceback row {m.row} col {m.column} {m.operator:10} {_short(m.before)} -> {_short(m.after)}: {message}")
            path.unlink()
    total = sum(counts[o] for o in ("verdict", "exit_2", "traceback"))
    print(f"{total} mutations in {time.perf_counter() - t0:.1f} s (seed {SEED})")
    for o in ("verdict", "exit_2", "traceback", "silent_misread"):
        print(f"  {o:15} {counts[o]:4d}")
    for why, n in reasons.most_common():
        print(f"    {why}: {n}")
    if show:
        print("\n".join(listed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The package's architecture, read from its imports: layers in order, no circle, no private name across them.

Layers, lowest first: ``core`` → ``io`` → ``sectors`` → ``audit`` → ``forecast`` → ``sensitivity`` →
``figures`` → ``report`` → ``cli`` (and ``grdp/__init__.py``, the public API, above all). A module may
import from its own layer and from lower ones, never from a higher one — also not inside a function.
The one call upward is :meth:`grdp.core.results.Result.plot`, which reaches :mod:`grdp.figures` by name
at call time (as pandas reaches its plotting backend); it is allowed here explicitly and nowhere else.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import grdp
from grdp.io.paths import project_root

PACKAGE = Path(grdp.__file__).parent
LAYERS = ("core", "io", "sectors", "audit", "forecast", "sensitivity", "figures", "report", "cli")
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int | None:
    """Rank of a grdp module's layer; None for the package's own __init__ (the public API, above all)."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    return LAYERS.index(parts[1])


def _imports(module: str) -> list[tuple[str, list[str], int]]:
    """Every grdp import of a module, at any depth: (module imported, names, line)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "grdp":
            assert node.level == 0, f"{module}: use absolute imports"
            out.append((node.module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{module}:{node.lineno}: relative import; write grdp.… in full")
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "grdp"]
    return out


def _target(imported: str, name: str) -> str:
    """The module an import reaches: ``from grdp.x import y`` reaches ``grdp.x.y`` when that is a module."""
    return f"{imported}.{name}" if f"{imported}.{name}" in MODULES else imported


def test_every_subpackage_is_a_layer():
    assert {m.split(".")[1] for m in MODULES if m != "grdp"} == set(LAYERS)


@pytest.mark.parametrize("module", [m for m in MODULES if m != "grdp"])
def test_no_import_goes_up_a_layer(module):
    rank = _layer(module)
    upward = [f"line {line}: {_target(imp, n)}" for imp, names, line in _imports(module)
              for n in (names or [""]) if (r := _layer(_target(imp, n))) is not None and r > rank]
    assert upward == [], f"{module} ({LAYERS[rank]}) imports from a higher layer: {upward}"


@pytest.mark.parametrize("module", list(MODULES))
def test_no_private_name_crosses_a_subpackage(module):
    crossing = [f"line {line}: {imp}.{n}" for imp, names, line in _imports(module) for n in names
                if n.startswith("_") and imp.split(".")[:2] != module.split(".")[:2]]
    assert crossing == []


def test_no_import_circle():
    graph = {m: {_target(imp, n) for imp, names, _ in _imports(m) for n in (names or [""])} & set(MODULES) - {m}
             for m in MODULES if m != "grdp"}
    graph = {m: {t for t in ts if t != "grdp" and MODULES[t].name != "__init__.py"} for m, ts in graph.items()}
    done: set[str] = set()
    path: list[str] = []

    def visit(m: str) -> None:
        if m in path:
            raise AssertionError("import circle: " + " → ".join(path[path.index(m):] + [m]))
        if m in done:
            return
        path.append(m)
        for t in sorted(graph.get(m, ())):
            visit(t)
        path.pop()
        done.add(m)

    for m in sorted(graph):
        visit(m)


def test_the_only_call_upward_is_result_plot_by_name():
    # importlib.import_module with a grdp module name is how a lower layer could reach a higher one unseen;
    # the package's own __init__ (the public API, above all layers) imports each public name's module lazily
    found = []
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if "import_module(" in text and module != "grdp":
            found.append(module)
    assert found == ["grdp.core.results"]
    from grdp.core.results import FIGURES_MODULE

    assert FIGURES_MODULE == "grdp.figures"


@pytest.mark.parametrize("module", list(MODULES))
def test_no_module_is_longer_than_600_lines(module):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("module", list(MODULES))
def test_all_lists_exactly_what_the_module_defines_for_others(module):
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", None)
    if names is None:
        # a subpackage's __init__ that only documents it defines nothing for others
        assert MODULES[module].name == "__init__.py" and module != "grdp", f"{module} has no __all__"
        return
    assert len(names) == len(set(names)), "a name listed twice"
    assert [n for n in names if not hasattr(mod, n)] == []


def test_the_lazy_public_api_is_the_one_type_checkers_see():
    # grdp/__init__.py: the names under `if TYPE_CHECKING:` are exactly __all__, each from the module it is fetched from
    tree = ast.parse(MODULES["grdp"].read_text(encoding="utf-8"))
    typed = {a.name: node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and node.module and node.module.startswith("grdp.") for a in node.names}
    assert sorted(typed) == sorted(grdp.__all__)
    for name, module in typed.items():
        assert getattr(grdp, name) is getattr(importlib.import_module(module), name), name


def test_importing_grdp_imports_no_analysis():
    code = ("import sys, grdp\n"
            "print(sorted(m for m in sys.modules if m.startswith(('grdp.', 'statsmodels', 'matplotlib', 'scipy'))))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert res.stdout.strip() == "[]"


def test_analyses_never_import_matplotlib():
    below_figures = [m for m in MODULES if (r := _layer(m)) is not None and r < LAYERS.index("figures")]
    users = [m for m in below_figures if "matplotlib" in MODULES[m].read_text(encoding="utf-8")
             and "import matplotlib" in MODULES[m].read_text(encoding="utf-8")]
    assert users == []


# ---- no figure of one plan written into the library -------------------------------------------------


def _plan_figures() -> set[float]:
    """Every non-integer number printed in the embedded plan's GRDP, sector and share rows (seed Phụ lục 1
    rows 1, 2.1-2.4, 3), and the province's and the nation's figures in data/raw/assumptions.csv (quarterly
    weights, industry split): none may be a constant in src/. (The authored bands — 0,2 … — are too common
    a number to search for; they are read from the same file.)"""
    plan = grdp.load_plan()
    keys = ("grdp_growth", "output_growth_agriculture", "output_growth_industry", "output_growth_construction",
            "output_growth_services", "share_industry_construction_services")
    values = {x for k in keys for p in ("done", "rest", "year") for x in plan.require(k).ends(p)}
    values |= {float(r["value"]) for r in grdp.assumptions().rows
               if r["name"].startswith(("national_q", "industry_split"))}
    return {v for v in values if not float(v).is_integer() and v != 0.5}


STYLE_KEYWORDS = {"alpha", "lw", "linewidth", "fontsize", "ms", "markersize", "height", "width", "shrink", "capsize",
                  "elinewidth", "s", "pad", "size", "height_cm"}


def test_no_figure_of_the_embedded_plan_or_the_assumptions_in_src():
    figures = _plan_figures()
    assert {8.01, 14.2, 15.8, 10.5, 0.271, 0.82} <= figures
    hits = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        styled = {id(k.value) for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg in STYLE_KEYWORDS}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, float) and node.value in figures \
                    and id(node) not in styled:
                hits.append(f"{module}:{node.lineno}: {node.value}")
    assert hits == []


def test_no_year_of_the_embedded_plan_in_src_code():
    hits = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value == 2025:
                hits.append(f"{module}:{node.lineno}")
            if isinstance(node, ast.Compare) and any(isinstance(c, ast.Constant) and c.value in (2024, 2025, 2026)
                                                      for c in node.comparators):
                hits.append(f"{module}:{node.lineno}")
    assert hits == []


def test_the_notebooks_and_src_resolve_paths_from_the_project():
    assert (project_root() / "pyproject.toml").is_file()

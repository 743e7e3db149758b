"""Sector keys and structures as mappings: the vocabulary every sector computation shares.

GRDP = value added of agriculture-forestry-fishery, industry, construction and
services + product taxes less subsidies. A *structure* is the share of each part
in GRDP; the shares of one period are the weights of the next period's growth
(see :mod:`grdp.sectors.decomposition`).

Sector keys (English, for code; :func:`sector_label` gives the Vietnamese)::

    agriculture  industry  construction  industry_construction  services  taxes

A structure holds either ``industry`` and ``construction`` or their sum
``industry_construction``, never both (that would count them twice). The values
of a structure may be NumPy arrays of draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from grdp.core.labels import label
from grdp.core.typing import Lang

__all__ = [
    "SECTORS",
    "VALUE_ADDED",
    "NON_AGRICULTURE",
    "Structure",
    "sector_label",
    "check_partition",
    "normalise_weights",
    "split_structure",
    "group_share",
    "as_scalar",
]

SECTORS: tuple[str, ...] = ("agriculture", "industry", "construction", "industry_construction", "services", "taxes")
"""Sector keys in display order."""
VALUE_ADDED: tuple[str, ...] = SECTORS[:-1]
"""The sectors whose sum is gross value added (product taxes excluded)."""
NON_AGRICULTURE: tuple[str, ...] = ("industry", "construction", "industry_construction", "services")
"""The group of the plan's structure target: industry + construction + services."""



Structure = Mapping[str, Any]
"""Shares or growth by sector key."""


def sector_label(key: str, lang: Lang = "vi") -> str:
    """Display name of a sector key (``"total"`` is GRDP).

    >>> sector_label("agriculture"), sector_label("services", "en")
    ('Nông, lâm nghiệp và thủy sản', 'Services')
    """
    return label(f"dc_{key}", lang)


def check_partition(keys: Any, *, what: str = "growth", partial: bool = False) -> list[str]:
    """Validate sector keys and return them in display order.

    Raises ``ValueError`` for an unknown key or when ``industry_construction`` is
    given together with ``industry`` or ``construction`` (counted twice), or only
    one of ``industry`` / ``construction`` (allowed with ``partial=True``: a set
    that does not claim to cover every sector).
    """
    keys = list(keys.keys()) if hasattr(keys, "keys") else list(keys)
    unknown = [k for k in keys if k not in SECTORS]
    if unknown:
        raise ValueError(f"{what} keys must be among: {', '.join(repr(s) for s in SECTORS)}; got {unknown!r}")
    ks = set(keys)
    if "industry_construction" in ks and ks & {"industry", "construction"}:
        raise ValueError(f"{what}: give 'industry' and 'construction', or 'industry_construction', not both")
    if not partial and len(ks & {"industry", "construction"}) == 1:
        raise ValueError(f"{what}: 'industry' and 'construction' go together (or use 'industry_construction')")
    return [s for s in SECTORS if s in ks]


def normalise_weights(weights: Structure) -> dict[str, Any]:
    """Shares as fractions summing to exactly 1, from shares summing to 1 or to 100.

    Printed shares may miss 100 by their rounding (99,9 or 100,1); they are divided
    by their sum. Raises ``ValueError`` when they sum to neither 1 nor 100 (within
    0,5 %): a structure that leaves a sector out (taxes!) must not be rescaled
    silently.

    >>> normalise_weights({"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2, "taxes": 5.1})["taxes"]
    0.051
    """
    keys = check_partition(weights, what="weights")
    vals = {k: np.asarray(weights[k], dtype="float64") for k in keys}
    total = sum(vals.values())
    t = np.asarray(total)
    if not (np.all(np.abs(t - 1) <= 0.005) or np.all(np.abs(t - 100) <= 0.5)):
        raise ValueError(
            f"weights must sum to 1 or 100 (shares of GRDP); they sum to {np.round(t, 4)}. "
            "A structure without taxes sums to less: include 'taxes'"
        )
    return {k: as_scalar(v / t) for k, v in vals.items()}


def as_scalar(x: np.ndarray) -> Any:
    """A float for a 0-d array, the array itself otherwise."""
    return float(x) if np.ndim(x) == 0 else x


def split_structure(structure: Structure, *, industry_split: Any) -> dict[str, Any]:
    """Replace ``industry_construction`` by ``industry`` and ``construction`` in the given proportion.

    >>> w = split_structure({"agriculture": 0.2, "industry_construction": 0.5, "services": 0.3}, industry_split=0.8)
    >>> round(w["industry"], 10), round(w["construction"], 10)
    (0.4, 0.1)
    """
    a = np.asarray(industry_split, dtype="float64")
    if np.any((a < 0) | (a > 1)):
        raise ValueError("industry_split must be in [0, 1]: industry's share of industry + construction")
    out: dict[str, Any] = {}
    for key in check_partition(structure, what="structure"):
        if key == "industry_construction":
            ic = structure[key]
            out["industry"] = as_scalar(np.asarray(ic * a))
            out["construction"] = as_scalar(np.asarray(ic * (1 - a)))
        else:
            out[key] = structure[key]
    return {s: out[s] for s in SECTORS if s in out}


def group_share(structure: Structure, group: tuple[str, ...] = NON_AGRICULTURE) -> Any:
    """Sum of the shares of a group of sectors (default industry + construction + services).

    >>> group_share({"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2, "taxes": 5.1})
    83.0
    """
    keys = check_partition(structure, what="structure")
    return as_scalar(np.asarray(sum(np.asarray(structure[k], dtype="float64") for k in keys if k in group)))

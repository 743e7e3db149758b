"""data/raw is immutable and accounted for: every file listed with its source and sha256."""

from __future__ import annotations

import csv
import hashlib

from grdp.io.paths import raw_dir


def _manifest() -> dict[str, dict[str, str]]:
    with open(raw_dir() / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


def test_manifest_lists_every_raw_file_and_only_those():
    files = {p.name for p in raw_dir().iterdir() if p.is_file() and p.name != "MANIFEST.csv"}
    assert set(_manifest()) == files


def test_raw_files_match_their_sha256():
    for name, row in _manifest().items():
        assert hashlib.sha256((raw_dir() / name).read_bytes()).hexdigest() == row["sha256"], name


def test_every_entry_says_where_it_came_from_and_how():
    for name, row in _manifest().items():
        assert row["source"].strip() and row["how_made"].strip(), name


def test_seed_is_the_shared_seed_byte_for_byte(root):
    shared = root.parent / "shared" / "seed" / "000_824fb1e7a767da90.txt"
    if not shared.is_file():
        import pytest

        pytest.skip("../shared/seed is absent")
    assert (raw_dir() / "000_824fb1e7a767da90.txt").read_bytes() == shared.read_bytes()

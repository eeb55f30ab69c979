#!/usr/bin/env python3
"""Check gold files against their articles (shared gold format).

Usage: check_gold.py [GOLD_DIR ...]   (default tests/corpus/gold)

Every gold string must occur verbatim in the article, every quote speaker must
be a listed person or null, and the title must be the article's first line.
Exits 1 and lists each problem when one is found.
"""
import json
import re
import sys
from pathlib import Path


def strings_of(gold):
    """(what, string) for every string the gold says is in the article."""
    for p in gold["people"]:
        for n in p["names"]:
            yield "person name", n
        for d in p["descriptions"]:
            yield "description", d
    for p in gold["places"]:
        for n in p["names"]:
            yield "place name", n
    for n in gold["numbers"]:
        yield "number", n
    for q in gold["quotes"]:
        yield "quote", q["text"]
    for kind, items in gold.get("optional", {}).items():
        for item in items:
            yield f"optional {kind}", item
    if gold.get("dek"):
        yield "dek", gold["dek"]


def check(gold_file):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    article = gold_file.parent.parent / "articles" / gold["article"]
    if not article.exists():
        return [f"article {article} missing"]
    text = article.read_text(encoding="utf-8")
    problems = []
    for what, s in strings_of(gold):
        if not s or s not in text:
            problems.append(f"{what} not in article: {s!r}")
    people = {p["name"] for p in gold["people"]}
    for p in gold["people"]:
        if p["name"] not in p["names"] and not all(w in text for w in p["name"].split()):
            problems.append(f"canonical name {p['name']!r} is not made of words of the article")
    for q in gold["quotes"]:
        if q["speaker"] is not None and q["speaker"] not in people:
            problems.append(f"quote speaker {q['speaker']!r} is not a listed person")
    if text.split("\n", 1)[0] != gold["title"]:
        problems.append("title is not the article's first line")
    texts = [q["text"] for q in gold["quotes"]]
    for t in set(texts):
        if texts.count(t) > 1:
            problems.append(f"quote listed twice: {t[:40]!r}")
    if not re.search(r"\S", text):
        problems.append("empty article")
    return problems


def main(argv):
    dirs = [Path(a) for a in argv] or [Path("tests/corpus/gold")]
    bad = 0
    files = [f for d in dirs for f in sorted(d.glob("*.json"))]
    for f in files:
        for p in check(f):
            bad += 1
            print(f"{f.name}: {p}")
    print(f"{len(files)} gold files checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

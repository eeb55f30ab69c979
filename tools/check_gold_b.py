#!/usr/bin/env python3
"""Check the hand-made gold files of the development corpus against their articles.

Usage: check_gold_b.py [GOLD_DIR] [--prefix b-]

Every string in a gold file must occur verbatim in its article (names as whole
words), every quote speaker must be a listed person or null, a quote's text must
sit right after an opening quotation mark, and a quote's first occurrence is the
one the scorer uses, so a quote text that occurs twice is reported.
Exits 1 when anything is wrong.
"""
import json
import re
import sys
from pathlib import Path

OPENING_MARKS = "\"“‘'«"
FIELDS = {"article", "source", "license", "title", "dek", "paragraphs",
          "people", "places", "numbers", "quotes", "optional"}


def whole_word_in(text, needle):
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return re.search(pattern, text) is not None


def check_names(text, gold, problems):
    for kind in ("people", "places"):
        for item in gold[kind]:
            names = item.get("names", [])
            if not names:
                problems.append(f"{kind}: {item['name']!r} has no surface names")
            for n in names + item.get("descriptions", []):
                if not whole_word_in(text, n):
                    problems.append(f"{kind}: {n!r} not in the article")
    people = [p["name"] for p in gold["people"]]
    if len(set(people)) != len(people):
        problems.append("people: a canonical name is listed twice")


def check_numbers(text, gold, problems):
    for n in gold["numbers"]:
        if n not in text:
            problems.append(f"number {n!r} not in the article")


def inside_other_quote(text, quote, start, quotes):
    """A later occurrence is harmless when it lies inside a longer gold quote."""
    for other in quotes:
        if other is quote or len(other["text"]) <= len(quote["text"]):
            continue
        j = text.find(other["text"])
        if j >= 0 and j <= start and start + len(quote["text"]) <= j + len(other["text"]):
            return True
    return False


def quote_problems(text, quote, speakers, quotes):
    out = []
    t = quote["text"]
    if quote.get("speaker") is not None and quote["speaker"] not in speakers:
        out.append(f"quote speaker {quote['speaker']!r} is not a listed person")
    i = text.find(t)
    if i < 0:
        return out + [f"quote not in the article: {t[:50]!r}"]
    if i == 0 or text[i - 1] not in OPENING_MARKS:
        out.append(f"quote does not follow an opening mark: {t[:50]!r}")
    later = text.find(t, i + 1)
    if later >= 0 and not inside_other_quote(text, quote, later, quotes):
        out.append(f"quote text occurs twice (the scorer uses the first): {t[:50]!r}")
    return out


def check_quotes(text, gold, problems):
    speakers = {p["name"] for p in gold["people"]}
    for q in gold["quotes"]:
        problems += quote_problems(text, q, speakers, gold["quotes"])


def check_optional(text, gold, problems):
    for kind, items in gold.get("optional", {}).items():
        for s in items:
            if s not in text:
                problems.append(f"optional {kind}: {s!r} not in the article")


def check_header(text, gold, problems):
    lines = text.split("\n")
    if lines[0].strip() != gold["title"]:
        problems.append(f"title is not the first line: {gold['title']!r}")
    if gold.get("dek") and gold["dek"] not in text:
        problems.append("dek not in the article")
    blocks = [b for b in re.split(r"\n[ \t]*\n", text.strip()) if b.strip()]
    if len(blocks) > 2:
        counted = len(blocks) - 1 - (1 if gold.get("dek") else 0)
        if counted != gold["paragraphs"]:
            problems.append(f"paragraphs {gold['paragraphs']}, blank-line blocks say {counted}")
    extra = set(gold) - FIELDS
    if extra:
        problems.append(f"unknown fields {sorted(extra)}")


def check_file(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = gold_path.parent.parent / "articles" / gold["article"]
    if not article.exists():
        return [f"article {article} missing"], 0, 0
    text = article.read_text(encoding="utf-8")
    problems = []
    check_header(text, gold, problems)
    check_names(text, gold, problems)
    check_numbers(text, gold, problems)
    check_quotes(text, gold, problems)
    check_optional(text, gold, problems)
    return problems, len(text.split()), len(gold["quotes"])


def main(argv):
    prefix = "b-"
    if "--prefix" in argv:
        i = argv.index("--prefix")
        prefix = argv[i + 1]
        del argv[i:i + 2]
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "tests/corpus/gold"
    bad = 0
    for gold_path in sorted(folder.glob(prefix + "*.json")):
        problems, words, quotes = check_file(gold_path)
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{gold_path.stem}: {words} words, {quotes} quotes, {status}")
        for p in problems:
            print("   " + p)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

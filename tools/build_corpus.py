#!/usr/bin/env python3
"""Build the dev corpus (articles + gold JSON) from annotated sources.

The annotated source is where the annotation is done by hand; this script only
writes it out in the shared gold format, so a quote's text can never drift
from the article it was cut from.

Usage: build_corpus.py [ANNOTATED_DIR [CORPUS_DIR]]
  defaults: tests/corpus/annotated -> tests/corpus/{articles,gold}

Source format (tests/corpus/annotated/<slug>.txt):

  person: Canonical Name = surface | surface = description | description
  place: Canonical Name = surface | surface
  numbers: exact substring | exact substring
  opt-people: ... | ...     (also opt-places, opt-organizations, opt-numbers)
  dek: yes                  (the second line of the article is a standfirst)
  wrap: 70                  (hard-wrap body paragraphs at this width)
  ---
  Title line
  Dek line
  Body paragraph, blank line between paragraphs.

A direct quote is marked right after its opening mark: {Canonical Name} for a
named speaker, {-} for no named speaker, {?} for a debatable quote (goes to
optional). A quoted phrase without a mark (scare quote, title) is not a quote.
The quote runs to the matching closing mark, or to the end of the paragraph
when the quote carries on into the next one.
"""
import json
import re
import sys
from pathlib import Path

CLOSERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}
TAG = re.compile(r"([“\"‘'])\{([^{}]*)\}")


def split_list(s):
    return [x.strip() for x in s.split("|") if x.strip()]


def parse_header(lines, slug):
    gold = {"people": [], "places": [], "numbers": [], "optional": {}}
    opts = {"dek": False, "wrap": 0}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        key, _, val = line.partition(":")
        key, val = key.strip(), val.strip()
        if key == "person":
            parts = [p.strip() for p in val.split("=")] + ["", ""]
            gold["people"].append({"name": parts[0], "names": split_list(parts[1]), "descriptions": split_list(parts[2])})
        elif key == "place":
            parts = [p.strip() for p in val.split("=")] + [""]
            gold["places"].append({"name": parts[0], "names": split_list(parts[1])})
        elif key == "numbers":
            gold["numbers"] += split_list(val)
        elif key.startswith("opt-"):
            gold["optional"].setdefault(key[4:], []).extend(split_list(val))
        elif key == "dek":
            opts["dek"] = val == "yes"
        elif key == "wrap":
            opts["wrap"] = int(val)
        else:
            raise SystemExit(f"{slug}: unknown header line {line!r}")
    return gold, opts


def closing_index(text, start, opener):
    """Index of the mark that closes a quote opened just before `start`."""
    closer = CLOSERS[opener]
    para_end = text.find("\n\n", start)
    para_end = len(text) if para_end < 0 else para_end
    i = start
    while i < para_end:
        if text[i] == closer:
            apostrophe = closer in "’'" and i + 1 < len(text) and text[i + 1].isalpha()
            if not apostrophe:
                return i
        i += 1
    return para_end


def strip_tags(body):
    """Plain text and the quote spans [(start, end, tag)] marked in it."""
    out, spans, pos = [], [], 0
    marks = list(TAG.finditer(body))
    for m in marks:
        out.append(body[pos:m.start(2) - 1])
        pos = m.end()
        spans.append((sum(len(x) for x in out), m.group(1), m.group(2)))
    out.append(body[pos:])
    text = "".join(out)
    quotes = []
    for start, opener, tag in spans:
        end = closing_index(text, start, opener)
        quotes.append((start, end, tag))
    return text, quotes


def protected_spans(text, gold):
    """Spans a hard wrap must not break: the names and numbers of the gold."""
    needles = [n for p in gold["people"] for n in p["names"] + p["descriptions"]]
    needles += [n for p in gold["places"] for n in p["names"]] + gold["numbers"]
    needles += [n for items in gold["optional"].values() for n in items]
    spans = []
    for n in needles:
        for m in re.finditer(re.escape(n), text):
            spans.append((m.start(), m.end()))
    return spans


def hard_wrap(text, body_start, width, gold):
    """Replace spaces by newlines (same length, so quote spans hold)."""
    keep = protected_spans(text, gold)
    chars = list(text)
    line_start = body_start
    last_space = -1
    i = body_start
    while i < len(chars):
        c = chars[i]
        if c == "\n":
            line_start, last_space = i + 1, -1
        elif c == " " and not any(a < i < b for a, b in keep):
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
        i += 1
    return "".join(chars)


def build(src, corpus):
    slug = src.stem
    raw = src.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise SystemExit(f"{slug}: no '---' line between header and article")
    gold, opts = parse_header(head.splitlines(), slug)
    text, quotes = strip_tags(body.strip("\n") + "\n")
    lines = text.split("\n")
    title = lines[0]
    dek = lines[1] if opts["dek"] else None
    body_start = len(title) + 1 + (len(dek) + 1 if dek else 0)
    if opts["wrap"]:
        text = hard_wrap(text, body_start, opts["wrap"], gold)
    paragraphs = [p for p in re.split(r"\n\s*\n", text[body_start:]) if p.strip()]
    people = {p["name"] for p in gold["people"]}
    gold_quotes, optional_quotes = [], []
    for start, end, tag in quotes:
        q = text[start:end]
        if tag == "?":
            if q not in optional_quotes:
                optional_quotes.append(q)
        elif tag == "-":
            gold_quotes.append({"text": q, "speaker": None})
        elif tag in people:
            gold_quotes.append({"text": q, "speaker": tag})
        else:
            raise SystemExit(f"{slug}: quote speaker {tag!r} is not a listed person")
    if optional_quotes:
        gold["optional"]["quotes"] = optional_quotes
    out = {"article": f"{slug}.txt", "title": title}
    if dek:
        out["dek"] = dek
    out["paragraphs"] = len(paragraphs)
    out.update({k: gold[k] for k in ("people", "places", "numbers")})
    out["quotes"] = gold_quotes
    out["optional"] = gold["optional"]
    (corpus / "articles").mkdir(parents=True, exist_ok=True)
    (corpus / "gold").mkdir(parents=True, exist_ok=True)
    (corpus / "articles" / f"{slug}.txt").write_text(text, encoding="utf-8")
    (corpus / "gold" / f"{slug}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv):
    src_dir = Path(argv[0]) if argv else Path("tests/corpus/annotated")
    corpus = Path(argv[1]) if len(argv) > 1 else src_dir.parent
    for src in sorted(src_dir.glob("*.txt")):
        build(src, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

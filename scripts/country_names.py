#!/usr/bin/env python3
"""Writes every ISO 3166-1 country's name into each reporter catalog, from Unicode CLDR.

Usage: npm pack cldr-localenames-modern && tar xzf cldr-localenames-modern-*.tgz
       scripts/country_names.py package

The codes come from src/domain/country.rs (what the server accepts); the names from CLDR's
territories.json for each catalog's language. A catalog's existing country-XX lines are replaced;
everything else in it is left as it is. Run it again after a CLDR update or a new catalog.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src/locale"
# The CLDR locale for each catalog, where the names differ.
CLDR = {"zh-Hans": "zh"}
# Where CLDR's short form is what people say (Hong Kong, not Hong Kong SAR China).
SHORT = {"HK", "MO", "PS"}


def assigned():
    source = (ROOT / "src/domain/country.rs").read_text()
    block = re.search(r'const ASSIGNED: &str = "(.*?)";', source, re.S).group(1)
    return sorted(set(re.findall(r"[A-Z]{2}", block)))


def names(cldr, tag):
    locale = CLDR.get(tag, tag)
    data = json.loads((cldr / "main" / locale / "territories.json").read_text())
    territories = data["main"][locale]["localeDisplayNames"]["territories"]
    out = {}
    for code in assigned():
        name = territories.get(f"{code}-alt-short") if code in SHORT else None
        out[code] = (name or territories.get(code) or code).replace("\n", " ")
    return out


def main():
    cldr = Path(sys.argv[1])
    for catalog in sorted(LOCALES.glob("*.ftl")):
        tag = catalog.stem
        lines = catalog.read_text().split("\n")
        kept = [l for l in lines if not l.startswith("country-")]
        at = next(i for i, l in enumerate(lines) if l.startswith("country-"))
        before = len([l for l in lines[:at] if not l.startswith("country-")])
        block = [f"country-{code} = {name}" for code, name in names(cldr, tag).items()]
        catalog.write_text("\n".join(kept[:before] + block + kept[before:]))
        print(f"{tag}: {len(block)} countries")


if __name__ == "__main__":
    main()

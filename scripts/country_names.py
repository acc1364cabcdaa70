#!/usr/bin/env python3
"""Writes every ISO 3166-1 country's name into each reporter catalog, from Unicode CLDR.

Usage: npm pack cldr-localenames-modern && tar xzf cldr-localenames-modern-*.tgz
       scripts/country_names.py package
       scripts/country_names.py --smoke    (CI: no network, writes nothing in the tree)

The codes come from src/domain/country.rs (what the server accepts); the names from CLDR's
territories.json for each catalog's language. A catalog's existing country-XX lines are replaced;
everything else in it is left as it is. Run it again after a CLDR update or a new catalog.
"""
import json
import re
import sys
import tempfile
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


def rewrite(cldr, locales):
    for catalog in sorted(locales.glob("*.ftl")):
        tag = catalog.stem
        lines = catalog.read_text().split("\n")
        kept = [l for l in lines if not l.startswith("country-")]
        at = next(i for i, l in enumerate(lines) if l.startswith("country-"))
        before = len([l for l in lines[:at] if not l.startswith("country-")])
        block = [f"country-{code} = {name}" for code, name in names(cldr, tag).items()]
        catalog.write_text("\n".join(kept[:before] + block + kept[before:]))
        print(f"{tag}: {len(block)} countries")


def smoke():
    """The whole rewrite, on copies of the catalogs, from a CLDR tree made of the names they
    already hold: the copies must come back unchanged. Fails when the codes the server accepts
    and the catalogs' names drift apart, or when the script no longer reads either."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        locales, cldr = tmp / "locale", tmp / "cldr"
        locales.mkdir()
        originals = {}
        for catalog in sorted(LOCALES.glob("*.ftl")):
            text = catalog.read_text()
            originals[catalog.name] = text
            (locales / catalog.name).write_text(text)
            current = dict(re.findall(r"^country-([A-Z]{2}) = (.*)$", text, re.M))
            territories = {}
            for code, name in current.items():
                territories[f"{code}-alt-short" if code in SHORT else code] = name
            locale = CLDR.get(catalog.stem, catalog.stem)
            folder = cldr / "main" / locale
            folder.mkdir(parents=True)
            data = {"main": {locale: {"localeDisplayNames": {"territories": territories}}}}
            (folder / "territories.json").write_text(json.dumps(data))
        rewrite(cldr, locales)
        changed = [n for n, t in originals.items() if (locales / n).read_text() != t]
        if changed:
            sys.exit(f"smoke: the rewrite changed {changed}: codes and catalogs disagree")
        print(f"smoke: {len(originals)} catalogs, {len(assigned())} codes, unchanged")


def main():
    if sys.argv[1:] == ["--smoke"]:
        smoke()
        return
    rewrite(Path(sys.argv[1]), LOCALES)


if __name__ == "__main__":
    main()

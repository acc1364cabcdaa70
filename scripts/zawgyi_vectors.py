#!/usr/bin/env python3
"""Writes the test vectors of src/domain/zawgyi/vectors/ from their sources, offline.

Usage: scripts/zawgyi_vectors.py locales [DIR]       (DIR: default /usr/share/i18n/locales)
       scripts/zawgyi_vectors.py myanmar-tools REPO  (REPO: a clone of google/myanmar-tools)

locales: real Unicode Shan (shn_MM), Mon (mnw_MM) and Burmese (my_MM) from glibc's locale
sources (Debian package `locales`): month and day names, their abbreviations, yes/no words, the
language and country names, name titles. Written to locales.tsv as locale, keyword, text. glibc
says of its locale data that the Free Software Foundation claims no copyright in it.

myanmar-tools (Apache-2.0, see NOTICE): the detector's compatibility table (the probabilities
their detectors must give, compatibility.tsv) and a Zawgyi news text with its Unicode
conversion by their converter (mmgov_zawgyi_src.txt, mmgov_unicode_out.txt), copied as they are.
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/domain/zawgyi/vectors"
LOCALES = ["shn_MM", "mnw_MM", "my_MM"]
KEYWORDS = {
    "mon", "abmon", "day", "abday", "am_pm", "yesstr", "nostr",
    "lang_name", "country_name", "name_mr", "name_mrs", "name_miss", "name_ms",
}
TEST_RESOURCES = "clients/java/src/test/resources/com/google/myanmartools"
COPIED = ["compatibility.tsv", "mmgov_zawgyi_src.txt", "mmgov_unicode_out.txt"]


def logical_lines(text):
    """Lines of a locale source, continuation lines (ending in the escape char /) joined."""
    line = ""
    for raw in text.splitlines():
        if raw.startswith("%"):
            continue
        if raw.endswith("/"):
            line += raw[:-1]
            continue
        yield line + raw
        line = ""


def decode(quoted):
    return re.sub(r"<U([0-9A-Fa-f]{4,6})>", lambda m: chr(int(m.group(1), 16)), quoted)


def locales(directory):
    rows = []
    for locale in LOCALES:
        source = (Path(directory) / locale).read_text(encoding="utf-8")
        for line in logical_lines(source):
            words = line.split(None, 1)
            if len(words) < 2 or words[0] not in KEYWORDS:
                continue
            for quoted in re.findall(r'"([^"]*)"', words[1]):
                text = decode(quoted)
                if any("\u1000" <= c <= "\u109f" for c in text):
                    row = (locale, words[0], text)
                    if row not in rows:
                        rows.append(row)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "locales.tsv", "w", encoding="utf-8") as out:
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} strings written to {OUT / 'locales.tsv'}")


def myanmar_tools(repo):
    OUT.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        blob = subprocess.run(
            ["git", "-C", repo, "show", f"HEAD:{TEST_RESOURCES}/{name}"],
            check=True, capture_output=True,
        ).stdout
        (OUT / name).write_bytes(blob)
        print(f"{name}: {len(blob)} bytes")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "locales":
        locales(sys.argv[2] if len(sys.argv) > 2 else "/usr/share/i18n/locales")
    elif len(sys.argv) == 3 and sys.argv[1] == "myanmar-tools":
        myanmar_tools(sys.argv[2])
    else:
        sys.exit(__doc__)

"""Clean the open data on existing ties into data/ties/, and report how names resolved.

Inputs (see data/ties/README.md for origin and licence):
  twin_cities_wikipedia_geocoded_hekman_2026.csv   pairs of twinned towns (Wikipedia)
  gcom_mycovenant_signatories_2024.csv            Covenant of Mayors signatories (JRC)

Outputs:
  data/ties/twin_towns.csv            one row per pair, countries as ISO codes, GeoNames ids
                                      where the match is sure, coordinates always kept
  data/ties/covenant_signatories.csv  signatories without personal names (no mayor column)
  data/ties/resolution.json           counts: resolved, ambiguous, unresolved, dropped
  data/ties/RESOLUTION.md             the same as a readable report

Run from the project root:  .venv/bin/python tools/build_ties.py /path/to/shared/data
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.geo.countries import countries, suggest_code  # noqa: E402
from advisor.geo.gazetteer import Gazetteer, Resolution, gazetteer  # noqa: E402
from advisor.geo.names import fold  # noqa: E402

OUT = ROOT / "data" / "ties"
TWINS = "twin_cities_wikipedia_geocoded_hekman_2026.csv"
COVENANT = "gcom_mycovenant_signatories_2024.csv"

COUNTRY_ALIASES = {
    "czech republic": "CZ",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united kingdom": "GB",
    "republic of ireland": "IE",
    "palestine": "PS",
    "west bank": "PS",
    "georgia country": "GE",
    "cape verde": "CV",
    "northern cyprus": "CY",
    "sao tome and principe": "ST",
    "reunion": "RE",
    "aland islands": "AX",
    "martinique": "MQ",
    "guadeloupe": "GP",
    "french guiana": "GF",
    "congo": "CG",
    "moldavia": "MD",
    "timor leste": "TL",
    "east timor": "TL",
    "bosnia and hercegovina": "BA",
    "surinam": "SR",
    "federated states of micronesia": "FM",
    "madagaskar": "MG",
    "in italy": "IT",
    "grece": "GR",
    "kazakhstah": "KZ",
    "island": "IS",
    "azores": "PT",
    "algarve": "PT",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "taiwan": "TW",
    "vietnam": "VN",
    "laos": "LA",
    "syria": "SY",
    "iran": "IR",
    "the gambia": "GM",
    "gambia": "GM",
    "ivory coast": "CI",
    "democratic republic of the congo": "CD",
    "republic of the congo": "CG",
    "the netherlands": "NL",
    "united states": "US",
    "kosovo": "XK",
    "macau": "MO",
    "hong kong": "HK",
    "vatican city": "VA",
    "north macedonia": "MK",
    "macedonia": "MK",
    "brunei": "BN",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "falkland islands": "FK",
    "american samoa": "AS",
}
COVENANT_CODES = {"UK": "GB", "EL": "GR"}


def country_code(text: str) -> str | None:
    """ISO code for a country as Wikipedia lists it ('England, United Kingdom' -> GB)."""
    names = {fold(c.name): code for code, c in countries().items()}
    parts = [text] + [p for p in (s.strip() for s in text.split(",")) if p]
    for part in parts:
        key = fold(part)
        if key in COUNTRY_ALIASES:
            return COUNTRY_ALIASES[key]
        if key in names:
            return names[key]
    guess = suggest_code(text) if text.strip() else None
    return guess if guess and fold(text) and len(fold(text)) > 3 else None


def split_name(name: str, country: str) -> tuple[str, str]:
    """'Varna, Bulgaria' with no country becomes ('Varna', 'Bulgaria')."""
    if not country and "," in name:
        head, _, tail = name.rpartition(",")
        return head.strip(), tail.strip()
    return name, country


def resolve(gaz: Gazetteer, name: str, code: str, lat: float, lon: float) -> Resolution:
    """Resolve a name; retry without a ', State' or '(note)' suffix."""
    found = gaz.resolve(name, code, lat, lon)
    if found.status != "unresolved":
        return found
    for variant in _variants(name):
        again = gaz.resolve(variant, code, lat, lon)
        if again.status != "unresolved":
            return again
    return found


def _variants(name: str) -> list[str]:
    """Other spellings to try: without a note, a district, an administrative word."""
    cuts = [name.split("(")[0], name.split(",")[0], name.split(" – ")[0]]
    for prefix in ("Comune di ", "Municipality of ", "City of "):
        if name.startswith(prefix):
            cuts.append(name[len(prefix) :])
    for suffix in (" Municipality", " Municipal District"):
        if name.endswith(suffix):
            cuts.append(name[: -len(suffix)])
    cuts.append(f"{name} City")
    return [c.strip() for c in dict.fromkeys(cuts) if c.strip() and c.strip() != name]


def _num(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def clean_twins(src: Path, gaz: Gazetteer) -> tuple[list[dict[str, object]], Counter[str]]:
    stats: Counter[str] = Counter()
    seen: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    places: dict[tuple[str, str, str, str], Resolution] = {}
    rows: list[dict[str, object]] = []
    for raw in csv.DictReader(src.open(encoding="utf-8")):
        stats["rows read"] += 1
        sides = []
        for n in ("1", "2"):
            name, country = split_name(raw[f"city{n}"].strip(), raw[f"country{n}"].strip())
            code = country_code(country)
            lat, lon = _num(raw[f"lat{n}"]), _num(raw[f"lng{n}"])
            sides.append((name, code, lat, lon))
        if any(code is None or not name for name, code, _, _ in sides):
            stats["rows dropped: country not recognised"] += 1
            continue
        pair = tuple(sorted((fold(s[0]), str(s[1])) for s in sides))
        if pair in seen:
            stats["rows dropped: same pair listed twice"] += 1
            continue
        seen.add(pair)  # type: ignore[arg-type]
        row: dict[str, object] = {}
        for letter, (name, code, lat, lon) in zip("ab", sides, strict=True):
            key = (fold(name), str(code), str(lat), str(lon))
            if key not in places:
                places[key] = (
                    resolve(gaz, name, str(code), lat, lon)
                    if lat is not None
                    else gaz.resolve(name, str(code))
                )
                stats[f"places {places[key].status}"] += 1
            found = places[key]
            sure = found.status == "resolved" and found.place is not None
            row.update(
                {
                    f"name_{letter}": name,
                    f"country_{letter}": code,
                    f"geonameid_{letter}": found.place.geonameid if sure else "",
                    f"lat_{letter}": lat if lat is not None else "",
                    f"lon_{letter}": lon if lon is not None else "",
                }
            )
        rows.append(row)
    stats["pairs kept"] = len(rows)
    stats["pairs with both ids"] = sum(1 for r in rows if r["geonameid_a"] and r["geonameid_b"])
    return rows, stats


def _display(name: str) -> str:
    return name.title() if name.isupper() else name


def clean_covenant(src: Path, gaz: Gazetteer) -> tuple[list[dict[str, object]], Counter[str]]:
    stats: Counter[str] = Counter()
    rows: list[dict[str, object]] = []
    for raw in csv.DictReader(src.open(encoding="utf-8")):
        stats["rows read"] += 1
        code = raw["country_code"].upper()
        code = COVENANT_CODES.get(code, code)
        if code not in countries():
            stats["rows dropped: country not recognised"] += 1
            continue
        name = _display(raw["organisation_name"].strip())
        lat, lon = _num(raw["organisation_latitude"]), _num(raw["organisation_longitude"])
        group = "," in name or raw["group_profile"] == "True"
        if group:
            found, stats_key = Resolution("unresolved"), "signatories that are groups of towns"
        else:
            found = (
                resolve(gaz, name, code, lat, lon) if lat is not None else gaz.resolve(name, code)
            )
            stats_key = f"signatories {found.status}"
        stats[stats_key] += 1
        population = raw["population_adhesion"]
        rows.append(
            {
                "name": name,
                "country": code,
                "geonameid": found.place.geonameid
                if found.status == "resolved" and found.place
                else "",
                "population": population if population.isdigit() else "",
                "lat": lat if lat is not None else "",
                "lon": lon if lon is not None else "",
                "group": "yes" if group else "no",
                "commitment_2030": raw["commitment_CoM2030_flag"] == "True",
                "commitment_2050": raw["commitment_CoM2050_flag"] == "True",
                "commitment_adaptation": raw["commitment_mayoradapt_flag"] == "True",
                "status": raw["signatory_status"],
                "joined": raw["date_of_adhesion"],
            }
        )
    return rows, stats


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def write_report(twins: Counter[str], covenant: Counter[str]) -> None:
    figures = {
        "twin_towns": dict(twins),
        "covenant_signatories": dict(covenant),
        "gazetteer": f"GeoNames cities of 500+ inhabitants ({len(gazetteer()):,} places)",
    }
    (OUT / "resolution.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    lines = [
        "# How place names were resolved to GeoNames ids",
        "",
        "Written by `tools/build_ties.py`. A name counts as **resolved** only when it (or an",
        "alternate name) matches a GeoNames place exactly in the same country and the",
        "coordinates lie within 30 km of that place and clearly nearer to it than to any",
        "other of the same name; **ambiguous** when two such places are about as near;",
        "**unresolved** otherwise. Unresolved and ambiguous rows keep their coordinates.",
        "",
    ]
    for title, stats in (
        ("Twin towns (Wikipedia)", twins),
        ("Covenant of Mayors signatories (JRC)", covenant),
    ):
        lines += [f"## {title}", "", "| count | value |", "|---|---:|"]
        lines += [f"| {k} | {v:,} |" for k, v in sorted(stats.items())]
        lines.append("")
    (OUT / "RESOLUTION.md").write_text("\n".join(lines))


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    gaz = gazetteer()
    OUT.mkdir(parents=True, exist_ok=True)
    twin_rows, twin_stats = clean_twins(shared / TWINS, gaz)
    cov_rows, cov_stats = clean_covenant(shared / COVENANT, gaz)
    write_csv(OUT / "twin_towns.csv", twin_rows)
    write_csv(OUT / "covenant_signatories.csv", cov_rows)
    write_report(twin_stats, cov_stats)
    for title, stats in (("twin towns", twin_stats), ("covenant", cov_stats)):
        print(title, dict(stats))


if __name__ == "__main__":
    main()

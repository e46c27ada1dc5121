"""The built wheel works on its own: installed in a fresh virtual environment, run from a
folder outside the source tree, ``advisor validate`` and ``advisor assess`` find the
knowledge, rules and open data the wheel carries (advisor/paths.py), and
``LOOK_WITHIN_DATA`` / ``LOOK_WITHIN_RULES`` still point it at other folders.

One test, about 10 seconds: it builds the wheel with ``pip wheel`` (the same wheel as
``python -m build``, without the extra package) from a copy of the checkout, so build/ and
*.egg-info never land in the working tree. Nothing is downloaded: the build uses the
setuptools pinned in requirements/, the wheel is installed with ``--no-index --no-deps``,
and the project's dependencies come from this interpreter's site-packages through a .pth
file (which names only that folder: the source tree stays off the new sys.path).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("data", "rules", "examples")
"""Repository folders the wheel carries as advisor/_knowledge/<folder>."""

pytestmark = pytest.mark.wheel


def sh(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def checked(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):
    done = sh(*args, cwd=cwd, env=env)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def copy_checkout(dest: Path) -> list[str]:
    """The checkout's files as git sees them (tracked, plus new ones not ignored)."""
    listed = checked(
        "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT
    )
    files = [f for f in listed.stdout.split("\0") if f and (ROOT / f).is_file()]
    for name in files:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return files


def in_wheel(name: str) -> str | None:
    """Where a checkout file must be inside the wheel (None: it is not shipped)."""
    top, _, rest = name.partition("/")
    if top == "advisor" and "__pycache__" not in name:
        return name
    if top in SHIPPED and rest:
        return f"advisor/_knowledge/{top}/{rest}"
    return None


def outside_env(**extra: str) -> dict[str, str]:
    """This environment without Python's path settings or a data or rules folder."""
    dropped = ("LOOK_WITHIN_DATA", "LOOK_WITHIN_RULES")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k not in dropped}
    return env | {"PYTHONNOUSERSITE": "1"} | extra


def test_built_wheel_runs_outside_the_source_tree(tmp_path):
    source, wheels, venv, work = (tmp_path / d for d in ("source", "wheels", "venv", "work"))
    files = copy_checkout(source)
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input")
    checked(
        *pip,
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "--no-cache-dir",
        "-w",
        wheels,
        source,
    )
    (wheel,) = wheels.glob("look_within-*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {shipped for f in files if (shipped := in_wheel(f))}
    missing = sorted(expected - names)
    assert not missing, f"not in the wheel (a package missing in pyproject.toml?): {missing[:5]}"
    assert not {n for n in names if n.split("/")[0] in ("tests", *SHIPPED)}

    checked(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(checked(python, "-c", purelib).stdout.strip())
    ours = sysconfig.get_paths()
    (site / "look_within_test_deps.pth").write_text(
        "\n".join(dict.fromkeys((ours["purelib"], ours["platlib"]))) + "\n"
    )
    checked(*pip, "--python", python, "install", "-q", "--no-index", "--no-deps", wheel)

    work.mkdir()
    shutil.copy(ROOT / "examples" / "hirado.yaml", work / "hirado.yaml")
    env = outside_env()
    where = json.loads(checked(python, "-c", WHERE, cwd=work, env=env).stdout)
    assert Path(where["advisor"]).is_relative_to(site)
    importable_from = [
        p for p in where["sys_path"] if Path(work, p, "advisor", "__init__.py").is_file()
    ]
    assert importable_from == [str(site)], "the source tree is on the venv's sys.path"
    for key in SHIPPED:
        assert Path(where[key]) == site / "advisor" / "_knowledge" / key
    assert all(where["open_data"].values()), where["open_data"]

    advisor = venv / "bin" / "advisor"
    validate = checked(advisor, "validate", cwd=work, env=env)
    assert validate.stdout.startswith("ok: "), validate.stdout
    assess = checked(advisor, "assess", "hirado.yaml", "--format", "json", cwd=work, env=env)
    assert json.loads(assess.stdout)["matches"][0]["id"] == "hirado"
    markdown = checked(advisor, "assess", "hirado.yaml", cwd=work, env=env).stdout
    assert markdown.startswith("# Look Within: advice for Hirado")

    # the environment variables win over the shipped folders
    data = shutil.copytree(where["data"], tmp_path / "my-data")
    (data / "cases" / "hirado.yaml").write_text("id: [\n", encoding="utf-8")
    broken = sh(advisor, "validate", cwd=work, env=outside_env(LOOK_WITHIN_DATA=str(data)))
    assert broken.returncode == 2 and "hirado.yaml" in broken.stderr, broken.stderr
    rules = shutil.copytree(where["rules"], tmp_path / "my-rules")
    (rules / "matching.yaml").write_text("weights: [\n", encoding="utf-8")
    broken = sh(advisor, "validate", cwd=work, env=outside_env(LOOK_WITHIN_RULES=str(rules)))
    assert broken.returncode == 2 and "matching.yaml" in broken.stderr, broken.stderr


WHERE = """
import json, sys
import advisor
from advisor import paths
from advisor.geo.land import LAND_FILE
from advisor.opendata.covenant import COVENANT_CSV
from advisor.opendata.twins import TWINS_CSV
files = {"land": LAND_FILE, "twins": TWINS_CSV, "covenant": COVENANT_CSV,
         "regions": paths.DATA_DIR / "geo" / "admin1.tsv"}
print(json.dumps({
    "advisor": advisor.__file__, "sys_path": sys.path,
    "data": str(paths.DATA_DIR), "rules": str(paths.RULES_DIR),
    "examples": str(paths.EXAMPLES_DIR),
    "open_data": {k: v.is_file() for k, v in files.items()},
}))
"""

"""``advisor validate`` warns about sources read long ago and networks with no eligibility
rule (issue 11, the policy officer's toolkit), without stopping the advisor."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Self

from advisor import cli
from advisor.cli import main
from advisor.knowledge.checks import networks_without_eligibility, stale_sources
from advisor.knowledge.load import default_knowledge

TODAY = dt.date(2026, 12, 1)


def test_a_source_is_stale_only_past_the_chosen_age():
    knowledge = default_knowledge()
    sources = [s for g in knowledge.networks.values() for s in g.sources.values()]
    newest = max(s.accessed[:7] for s in sources)
    year, month = map(int, newest.split("-"))
    months_since_newest = (TODAY.year - year) * 12 + TODAY.month - month
    assert stale_sources(knowledge, TODAY, 1200) == []
    old = stale_sources(knowledge, TODAY, months_since_newest - 1)
    assert any(f.where.startswith("data/networks/") for f in old)
    assert all("over" in f.message for f in old)


def test_a_network_without_a_rule_is_named_with_its_file():
    knowledge = default_knowledge()
    found = {f.where for f in networks_without_eligibility(knowledge)}
    expected = {
        f"data/networks/{i}.yaml" for i, n in knowledge.networks.items() if not n.eligibility
    }
    assert found == expected
    assert "data/networks/cittaslow.yaml" not in found  # it has a population limit


class InThreeYears(dt.date):
    @classmethod
    def today(cls) -> Self:
        return cls.fromordinal(TODAY.replace(year=TODAY.year + 3).toordinal())


def test_validate_prints_warnings_and_fails_only_when_strict(capsys, monkeypatch):
    monkeypatch.setattr(cli, "dt", SimpleNamespace(date=InThreeYears))
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "warnings (the advisor still runs):" in out
    assert "sources." in out and "over 24 months ago" in out
    assert main(["validate", "--strict"]) == 1
    capsys.readouterr()
    assert main(["validate", "--stale-months", "1200", "--strict"]) == (
        1 if networks_without_eligibility(default_knowledge()) else 0
    )


def test_validate_checks_the_score_scale_too(tmp_path, capsys):
    import shutil

    from advisor.paths import RULES_DIR

    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    scale = rules / "score_scale.yaml"
    scale.write_text(
        scale.read_text(encoding="utf-8").replace("at_least: 0.0", "at_least: 0.1"),
        encoding="utf-8",
    )
    assert main(["validate", "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert "score_scale.yaml" in err and "at_least: 0" in err

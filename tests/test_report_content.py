"""The report's shared content: every section, chosen questions, the whole record, sources."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import pytest
import yaml

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.i18n import catalog
from advisor.knowledge.load import default_knowledge
from advisor.knowledge.models import Action, Fees
from advisor.model.result import PlanItem
from advisor.opendata.bundle import open_data
from advisor.report import FORMATS, render, report_filename
from advisor.report.content import SECTIONS, build_document
from advisor.report.document import Bullets, Document, Facts, Links, MapChart, Table
from advisor.report.document import Paragraph as Para
from advisor.report.sections.appendix import field_paths
from advisor.report.sections.questions import workshop_questions
from advisor.report.sections.sources import all_sources, unique_sources

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 11, 28)


def example(name: str, **changes):
    data = yaml.safe_load((ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = {**data.get(key, {}), **value}
    return parse_answers(yaml.safe_dump(data, allow_unicode=True), f"{name}.yaml")


@pytest.fixture(scope="module")
def hirado():
    a = load_answers(ROOT / "examples" / "hirado.yaml")
    return a, assess(a, open_data=open_data())


def texts(doc: Document) -> str:
    """Every string in the document, for "is it mentioned anywhere" checks."""
    out = [doc.title, doc.cover.subtitle, *(f.value for f in doc.cover.facts)]
    for section in doc.sections:
        out.append(section.title)
        for block in section.blocks:
            out += _block_texts(block)
    return "\n".join(out)


def _block_texts(block) -> list[str]:
    if isinstance(block, Para):
        return [block.text]
    if isinstance(block, Bullets):
        return [block.title, *block.items]
    if isinstance(block, Facts):
        return [f"{f.label}: {f.value}" for f in block.items]
    if isinstance(block, Table):
        return [*block.columns, *(cell for row in block.rows for cell in row)]
    if isinstance(block, Links):
        return [block.title, *(f"{x.text} {x.url or ''}" for x in block.items)]
    return [getattr(block, "text", getattr(block, "title", ""))]


def section(doc: Document, key: str):
    return next(s for s in doc.sections if s.key == key)


def test_sections_come_in_the_agreed_order(hirado):
    doc = build_document(*hirado, today=DAY)
    assert [s.key for s in doc.sections] == [key for key, _ in SECTIONS]
    assert [s.key for s in doc.sections] == [
        "summary",
        "special",
        "cases",
        "networks",
        "not_fit",
        "partners",
        "plan",
        "questions",
        "appendix",
        "sources",
    ]
    assert all(s.blocks for s in doc.sections)


def test_cover_carries_town_date_and_versions(hirado):
    a, r = hirado
    doc = build_document(a, r, today=DAY)
    values = {f.label: f.value for f in doc.cover.facts}
    assert doc.town == "Hirado" and "Hirado" in doc.cover.subtitle
    assert values["Report date"] == "28 November 2026"
    assert values["Knowledge base version"] == r.meta.data_version
    assert values["Rules version"] == r.meta.rules_version
    assert values["Inhabitants"] == "29,000"


def test_summary_lists_the_first_three_steps_in_plan_order(hirado):
    a, r = hirado
    summary = section(build_document(a, r, today=DAY), "summary")
    steps = next(b for b in summary.blocks if isinstance(b, Bullets) and b.numbered)
    first = [s.title for s in r.plan if s.horizon == "first_3_months"][:3]
    assert len(steps.items) == 3
    assert all(item.startswith(title) for item, title in zip(steps.items, first, strict=True))
    picks = next(b for b in summary.blocks if isinstance(b, Facts))
    joined = " ".join(f.value for f in picks.items)
    assert r.networks[0].name in joined and r.partners[0].name in joined


def test_special_section_reads_back_the_inventory_with_labels(hirado):
    a, r = hirado
    text = "\n".join(_flatten(section(build_document(a, r), "special")))
    assert "Trading-port heritage" in text and "trade_port_heritage" not in text
    assert "Noordwijk" in text and "Tainan" in text
    assert "Hirado Dutch Trading Post (reconstructed warehouse)" in text
    assert "UNESCO World Heritage site" in text and "Mayors for Peace" in text


def _flatten(sec) -> list[str]:
    return [text for block in sec.blocks for text in _block_texts(block)]


def test_cases_show_what_each_case_did(hirado):
    a, r = hirado
    text = "\n".join(_flatten(section(build_document(a, r), "cases")))
    for match in r.matches:
        assert match.name in text
        assert match.actions[0].text.split()[0] in text


def test_every_recommended_network_has_fit_fees_link_and_how_to_join(hirado):
    a, r = hirado
    text = "\n".join(_flatten(section(build_document(a, r), "networks")))
    for net in r.networks:
        assert net.name in text and net.url in text
        assert all(step.split()[0] in text for step in net.how_to_join)
    assert "Fit: strong (80%)" in text


def test_not_fit_section_gives_each_reason(hirado):
    a, r = hirado
    table = next(b for b in section(build_document(a, r), "not_fit").blocks if isinstance(b, Table))
    assert {row[0] for row in table.rows} == {n.name for n in r.not_eligible}
    c40 = next(row for row in table.rows if row[0].startswith("C40"))
    assert "3,000,000" in c40[1]


def test_partner_map_marks_the_town_and_partners_with_coordinates(hirado):
    a, r = hirado
    chart = next(
        b for b in section(build_document(a, r), "partners").blocks if isinstance(b, MapChart)
    )
    kinds = [p.kind for p in chart.points]
    assert kinds[0] == "town" and chart.points[0].lat == pytest.approx(33.368)
    assert len(kinds) - 1 == sum(1 for p in r.partners if p.lat is not None)


def test_plan_table_has_horizon_step_who_effort_and_cost(hirado):
    a, r = hirado
    table = next(b for b in section(build_document(a, r), "plan").blocks if isinstance(b, Table))
    assert table.columns == ("When", "Step", "Who", "Effort", "Cost")
    assert len(table.rows) == len(r.plan)
    assert table.rows[0][0] == "First 3 months" and table.rows[0][4] == "no budget"


def test_dormant_tie_question_only_when_a_tie_is_dormant():
    active = example("hirado")
    asked = workshop_questions(active, assess(active), default_knowledge())
    assert not any("dormant" in q for q in asked)
    sleepy = example(
        "hirado",
        ties={"sister_towns": [{"place": "Noordwijk", "country": "NL", "status": "dormant"}]},
    )
    asked = workshop_questions(sleepy, assess(sleepy), default_knowledge())
    assert any("dormant" in q and "Noordwijk" in q for q in asked)


def test_questions_follow_budget_and_constraints():
    vaux = example("vaux_sur_aure")
    asked = workshop_questions(vaux, assess(vaux), default_knowledge())
    assert any("cost nothing" in q for q in asked)
    assert any("limits" in q and "no budget" in q.lower() for q in asked)
    nagasaki = example("nagasaki")
    asked = workshop_questions(nagasaki, assess(nagasaki), default_knowledge())
    assert not any("cost nothing" in q for q in asked)
    assert not any("written mandate" in q for q in asked)


def test_appendix_labels_every_field_of_the_assessment():
    english = catalog("en")
    missing = [p for p in field_paths() if f"report.answer.{p}" not in english]
    assert not missing
    assert "report.answer.history.connections.description" in english


def test_appendix_shows_every_answer_human_readable(hirado):
    a, r = hirado
    text = "\n".join(_flatten(section(build_document(a, r), "appendix")))
    for expected in (
        "Nagasaki Prefecture",
        "29,000",
        "33.3680",
        "one or more full-time staff",
        "EUR 10,000-50,000 a year",
        "Hirado-Noordwijk Foundation",
        "Portugal",
        "heritage and tourism",
        "Dutch trading post; football and school exchanges since 2001",
        "zheng",
    ):
        assert expected.lower() in text.lower(), expected
    assert "full_time" not in text and "10k_to_50k" not in text


def test_sources_list_every_cited_address_once(hirado):
    a, r = hirado
    doc = build_document(a, r)
    cited = next(b for b in section(doc, "sources").blocks if isinstance(b, Links))
    urls = [x.url for x in cited.items if x.url]
    assert len(urls) == len(set(urls))
    assert {s.url for s in all_sources(r) if s.url} == set(urls)
    assert len(unique_sources(r)) == len(cited.items)


def test_attributions_name_each_data_set_and_licence(hirado):
    text = "\n".join(_flatten(section(build_document(*hirado), "sources")))
    for needle in (
        "GeoNames",
        "CC BY 4.0",
        "Hekman/twincities",
        "CC BY-SA 4.0",
        "MyCovenant 2024",
        "Look Within knowledge base",
        "Clausen",
        "CPD Blog",
    ):
        assert needle in text, needle


def test_dynamic_catalog_families_are_complete():
    english = catalog("en")
    families = {
        "report.action": typing.get_args(Action.model_fields["kind"].annotation),
        "report.fee_band": typing.get_args(Fees.model_fields["band"].annotation),
        "report.mode": ("open", "call", "invitation", "via_national"),
        "report.partners.kind": ("new", "revive"),
        "report.tie_status": ("active", "dormant"),
        "report.month": tuple(str(m) for m in range(1, 13)),
        "horizon": typing.get_args(PlanItem.model_fields["horizon"].annotation),
        "effort": ("low", "medium", "high"),
    }
    for prefix, values in families.items():
        assert values, prefix
        for value in values:
            assert f"{prefix}.{value}" in english, f"{prefix}.{value}"


def test_report_keys_live_in_their_own_file():
    english = catalog("en")
    own = yaml.safe_load((ROOT / "advisor/i18n/en/report.yaml").read_text(encoding="utf-8"))
    assert own and all(key.startswith("report.") for key in own)
    assert all(key in english for key in own)


def test_every_format_is_registered_and_renders_bytes(hirado):
    a, r = hirado
    assert list(FORMATS) == ["pdf", "docx", "html", "md"]
    data = render("md", a, r, today=DAY)
    assert data.startswith(b"# Look Within")
    with pytest.raises(ValueError, match="unknown report format"):
        render("odt", a, r)


def test_download_names_are_safe():
    assert (
        report_filename("pdf", "Vaux-sur-Aure", DAY) == "look-within-vaux-sur-aure-2026-11-28.pdf"
    )
    assert report_filename("docx", "平戸市", DAY) == "look-within-平戸市-2026-11-28.docx"
    name = report_filename("html", "../<script>alert(1)</script>", DAY)
    assert "/" not in name and "<" not in name and name.endswith(".html")


def test_the_answers_file_and_the_report_name_the_town_alike(monkeypatch):
    """One slug for every download: accents and kana voicing marks are kept (folding, which
    is for matching, drops them: 'つくば' would become 'つくは')."""
    from advisor.model.assessment import Assessment, Municipality
    from advisor.report import slug
    from advisor.ui import saveload

    assert slug("Évian-les-Bains") == "évian-les-bains"
    assert slug("つくば市") == "つくば市"
    assert slug("") == slug(" - ") == "town"
    town = Assessment(municipality=Municipality(name="Évian-les-Bains"))
    monkeypatch.setattr(saveload.state, "answers", lambda: town)
    assert saveload.file_name() == "évian-les-bains-look-within-answers.yaml"
    report = report_filename("md", "Évian-les-Bains", DAY)
    assert report == "look-within-évian-les-bains-2026-11-28.md"


def test_a_town_without_coordinates_or_partners_still_gets_every_section():
    bare = parse_answers(
        "schema_version: 1\nmunicipality: {name: Smallville, country: FR, population: 350}\n",
        "bare.yaml",
    )
    doc = build_document(bare, assess(bare), today=DAY)
    assert len(doc.sections) == len(SECTIONS)
    assert "Smallville" in texts(doc)

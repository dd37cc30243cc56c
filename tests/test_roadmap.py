"""The roadmap: items, promoting proposals, the table, yearly reports, monitoring, index."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from masterplan.models import (
    EvaluationYear,
    FundingSource,
    RoadmapItem,
    RoadmapRealisation,
    Worksheet,
)
from masterplan.roadmap import services as roadmap

from .factories_inputs import EntryFactory, InputWindowFactory, WorksheetFactory
from .factories_roadmap import RealisationFactory, RoadmapItemFactory

Status = RoadmapItem.Status


@pytest.fixture
def window(programme):
    return InputWindowFactory(programme=programme)


def accepted(window, opd, **fields):
    worksheet = Worksheet.objects.filter(window=window, opd=opd).first() or WorksheetFactory(
        window=window, opd=opd, state=Worksheet.State.ACCEPTED
    )
    return EntryFactory(worksheet=worksheet, **fields)


# Items


@pytest.mark.parametrize(
    ("end", "horizon"), [(2027, "short"), (2031, "medium"), (2032, "long"), (2036, "long")]
)
def test_horizon_follows_from_the_years(end, horizon):
    assert roadmap.horizon(2027, end) == horizon


def test_delayed_item_needs_reason_and_solution(programme, opd):
    item = RoadmapItemFactory.build(programme=programme, lead_opd=opd, status=Status.DELAYED)
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert set(error.value.message_dict) == {"status_reason", "status_solution"}
    item.status_reason = "Peraturan menteri baru menunda pengadaan"
    item.status_solution = "Diajukan ulang pada APBD perubahan"
    item.clean()


def test_years_must_lie_in_the_period(programme, opd):
    item = RoadmapItemFactory.build(programme=programme, lead_opd=opd, start_year=2026)
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "start_year" in error.value.message_dict


# From proposals to the roadmap


def test_promote_merges_near_duplicates_with_one_lead(programme, window, opd, other_opd):
    source = FundingSource.objects.get_or_create(code="apbd", defaults={"name": "APBD"})[0]
    first = accepted(
        window, opd, title="Perizinan daring", yearly_targets={"2027": "30%", "2028": "50%"}
    )
    second = accepted(
        window,
        other_opd,
        title="Izin online",
        yearly_targets={"2029": "70%"},
        yearly_budgets={"2029": 5_000},
        funding_source=source,
    )
    [item] = roadmap.promote_all(programme, [([first, second], other_opd)])
    assert item.lead_opd == other_opd
    assert list(item.supporting_opds.all()) == [opd]
    assert item.title == "Izin online"
    assert set(item.proposals.all()) == {first, second}
    assert (item.start_year, item.end_year) == (2027, 2029)
    assert item.yearly_targets == {"2029": "70%", "2027": "30%", "2028": "50%"}
    assert item.funding_source == source
    assert roadmap.accepted_proposals(programme).count() == 0


def test_only_accepted_proposals_can_be_promoted(programme, window, opd, other_opd):
    draft = WorksheetFactory(window=window, opd=other_opd, state=Worksheet.State.SUBMITTED)
    EntryFactory(worksheet=draft)
    taken = accepted(window, opd)
    assert list(roadmap.accepted_proposals(programme)) == [taken]


def test_a_proposal_is_promoted_once(programme, window, opd):
    proposal = accepted(window, opd)
    roadmap.promote_all(programme, [([proposal], None)])
    with pytest.raises(ValueError):
        roadmap.promote_all(programme, [([proposal], None)])


def test_secretariat_promotes_in_one_step(login, secretariat, programme, window, opd, other_opd):
    a = accepted(window, opd, title="Perizinan daring")
    b = accepted(window, other_opd, title="Izin online")
    c = accepted(window, opd, title="Satu data")
    client = login(secretariat)
    response = client.post(
        reverse("masterplan:roadmap:promote"),
        {
            f"take-{a.pk}": "1",
            f"take-{b.pk}": "1",
            f"take-{c.pk}": "1",
            f"group-{a.pk}": "izin",
            f"group-{b.pk}": "izin",
            f"lead-{a.pk}": "1",
        },
        follow=True,
    )
    assert "2 item roadmap dibuat dari 3 usulan" in response.content.decode()
    merged = RoadmapItem.objects.get(proposals=a)
    assert merged.lead_opd == opd and list(merged.supporting_opds.all()) == [other_opd]
    assert RoadmapItem.objects.get(proposals=c).supporting_opds.count() == 0


@pytest.mark.parametrize("role", ["mentor", "representative", "regional_head"])
def test_only_the_secretariat_promotes(request, login, role, programme, window, opd):
    proposal = accepted(window, opd)
    client = login(request.getfixturevalue(role))
    response = client.post(reverse("masterplan:roadmap:promote"), {f"take-{proposal.pk}": "1"})
    assert response.status_code == 403
    assert not RoadmapItem.objects.exists()


# Table, exports, timeline


def test_table_filters_and_csv(login, secretariat, programme, opd, other_opd):
    RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu data", status=Status.RUNNING)
    RoadmapItemFactory(programme=programme, lead_opd=other_opd, title="Puskesmas daring")
    client = login(secretariat)
    page = client.get(reverse("masterplan:roadmap:list"), {"opd": opd.pk}).content.decode()
    assert "Satu data" in page and "Puskesmas daring" not in page
    assert "<svg" in page  # the timeline
    page = client.get(reverse("masterplan:roadmap:list"), {"status": "planned"}).content.decode()
    assert "Satu data" not in page and "Puskesmas daring" in page
    response = client.get(reverse("masterplan:roadmap:list"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "Satu data" in text and "Puskesmas daring" in text and "100000000" in text
    response = client.get(reverse("masterplan:roadmap:list"), {"export": "xlsx", "opd": opd.pk})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 2 and sheet["C2"].value == "Satu data"


def test_an_opd_sees_only_the_items_it_leads(login, representative, programme, opd, other_opd):
    RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu data")
    RoadmapItemFactory(programme=programme, lead_opd=other_opd, title="Puskesmas daring")
    page = login(representative).get(reverse("masterplan:roadmap:list")).content.decode()
    assert "Satu data" in page and "Puskesmas daring" not in page


def test_budget_per_year_and_source(programme, opd):
    source = FundingSource.objects.get_or_create(code="apbd", defaults={"name": "APBD"})[0]
    items = [
        RoadmapItemFactory(programme=programme, lead_opd=opd, funding_source=source),
        RoadmapItemFactory(programme=programme, lead_opd=opd),
    ]
    table = roadmap.budget_table(items, [2027, 2028])
    assert table["totals"] == [200_000_000, 100_000_000]
    assert ("APBD", [100_000_000, 50_000_000], 150_000_000) in table["rows"]


def test_timeline_block_renders_in_books(programme, opd):
    from masterplan.books.blocks import render_blocks

    RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu data")
    html = render_blocks('<div data-block="roadmap-timeline"></div>', programme)
    assert "<svg" in html and "Satu data" in html and "<script" not in html
    html = render_blocks('<div data-block="roadmap" data-dimension="governance"></div>', programme)
    assert "Satu data" in html


# Yearly monitoring


def _report_data(item, **fields):
    prefix = f"item-{item.pk}-"
    return {prefix + key: value for key, value in fields.items()}


def test_opd_reports_a_missed_target(login, representative, secretariat, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, status=Status.RUNNING)
    client = login(representative)
    url = reverse("masterplan:roadmap:report") + "?year=2027"
    page = client.post(url, _report_data(item, realisation="25%", spent="80000000"))
    assert "Sebutkan mengapa target tidak tercapai." in page.content.decode()
    assert "25%" in page.content.decode()  # nothing typed is lost
    client.post(
        url,
        _report_data(
            item, realisation="25%", spent="80000000", reason="Server terlambat", solution="Sewa"
        ),
    )
    realisation = RoadmapRealisation.objects.get(item=item, year=2027)
    assert not realisation.target_met and realisation.reported_by == representative
    client = login(secretariat)
    page = client.get(reverse("masterplan:roadmap:monitoring"), {"year": 2027}).content.decode()
    assert "1 dari 1" in page and "Server terlambat" in page


def test_report_page_lists_only_own_items(login, representative, programme, opd, other_opd):
    RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu data")
    RoadmapItemFactory(programme=programme, lead_opd=other_opd, title="Puskesmas daring")
    page = login(representative).get(reverse("masterplan:roadmap:report")).content.decode()
    assert "Satu data" in page and "Puskesmas daring" not in page


def test_another_opds_item_cannot_be_reported(login, representative, programme, other_opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=other_opd)
    response = login(representative).post(
        reverse("masterplan:roadmap:report_item", args=[item.pk]) + "?year=2027",
        {"report-realisation": "99%", "report-target_met": "on"},
    )
    assert response.status_code == 404
    assert not RoadmapRealisation.objects.exists()


def test_own_item_reported_by_id(login, representative, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    login(representative).post(
        reverse("masterplan:roadmap:report_item", args=[item.pk]) + "?year=2028",
        {"report-realisation": "60%", "report-target_met": "on"},
    )
    assert RoadmapRealisation.objects.get(item=item).year == 2028


@pytest.mark.parametrize("role", ["secretariat", "mentor"])
def test_readers_do_not_report(request, login, role, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    client = login(request.getfixturevalue(role))
    assert client.get(reverse("masterplan:roadmap:report")).status_code == 403
    response = client.post(
        reverse("masterplan:roadmap:report_item", args=[item.pk]),
        {"report-realisation": "60%", "report-target_met": "on"},
    )
    assert response.status_code == 403


def test_monitoring_counts_and_opds_not_reported(programme, opd, other_opd):
    running = RoadmapItemFactory(programme=programme, lead_opd=opd, status=Status.RUNNING)
    RoadmapItemFactory(programme=programme, lead_opd=opd, status=Status.PLANNED)
    RoadmapItemFactory(programme=programme, lead_opd=other_opd, status=Status.RUNNING)
    RoadmapItemFactory(programme=programme, lead_opd=opd, status=Status.CANCELLED)
    RoadmapItemFactory(programme=programme, lead_opd=opd, start_year=2030, end_year=2031)
    RealisationFactory(item=running, year=2027, target_met=False, reason="Hujan", solution="Lembur")
    [row] = roadmap.dimension_progress(programme, 2027)
    assert (row.running, row.total) == (2, 3)
    assert [r.reason for r in row.missed] == ["Hujan"]
    assert set(roadmap.opds_not_reported(programme, 2027)) == {opd, other_opd}


def test_monitoring_refused_to_opds(login, representative, programme):
    assert login(representative).get(reverse("masterplan:roadmap:monitoring")).status_code == 403


# Evaluation index


def test_index_is_the_weighted_score():
    weights = {"baseline": 10, "output": 30, "outcome": 30, "impact": 20, "quick_win": 10}
    scores = {"baseline": 80, "output": 70, "outcome": 60, "impact": 50, "quick_win": 90}
    assert roadmap.evaluation_index(weights, scores) == Decimal("66.00")


def test_index_ignores_parts_not_scored_and_is_empty_without_scores():
    weights = {"baseline": 50, "output": 50}
    assert roadmap.evaluation_index(weights, {"baseline": 80, "output": None}) == Decimal("80.00")
    assert roadmap.evaluation_index(weights, {"baseline": None, "output": None}) is None


def test_secretariat_enters_weights_and_scores(login, secretariat, mentor, programme):
    data = {"year": 2027, "baseline_weight": 20, "output_weight": 20, "outcome_weight": 20}
    data |= {"impact_weight": 20, "quick_win_weight": 10}
    data |= {f"{part}_score": 70 for part in EvaluationYear.PARTS}
    url = reverse("masterplan:roadmap:evaluation")
    page = login(secretariat).post(url, data).content.decode()
    assert "100%" in page and not EvaluationYear.objects.exists()
    data["quick_win_weight"] = 20
    page = login(secretariat).post(url, data, follow=True).content.decode()
    assert EvaluationYear.objects.get().index == Decimal("70.00")
    assert "70,00" in page
    assert login(mentor).post(url, data).status_code == 403
    assert login(mentor).get(url).status_code == 200


def test_table_queries_do_not_grow_with_items(
    login, secretariat, programme, opd, other_opd, django_assert_max_num_queries
):
    client = login(secretariat)
    for _ in range(3):
        RoadmapItemFactory(programme=programme, lead_opd=opd)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("masterplan:roadmap:list"))
    for _ in range(20):
        item = RoadmapItemFactory(programme=programme, lead_opd=other_opd)
        item.supporting_opds.add(opd)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("masterplan:roadmap:list")).content.decode()
    assert "23 item" in page

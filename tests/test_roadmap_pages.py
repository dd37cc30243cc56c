"""A roadmap item's page, its yearly plan, the link to its quick wins, and the home to-do."""

import re

import pytest
from django.urls import reverse

from masterplan.models import QuickWinOrigin, RoadmapItem, RoadmapRealisation
from masterplan.roadmap import services as roadmap
from quickwins.models import QuickWin

from .factories_quickwins import QuickWinFactory, public_service
from .factories_roadmap import RealisationFactory, RoadmapItemFactory


def _item_data(item, **changes):
    data = {
        "title": item.title,
        "dimension": item.dimension_id,
        "element": "",
        "lead_opd": item.lead_opd_id,
        "start_year": item.start_year,
        "end_year": item.end_year,
        "indicator": item.indicator,
        "status": item.status,
        "loaded": item.updated_at.isoformat(),
    }
    data.update(changes)
    return data


# The item's page


def test_lead_opd_sees_its_item_with_plan_and_a_report_form(login, representative, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu Data")
    RealisationFactory(item=item, year=2027, realisation="42%", target_met=True)
    page = login(representative).get(reverse("masterplan:roadmap:item", args=[item.pk]))
    html = page.content.decode()
    assert "Satu Data" in html and "42%" in html and "Target tercapai" in html
    assert "60%" in html  # the 2028 target
    assert 'name="report-realisation"' in html


def test_another_opds_item_page_is_not_found(login, representative, programme, other_opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=other_opd)
    response = login(representative).get(reverse("masterplan:roadmap:item", args=[item.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["mentor", "regional_head"])
def test_readers_see_the_item_without_a_report_form(request, login, role, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu Data")
    html = login(request.getfixturevalue(role)).get(
        reverse("masterplan:roadmap:item", args=[item.pk])
    )
    assert "Satu Data" in html.content.decode()
    assert "report-realisation" not in html.content.decode()


def test_a_missed_target_without_reason_keeps_what_was_typed(login, representative, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    url = reverse("masterplan:roadmap:report_item", args=[item.pk]) + "?year=2028"
    response = login(representative).post(url, {"report-realisation": "Baru 35 persen"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sebutkan mengapa target tidak tercapai." in html and "Baru 35 persen" in html
    assert not RoadmapRealisation.objects.exists()

    response = login(representative).post(
        url,
        {"report-realisation": "35%", "report-reason": "Hujan", "report-solution": "Lembur"},
    )
    assert response.url == reverse("masterplan:roadmap:item", args=[item.pk]) + "?year=2028"
    assert RoadmapRealisation.objects.get(item=item, year=2028).reason == "Hujan"


def test_a_year_outside_the_item_is_refused(login, representative, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)  # 2027-2029
    url = reverse("masterplan:roadmap:report_item", args=[item.pk]) + "?year=2033"
    response = login(representative).post(
        url, {"report-realisation": "1", "report-target_met": "on"}
    )
    assert response.status_code == 404


# Editing an item's yearly targets and budgets


def test_secretariat_edits_targets_and_budgets_per_year(login, secretariat, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    data = _item_data(
        item, target_2027="45%", budget_2027="120000000", target_2028="", budget_2028=""
    )
    response = login(secretariat).post(reverse("masterplan:roadmap:edit", args=[item.pk]), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.yearly_targets == {"2027": "45%"}
    assert item.yearly_budgets == {"2027": 120_000_000}


def test_a_target_outside_the_items_years_is_refused_and_kept(login, secretariat, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    data = _item_data(item, target_2027="45%", target_2031="Tahun di luar rentang")
    response = login(secretariat).post(reverse("masterplan:roadmap:edit", args=[item.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "2031 di luar tahun program 2027–2029." in html
    assert "Tahun di luar rentang" in html and "45%" in html
    item.refresh_from_db()
    assert item.yearly_targets["2027"] == "40%"


def test_secretariat_adds_an_item_without_a_proposal(login, secretariat, programme, opd):
    from .factories_inputs import governance

    data = {
        "title": "Program Bupati: Tuban Bersinar",
        "dimension": governance().pk,
        "lead_opd": opd.pk,
        "start_year": 2028,
        "end_year": 2030,
        "status": "planned",
        "target_2029": "10 desa",
        "budget_2029": "5000000",
    }
    response = login(secretariat).post(reverse("masterplan:roadmap:create"), data)
    item = RoadmapItem.objects.get(title="Program Bupati: Tuban Bersinar")
    assert response.url == reverse("masterplan:roadmap:item", args=[item.pk])
    assert item.programme == programme and item.yearly_budgets == {"2029": 5_000_000}


def test_a_save_from_a_stale_page_is_refused_and_keeps_the_text(login, secretariat, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu Data")
    stale = _item_data(item, title="Satu Data Tuban", target_2027="50%")
    item.title = "Satu Data Kabupaten"  # a colleague saves first
    item.save()
    client = login(secretariat)
    url = reverse("masterplan:roadmap:edit", args=[item.pk])
    response = client.post(url, stale)
    html = response.content.decode()
    assert response.status_code == 200 and "setelah Anda membukanya" in html
    assert 'value="Satu Data Tuban"' in html and 'value="50%"' in html
    item.refresh_from_db()
    assert item.title == "Satu Data Kabupaten"
    version = re.search(r'name="loaded" value="([^"]+)"', html).group(1)
    client.post(url, {**stale, "loaded": version})  # saving again keeps theirs
    item.refresh_from_db()
    assert item.title == "Satu Data Tuban" and item.yearly_targets["2027"] == "50%"


@pytest.mark.parametrize("role", ["representative", "opd_head", "mentor"])
def test_only_the_secretariat_edits_or_adds_items(request, login, role, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    client = login(request.getfixturevalue(role))
    assert client.get(reverse("masterplan:roadmap:create")).status_code == 403
    response = client.post(
        reverse("masterplan:roadmap:edit", args=[item.pk]), _item_data(item, title="Diubah")
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title != "Diubah"


# Quick wins and where they came from


def _quick_win_data(element, opd, **changes):
    data = {
        "year": 2027,
        "title": "Antrean Puskesmas Daring",
        "dimension": element.dimension_id,
        "element": element.pk,
        "lead_opd": opd.pk,
        "problem": "Antre lama",
        "solution": "Antrean daring",
        "beneficiaries": "Pasien",
        "start_date": "2027-01-01",
        "target_date": "2027-10-31",
        "status": "planned",
    }
    data.update(changes)
    return data


def test_a_quick_win_made_from_an_item_links_both_ways(
    login, secretariat, representative, programme, opd
):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, title="Layanan Kesehatan Digital")
    client = login(secretariat)
    form = client.get(reverse("masterplan:roadmap:quick_win", args=[item.pk])).content.decode()
    assert 'value="Layanan Kesehatan Digital"' in form  # filled in from the item
    element = public_service()
    response = client.post(
        reverse("masterplan:roadmap:quick_win", args=[item.pk]), _quick_win_data(element, opd)
    )
    quick_win = QuickWin.objects.get(title="Antrean Puskesmas Daring")
    assert response.url == reverse("quickwins:detail", args=[quick_win.pk])
    assert quick_win.origin.roadmap_item == item

    page = login(representative).get(response.url).content.decode()
    item_url = reverse("masterplan:roadmap:item", args=[item.pk])
    assert f'href="{item_url}">Roadmap: Layanan Kesehatan Digital' in page
    page = login(representative).get(item_url).content.decode()
    assert "Antrean Puskesmas Daring" in page


def test_an_invalid_quick_win_from_an_item_keeps_what_was_typed(login, secretariat, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    data = _quick_win_data(public_service(), opd, target_date="2028-06-30")
    response = login(secretariat).post(
        reverse("masterplan:roadmap:quick_win", args=[item.pk]), data
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "dalam 12 bulan" in html and "Antrean Puskesmas Daring" in html
    assert not QuickWin.objects.exists()


def test_secretariat_links_a_quick_win_to_a_proposal(login, secretariat, programme, opd):
    from .factories_inputs import InputWindowFactory
    from .test_roadmap import accepted

    proposal = accepted(
        InputWindowFactory(programme=programme),
        opd,
        title="Antrean daring",
        quick_win_candidate=True,
    )
    quick_win = QuickWinFactory(programme=programme, lead_opd=opd)
    url = reverse("masterplan:roadmap:quick_win_origin", args=[quick_win.pk])
    client = login(secretariat)
    assert "Pilih item roadmap atau usulan." in client.post(url, {}).content.decode()
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    both = client.post(url, {"roadmap_item": item.pk, "proposal": proposal.pk})
    assert "bukan keduanya" in both.content.decode()
    client.post(url, {"proposal": proposal.pk})
    assert QuickWinOrigin.objects.get(quick_win=quick_win).proposal == proposal
    page = client.get(reverse("quickwins:detail", args=[quick_win.pk])).content.decode()
    assert "Usulan: Antrean daring (Badan Perencanaan Pembangunan Daerah" in page
    client.post(url, {"clear": "1"})
    assert not QuickWinOrigin.objects.exists()


def test_origin_of_another_opd_is_named_but_not_linked(
    login, representative, programme, opd, other_opd
):
    item = RoadmapItemFactory(programme=programme, lead_opd=other_opd, title="Program Dinkes")
    quick_win = QuickWinFactory(programme=programme, lead_opd=other_opd, published=True)
    QuickWinOrigin.objects.create(quick_win=quick_win, roadmap_item=item)
    page = login(representative).get(reverse("quickwins:detail", args=[quick_win.pk]))
    html = page.content.decode()
    assert "Roadmap: Program Dinkes" in html
    assert reverse("masterplan:roadmap:item", args=[item.pk]) not in html


@pytest.mark.parametrize("role", ["representative", "mentor"])
def test_only_the_secretariat_links_quick_wins(request, login, role, programme, opd):
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    quick_win = QuickWinFactory(programme=programme, lead_opd=opd)
    client = login(request.getfixturevalue(role))
    url = reverse("masterplan:roadmap:quick_win_origin", args=[quick_win.pk])
    assert client.post(url, {"roadmap_item": item.pk}).status_code == 403
    assert client.get(reverse("masterplan:roadmap:quick_win", args=[item.pk])).status_code == 403
    assert not QuickWinOrigin.objects.exists()


# The home page


@pytest.fixture
def running_programme(programme):
    """A programme whose masterplan period has begun (this year is its second)."""
    from django.utils import timezone

    programme.period_start = timezone.localdate().year - 1
    programme.period_end = programme.period_start + 9
    programme.save()
    return programme


def test_home_asks_the_opd_for_its_yearly_report(
    login, representative, running_programme, opd, other_opd
):
    programme = running_programme
    year = roadmap.report_year(programme)
    first, second = (
        RoadmapItemFactory(programme=programme, lead_opd=opd, start_year=year, end_year=year)
        for _ in range(2)
    )
    RoadmapItemFactory(programme=programme, lead_opd=other_opd, start_year=year, end_year=year)
    RealisationFactory(item=first, year=year)
    html = login(representative).get(reverse("masterplan:home")).content.decode()
    assert f"Laporan roadmap {year}" in html
    assert "1 dari 2 item roadmap OPD Anda belum dilaporkan tahun ini." in html
    assert reverse("masterplan:roadmap:report") + f"?year={year}" in html
    RealisationFactory(item=second, year=year)
    html = login(representative).get(reverse("masterplan:home")).content.decode()
    assert "Semua item roadmap OPD Anda (2) sudah dilaporkan tahun ini." in html


def test_home_shows_the_secretariat_who_has_not_reported(
    login, secretariat, running_programme, opd
):
    year = roadmap.report_year(running_programme)
    RoadmapItemFactory(programme=running_programme, lead_opd=opd, start_year=year, end_year=year)
    html = login(secretariat).get(reverse("masterplan:home")).content.decode()
    assert "1 OPD belum melapor:" in html and "Bappeda" in html


def test_no_report_is_asked_before_the_period_begins(login, representative, programme, opd):
    from django.utils import timezone

    programme.period_start = timezone.localdate().year + 1
    programme.period_end = programme.period_start + 9
    programme.save()
    start = programme.period_start
    RoadmapItemFactory(programme=programme, lead_opd=opd, start_year=start, end_year=start)
    html = login(representative).get(reverse("masterplan:home")).content.decode()
    assert "Laporan roadmap" not in html


def test_home_without_roadmap_items_shows_no_report_block(login, representative, programme):
    html = login(representative).get(reverse("masterplan:home")).content.decode()
    assert "Laporan roadmap" not in html


def test_the_item_page_opens_on_this_years_report(login, representative, running_programme, opd):
    programme = running_programme
    year = roadmap.report_year(programme)
    item = RoadmapItemFactory(
        programme=programme, lead_opd=opd, start_year=year - 1, end_year=year + 1
    )
    RealisationFactory(item=item, year=year - 1, realisation="Laporan tahun lalu")
    html = login(representative).get(reverse("masterplan:roadmap:item", args=[item.pk]))
    html = html.content.decode()
    assert f"?year={year}" in html.split('name="report-realisation"')[0]
    assert 'value="Laporan tahun lalu"' not in html  # last year's report is not in the form


def test_the_item_page_hides_what_another_opd_may_not_see(
    login, representative, programme, opd, other_opd
):
    from .factories_inputs import InputWindowFactory
    from .test_roadmap import accepted

    window = InputWindowFactory(programme=programme)
    theirs = accepted(window, other_opd, title="Usulan Dinkes")
    item = RoadmapItemFactory(programme=programme, lead_opd=opd)
    item.proposals.add(theirs, accepted(window, opd, title="Usulan Bappeda"))
    hidden = QuickWinFactory(
        programme=programme, lead_opd=other_opd, published=False, title="Rahasia Dinkes"
    )
    QuickWinOrigin.objects.create(quick_win=hidden, roadmap_item=item)
    html = login(representative).get(reverse("masterplan:roadmap:item", args=[item.pk]))
    html = html.content.decode()
    assert "Rahasia Dinkes" not in html
    assert "Usulan Dinkes" in html  # merged into this item, so named,
    assert (
        reverse("masterplan:inputs:worksheet", args=[theirs.worksheet_id]) not in html
    )  # not linked
    own = item.proposals.get(title="Usulan Bappeda").worksheet_id
    assert reverse("masterplan:inputs:worksheet", args=[own]) in html


def test_another_opds_proposal_is_not_named_on_a_published_quick_win(
    login, representative, programme, opd, other_opd
):
    from .factories_inputs import InputWindowFactory
    from .test_roadmap import accepted

    proposal = accepted(InputWindowFactory(programme=programme), other_opd, title="Ide Rahasia")
    quick_win = QuickWinFactory(programme=programme, lead_opd=other_opd, published=True)
    QuickWinOrigin.objects.create(quick_win=quick_win, proposal=proposal)
    html = login(representative).get(reverse("quickwins:detail", args=[quick_win.pk]))
    html = html.content.decode()
    assert "Ide Rahasia" not in html and "Usulan dari Dinas Kesehatan (Dinkes)" in html


# The roadmap's charts in the books


def test_budget_block_sums_per_year_and_source_in_millions(programme, opd):
    from django.utils import translation

    from masterplan.books import blocks
    from masterplan.models import FundingSource

    apbd = FundingSource.objects.get_or_create(code="apbd", defaults={"name": "APBD"})[0]
    RoadmapItemFactory(
        programme=programme,
        lead_opd=opd,
        funding_source=apbd,
        yearly_budgets={"2027": 1_500_000_000, "2028": 250_000_000},
    )
    RoadmapItemFactory(
        programme=programme, lead_opd=opd, funding_source=apbd, yearly_budgets={"2027": 500_000_000}
    )
    with translation.override("id"):
        html = blocks.render_blocks('<div data-block="roadmap-budget"></div>', programme)
    assert "Anggaran roadmap per tahun dan sumber dana (Rp juta)" in html
    row = re.search(r"<tr><td>APBD</td>(.*?)</tr>", html).group(1)
    assert re.findall(r'class="num">(?:<strong>)?([\d.,]+)', row)[:3] == ["2.000,0", "250,0", "0,0"]
    assert "<svg" in html and "<script" not in html


def test_dimensions_block_counts_items_per_status(programme, opd):
    from django.utils import translation

    from masterplan.books import blocks

    from .factories import ProgrammeFactory

    for _ in range(2):
        RoadmapItemFactory(programme=programme, lead_opd=opd, status=RoadmapItem.Status.DELAYED)
    block = '<div data-block="roadmap-dimensions"></div>'
    with translation.override("id"):
        html = blocks.render_blocks(block, programme)
        empty = blocks.render_blocks(block, ProgrammeFactory(year_joined=2030))
    assert "<svg" in html and "Smart Governance" in html and "Tertunda" in html
    assert re.search(r">2</text>", html)  # the two delayed programmes, printed on their bar
    assert "<svg" not in empty and "Roadmap belum memiliki item." in empty

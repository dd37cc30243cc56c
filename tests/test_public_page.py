"""The public page: published quick wins and, once published, the roadmap summary."""

from django.urls import reverse

from masterplan.models import RoadmapItem

from .factories import UserFactory
from .factories_quickwins import ProgressUpdateFactory, QuickWinFactory
from .factories_roadmap import RoadmapItemFactory


def test_public_page_shows_only_published_quick_wins_and_fields(client, programme, opd):
    author = UserFactory(full_name="Penulis Laporan Internal", role="opd_rep", opd=opd)
    shown = QuickWinFactory(
        programme=programme, lead_opd=opd, title="Antrean Sehat", origin_note="Usulan internal X"
    )
    ProgressUpdateFactory(quick_win=shown, author=author, text="Aktif di 33 puskesmas.")
    QuickWinFactory(programme=programme, lead_opd=opd, title="Calon Rahasia", published=False)
    response = client.get(reverse("masterplan:public"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Antrean Sehat" in page and "Aktif di 33 puskesmas." in page
    assert "Calon Rahasia" not in page
    assert "Catatan anggaran internal" not in page
    assert "Usulan internal X" not in page
    assert "Penulis Laporan Internal" not in page


def test_the_old_address_leads_to_the_public_page(client, programme):
    response = client.get("/quickwins/publik/")
    assert response.status_code == 301 and response.url == reverse("masterplan:public")


def test_roadmap_summary_only_once_published_and_only_public_fields(client, programme, opd):
    RoadmapItemFactory(
        programme=programme,
        lead_opd=opd,
        title="Satu Data Tuban",
        status=RoadmapItem.Status.DELAYED,
        status_reason="Menunggu regulasi kementerian rahasia",
        status_solution="Koordinasi dengan provinsi",
        yearly_targets={"2027": "Target khusus 37 persen"},
        yearly_budgets={"2027": 123_456_789},
        indicator="Indikator internal unik",
    )
    page = client.get(reverse("masterplan:public")).content.decode()
    assert "Satu Data Tuban" not in page

    programme.roadmap_published = True
    programme.save()
    page = client.get(reverse("masterplan:public")).content.decode()
    assert "Satu Data Tuban" in page and "Tertunda" in page and "Bappeda" in page
    assert "2027–2029" in page
    assert "<svg" in page  # the per-dimension chart and the timeline
    for secret in (
        "Menunggu regulasi kementerian rahasia",
        "Koordinasi dengan provinsi",
        "Target khusus 37 persen",
        "123.456.789",
        "123456789",
        "Indikator internal unik",
    ):
        assert secret not in page


def test_only_the_secretariat_publishes_the_summary(login, secretariat, representative, programme):
    url = reverse("masterplan:roadmap:publish")
    assert login(representative).post(url, {"published": "1"}).status_code == 403
    programme.refresh_from_db()
    assert not programme.roadmap_published

    response = login(secretariat).post(url, {"published": "1"}, follow=True)
    programme.refresh_from_db()
    assert programme.roadmap_published
    assert "ringkasan roadmap" in response.content.decode()
    login(secretariat).post(url, {"published": "0"})
    programme.refresh_from_db()
    assert not programme.roadmap_published


def test_every_page_links_to_the_public_page(client, programme):
    page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("masterplan:public")}"' in page


def test_the_cached_charts_follow_a_changed_item(client, programme, opd):
    programme.roadmap_published = True
    programme.save()
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, title="Nama Lama Program")
    page = client.get(reverse("masterplan:public")).content.decode()
    timeline = page[page.index('class="overflow-auto roadmap-timeline"') :]
    assert "Nama Lama Program" in timeline
    item.title = "Nama Baru Program"
    item.save()
    page = client.get(reverse("masterplan:public")).content.decode()
    timeline = page[page.index('class="overflow-auto roadmap-timeline"') :]
    assert "Nama Baru Program" in timeline and "Nama Lama Program" not in timeline


def test_the_cached_charts_follow_a_renamed_dimension(client, programme, opd):
    from .factories_inputs import governance

    programme.roadmap_published = True
    programme.save()
    RoadmapItemFactory(programme=programme, lead_opd=opd)
    client.get(reverse("masterplan:public"))
    dimension = governance()
    dimension.name_id = "Tata Kelola Cerdas"
    dimension.save()
    page = client.get(reverse("masterplan:public")).content.decode()
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "Tata Kelola Cerdas" in chart

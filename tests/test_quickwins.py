import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quickwins import charts, demo, selection
from quickwins.models import ProgressPhoto, ProgressUpdate, QuickWin
from regency.models import Dimension, Element, Opd

from .factories import OpdFactory
from .factories_quickwins import ProgressUpdateFactory, QuickWinFactory, public_service

pytestmark = pytest.mark.django_db


def jpeg(name="foto.jpg") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def form_data(programme, opd, **changes):
    element = public_service()
    data = {
        "year": 2027,
        "title": "Tuban Satu Layanan",
        "dimension": element.dimension_id,
        "element": element.pk,
        "lead_opd": opd.pk,
        "problem": "Warga mengantre.",
        "solution": "Aplikasi layanan.",
        "beneficiaries": "Warga.",
        "start_date": "2027-01-01",
        "target_date": "2027-11-30",
        "budget": "575000000",
        "funding_source": "APBD",
        "status": "planned",
    }
    data.update(changes)
    return data


# --- The data ----------------------------------------------------------------------------


def test_target_date_more_than_twelve_months_after_start_is_refused(programme, opd):
    quick_win = QuickWinFactory.build(
        programme=programme,
        lead_opd=opd,
        start_date=datetime.date(2027, 3, 1),
        target_date=datetime.date(2028, 3, 2),
    )
    with pytest.raises(ValidationError) as error:
        quick_win.full_clean()
    assert "target_date" in error.value.message_dict


def test_twelve_months_exactly_is_allowed(programme, opd):
    quick_win = QuickWinFactory.build(
        programme=programme,
        lead_opd=opd,
        start_date=datetime.date(2027, 3, 1),
        target_date=datetime.date(2028, 3, 1),
    )
    quick_win.full_clean()


def test_element_must_belong_to_the_dimension(programme, opd):
    other = Dimension.objects.exclude(pk=public_service().dimension_id).first()
    quick_win = QuickWinFactory.build(programme=programme, lead_opd=opd, dimension=other)
    with pytest.raises(ValidationError) as error:
        quick_win.full_clean()
    assert "element" in error.value.message_dict


def test_shortfall_counts_only_the_years_selected_quick_wins(programme):
    QuickWinFactory.create_batch(2, programme=programme, selected=True)
    QuickWinFactory(programme=programme, selected=False)
    QuickWinFactory(programme=programme, selected=True, year=2028)
    assert selection.shortfall(programme, 2027) == 1
    assert selection.shortfall(programme, 2028) == 2
    QuickWinFactory(programme=programme, selected=True)
    assert selection.shortfall(programme, 2027) == 0
    assert [q.year for q in selection.selected_for(programme, 2027)] == [2027] * 3


def test_status_chart_is_an_svg_without_script(programme):
    QuickWinFactory(programme=programme, status=QuickWin.Status.DONE)
    QuickWinFactory(programme=programme, status=QuickWin.Status.DELAYED)
    svg = charts.status_chart_svg(QuickWin.objects.all())
    assert svg.startswith("<svg") and "<script" not in svg
    assert charts.status_counts(QuickWin.objects.all())["done"] == 1


# --- The secretariat's pages ---------------------------------------------------------------


def test_list_warns_when_the_year_has_fewer_than_three(login, secretariat, programme):
    QuickWinFactory(programme=programme, selected=True, title="Antrean Sehat")
    page = login(secretariat).get(reverse("quickwins:list") + "?year=2027").content.decode()
    assert "Antrean Sehat" in page
    assert "kurang dari 3 quick win untuk 2027" in page
    assert "<svg" in page


def test_secretariat_adds_a_quick_win(login, secretariat, programme, opd):
    response = login(secretariat).post(reverse("quickwins:create"), form_data(programme, opd))
    quick_win = QuickWin.objects.get()
    assert response.url == reverse("quickwins:detail", args=[quick_win.pk])
    assert quick_win.programme == programme and quick_win.lead_opd == opd


def test_too_long_a_quick_win_gets_a_clear_message_and_keeps_the_input(
    login, secretariat, programme, opd
):
    data = form_data(programme, opd, target_date="2028-06-30")
    page = login(secretariat).post(reverse("quickwins:create"), data).content.decode()
    assert "dalam 12 bulan" in page
    assert 'value="Tuban Satu Layanan"' in page
    assert not QuickWin.objects.exists()


def test_secretariat_selects_a_quick_win(login, secretariat, programme):
    quick_win = QuickWinFactory(programme=programme, selected=False)
    login(secretariat).post(reverse("quickwins:toggle_selected", args=[quick_win.pk]))
    quick_win.refresh_from_db()
    assert quick_win.selected


@pytest.mark.parametrize("role_fixture", ["representative", "mentor", "regional_head"])
def test_only_the_secretariat_adds_or_selects(request, login, programme, opd, role_fixture):
    client = login(request.getfixturevalue(role_fixture))
    quick_win = QuickWinFactory(programme=programme, selected=False, lead_opd=opd)
    assert client.post(reverse("quickwins:create"), form_data(programme, opd)).status_code == 403
    url = reverse("quickwins:toggle_selected", args=[quick_win.pk])
    assert client.post(url).status_code == 403
    assert client.get(reverse("quickwins:edit", args=[quick_win.pk])).status_code == 403
    quick_win.refresh_from_db()
    assert not quick_win.selected and QuickWin.objects.count() == 1


# --- Progress updates ----------------------------------------------------------------------


def test_representative_posts_progress_with_photos_and_links(login, representative, programme):
    quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
    client = login(representative)
    response = client.post(
        reverse("quickwins:detail", args=[quick_win.pk]),
        {
            "text": "Uji coba di tiga kecamatan.",
            "links": "https://tubankab.go.id/berita",
            "photos": [jpeg("a.jpg"), jpeg("b.jpg")],
        },
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.author == representative and update.photos.count() == 2
    page = client.get(reverse("quickwins:detail", args=[quick_win.pk])).content.decode()
    assert "Uji coba di tiga kecamatan." in page and "https://tubankab.go.id/berita" in page
    photo = update.photos.first()
    assert client.get(reverse("quickwins:photo", args=[photo.pk])).status_code == 200


def test_a_file_that_is_not_a_picture_is_refused(login, representative, programme):
    quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")
    page = (
        login(representative)
        .post(
            reverse("quickwins:detail", args=[quick_win.pk]),
            {"text": "Laporan bulan Maret", "photos": [fake]},
        )
        .content.decode()
    )
    assert "bukan gambar yang dapat dibaca" in page
    assert "Laporan bulan Maret" in page
    assert not ProgressUpdate.objects.exists()


def test_a_link_that_is_not_a_web_address_is_refused(login, representative, programme):
    quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
    page = (
        login(representative)
        .post(reverse("quickwins:detail", args=[quick_win.pk]), {"text": "x", "links": "bukan"})
        .content.decode()
    )
    assert "bukan alamat web" in page
    assert not ProgressUpdate.objects.exists()


def test_representative_cannot_report_on_another_opds_quick_win(
    login, representative, programme, other_opd
):
    published = QuickWinFactory(programme=programme, lead_opd=other_opd, published=True)
    hidden = QuickWinFactory(programme=programme, lead_opd=other_opd, published=False)
    client = login(representative)
    # the published one can be read, but not reported on
    page = client.get(reverse("quickwins:detail", args=[published.pk])).content.decode()
    assert "Kirim pembaruan" not in page
    response = client.post(reverse("quickwins:detail", args=[published.pk]), {"text": "x"})
    assert response.status_code == 403
    # changing the id to an unpublished one of another OPD finds nothing
    assert client.get(reverse("quickwins:detail", args=[hidden.pk])).status_code == 404
    assert (
        client.post(reverse("quickwins:detail", args=[hidden.pk]), {"text": "x"}).status_code == 404
    )
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("role_fixture", ["mentor", "regional_head"])
def test_readers_cannot_report_progress(request, login, programme, opd, role_fixture):
    quick_win = QuickWinFactory(programme=programme, lead_opd=opd)
    client = login(request.getfixturevalue(role_fixture))
    assert client.get(reverse("quickwins:detail", args=[quick_win.pk])).status_code == 200
    response = client.post(reverse("quickwins:detail", args=[quick_win.pk]), {"text": "x"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_representative_sees_own_and_published_quick_wins_only(
    login, representative, programme, other_opd
):
    QuickWinFactory(
        programme=programme, lead_opd=representative.opd, published=False, title="Milik Sendiri"
    )
    QuickWinFactory(
        programme=programme, lead_opd=other_opd, published=False, title="Rahasia OPD Lain"
    )
    page = login(representative).get(reverse("quickwins:list")).content.decode()
    assert "Milik Sendiri" in page and "Rahasia OPD Lain" not in page


# --- Photos on the public page (the page itself: tests/test_public_page.py) -----------------


def test_photos_of_unpublished_quick_wins_are_not_public(client, programme, opd):
    def photo_of(quick_win):
        update = ProgressUpdateFactory(quick_win=quick_win)
        photo = ProgressPhoto(update=update)
        photo.image.save("foto.jpg", jpeg(), save=False)
        photo.save()
        return photo

    public_photo = photo_of(QuickWinFactory(programme=programme, lead_opd=opd))
    hidden_photo = photo_of(QuickWinFactory(programme=programme, lead_opd=opd, published=False))
    assert client.get(reverse("quickwins:photo", args=[public_photo.pk])).status_code == 200
    assert client.get(reverse("quickwins:photo", args=[hidden_photo.pk])).status_code == 404


def test_another_opds_unpublished_photo_is_not_found(login, representative, programme, other_opd):
    update = ProgressUpdateFactory(
        quick_win=QuickWinFactory(programme=programme, lead_opd=other_opd, published=False)
    )
    photo = ProgressPhoto(update=update)
    photo.image.save("foto.jpg", jpeg(), save=False)
    photo.save()
    response = login(representative).get(reverse("quickwins:photo", args=[photo.pk]))
    assert response.status_code == 404


def test_list_needs_sign_in(client, programme):
    response = client.get(reverse("quickwins:list"))
    assert response.status_code == 302 and "login" in response.url


# --- Home and demo -------------------------------------------------------------------------


def test_home_shows_the_shortfall_and_the_opds_quick_wins(
    login, secretariat, representative, programme
):
    QuickWinFactory(
        programme=programme, lead_opd=representative.opd, selected=True, title="Antrean Sehat"
    )
    page = login(secretariat).get(reverse("masterplan:home")).content.decode()
    assert "kurang dari tiga quick win" in page
    page = login(representative).get(reverse("masterplan:home")).content.decode()
    assert "Antrean Sehat" in page


def test_demo_fills_three_selected_quick_wins_and_one_candidate(programme):
    for acronym in ["Diskominfo", "Dinkes", "DPMD", "Dishub", "DPU Bina Marga"]:
        OpdFactory(name=f"OPD {acronym}", acronym=acronym)
    demo.fill(programme)
    demo.fill(programme)  # idempotent
    selected = selection.selected_for(programme, 2027)
    assert sorted(q.title for q in selected) == [
        "Antrean Sehat",
        "Bank Sampah Digital",
        "Tuban Satu Layanan",
    ]
    assert QuickWin.objects.filter(published=False, selected=False).count() == 1
    # Bontang's three quick wins of 2019 (seed 004), planned by Tuban for the second year
    assert sorted(q.title for q in selection.selected_for(programme, 2028)) == [
        "Kampung Masdarling",
        "Sistem Informasi RDTR",
        "Super Apps Birokrasi",
    ]
    assert ProgressUpdate.objects.filter(quick_win__title="Tuban Satu Layanan").count() == 2
    assert ProgressPhoto.objects.count() == 3
    for quick_win in QuickWin.objects.all():
        quick_win.full_clean()
    assert {q.status for q in QuickWin.objects.all()} >= {"running", "done", "delayed", "planned"}
    assert Element.objects.exists() and Opd.objects.count() == 5

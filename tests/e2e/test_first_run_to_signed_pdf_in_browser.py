"""Issue 13's first "Done means": from an empty database, in Chromium, a superuser with no
role sets up a kota in WITA with 16 OPDs imported from an XLSX file, creates the programme
and the signing certificate, adds three people who set their passwords through the e-mail's
link, and issues a commitment sheet that they sign; the secretariat downloads the signed
PDF. No request goes to /admin/, and the times on the sheet page and in the PDF read WITA."""

import io
import re
from pathlib import Path

import pytest
from django.core import mail
from openpyxl import Workbook

from masterplan.commitments.models import CommitmentSheet
from regency.models import Opd, Regency, Role, User
from tests import pdftext
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SKPD = [
    ("Sekretariat Daerah", "Setda", "bagian"),
    ("Sekretariat DPRD", "Setwan", "bagian"),
    ("Inspektorat Daerah", "Itda", "badan"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan"),
    ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", "badan"),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", "dinas"),
    ("Dinas Kesehatan", "Dinkes", "dinas"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas"),
    ("Dinas Perhubungan", "Dishub", "dinas"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "dinas"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas"),
    ("Dinas Lingkungan Hidup", "DLH", "dinas"),
    ("Kecamatan Bontang Utara", "", "kecamatan"),
    ("Kecamatan Bontang Selatan", "", "kecamatan"),
    ("RSUD Taman Husada", "RSUD", "rsud"),
]
PEOPLE = [  # full name, role, OPD, e-mail
    ("Ir. Ahmad Yani, M.T.", Role.OPD_HEAD, "Dinas Perhubungan", "ahmad.yani@bontangkota.go.id"),
    ("dr. Sri Rahayu, M.Kes.", Role.OPD_HEAD, "Dinas Kesehatan", "sri.rahayu@bontangkota.go.id"),
    ("Dr. Hj. Neni Moerniaeni, Sp.OG.", Role.REGIONAL_HEAD, "", "walikota@bontangkota.go.id"),
]
NEW_PASSWORD = "Pesisir-Karang-48!"


def skpd_table() -> bytes:
    book = Workbook()
    book.active.append(("Nama", "Singkatan", "Jenis"))
    for row in SKPD:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sign_in(page, base_url, username, password):
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Masuk").click()


def submit(page, selector="main form button.btn-primary"):
    with page.expect_navigation():
        page.locator(selector).first.click()


def draw_signature(page):
    pad = page.locator("#signature-pad")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + w * 0.1, y + h * 0.7)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x + w * (0.1 + step * 0.06), y + h * (0.3 if step % 2 else 0.7), steps=4)
    page.mouse.up()


def test_a_superuser_sets_up_a_wita_kota_and_the_signed_pdf_comes_out_without_the_admin(
    live_server, browser, settings, tmp_path, tasks_here
):
    settings.SITE_URL = live_server.url  # the e-mails' links lead to this server
    settings.SIGNING_KEY_FILE = tmp_path / "signing" / "key.pem"  # no certificate yet
    settings.SIGNING_CERT_FILE = tmp_path / "signing" / "cert.pem"
    base = live_server.url
    assert not User.objects.exists() and not Regency.objects.exists()
    User.objects.create_superuser("admin", "admin@bontangkota.go.id", PASSWORD)

    requested: list[str] = []
    errors: list[str] = []

    def new_page(**options):
        context = browser.new_context(locale="id-ID", **options)
        context.on("request", lambda r: requested.append(r.url))
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        return context, page

    admin_context, page = new_page(accept_downloads=True)
    sign_in(page, base, "admin", PASSWORD)
    page.wait_for_url(f"{base}/setup/")  # led to the setup, not a 403

    # the regency, a kota in WITA
    page.goto(f"{base}/setup/regency/")
    page.locator("select[name=kind]").select_option("kota")
    page.locator("input[name=name]").fill("Bontang")
    page.locator("input[name=province]").fill("Kalimantan Timur")
    page.locator("input[name=head_title]").fill("Wali Kota")
    page.locator("input[name=head_name]").fill("Dr. Hj. Neni Moerniaeni, Sp.OG.")
    page.locator("select[name=time_zone]").select_option("Asia/Makassar")
    page.locator("[name=address]").fill("Jl. Moh. Roem No. 1, Bontang")
    submit(page)
    assert page.url == f"{base}/setup/office/"
    page.locator("input[name=office_name]").fill("Dinas Komunikasi dan Informatika")
    page.locator("[name=office_address]").fill("Jl. Bessai Berinta, Bontang Lestari")
    page.locator("input[name=office_phone]").fill("(0548) 3036666")
    page.locator("input[name=office_email]").fill("diskominfo@bontangkota.go.id")
    submit(page)
    assert page.url == f"{base}/setup/opds/"

    # sixteen OPDs from a table
    page.locator("input[name=file]").set_input_files(
        {
            "name": "skpd-bontang.xlsx",
            "mimeType": "application/octet-stream",
            "buffer": skpd_table(),
        }
    )
    submit(page, "button[name=import]")
    page.get_by_text("16 ditambahkan").wait_for()
    assert Opd.objects.filter(is_active=True).count() == 16

    # the programme
    page.goto(f"{base}/setup/programme/")
    page.locator("input[name=name]").fill("Masterplan Smart City Kota Bontang")
    page.locator("input[name=year_joined]").fill("2026")
    page.locator("input[name=period_start]").fill("2026")
    page.locator("input[name=period_end]").fill("2030")
    submit(page)
    assert page.url == f"{base}/setup/certificate/"

    # the signing certificate, generated on its page
    page.locator("main a[href='/commitments/certificate/']").click()
    page.wait_for_url(f"{base}/commitments/certificate/")
    submit(page, "button[name=generate]")
    assert settings.SIGNING_CERT_FILE.is_file()
    page.goto(f"{base}/setup/")
    certificate_step = page.locator(
        ".setup-steps li", has=page.locator("a[href='/setup/certificate/']")
    )
    assert certificate_step.locator(".text-bg-success").count() == 1

    # three people, through the people pages
    page.goto(f"{base}/setup/people/")
    page.locator("main a[href='/people/new/']").click()
    for full_name, role, opd, email in PEOPLE:
        page.wait_for_url(f"{base}/people/new/")
        page.locator("input[name=full_name]").fill(full_name)
        page.locator("select[name=role]").select_option(role)
        if opd:
            page.locator("select[name=opd]").select_option(str(Opd.objects.get(name=opd).pk))
        page.locator("input[name=email]").fill(email)
        submit(page, "main form button[type=submit]")
        page.get_by_text("telah ditambahkan").wait_for()
        page.goto(f"{base}/people/new/")

    # each sets a password through the e-mail's link
    for _full_name, _role, _opd, email in PEOPLE:
        letter = [m for m in mail.outbox if email in m.to][-1]
        link = re.search(r"http://\S+/accounts/password/set/\S+/", letter.body).group(0)
        context, mine = new_page()
        mine.goto(link)
        mine.locator("input[name=new_password1]").fill(NEW_PASSWORD)
        mine.locator("input[name=new_password2]").fill(NEW_PASSWORD)
        mine.get_by_role("button", name="Simpan kata sandi dan masuk").click()
        mine.wait_for_url(f"{base}/")
        context.close()

    # the secretariat prepares and issues the sheet
    page.goto(f"{base}/commitments/new/")
    page.locator("input[name=place]").fill("Bontang")
    page.locator("input[name=date]").fill("2026-12-01")
    for full_name, *_ in PEOPLE:
        assert page.get_by_label(full_name, exact=False).is_checked()
    submit(page, "main form button[type=submit]")
    submit(page, "form[action$='/issue/'] button")
    sheet = CommitmentSheet.objects.get()
    assert sheet.status == CommitmentSheet.Status.ISSUED

    # the three sign, the regional head last
    for _full_name, _role, _opd, email in PEOPLE:
        context, mine = new_page(viewport={"width": 390, "height": 844}, has_touch=True)
        sign_in(mine, base, email, NEW_PASSWORD)
        mine.get_by_role("link", name="Baca dan tanda tangani").first.click()
        draw_signature(mine)
        mine.get_by_label("Kata sandi Anda").fill(NEW_PASSWORD)
        mine.get_by_role("button", name="Tanda tangani lembar komitmen").click()
        mine.get_by_text("Terima kasih: tanda tangan Anda telah tercatat.").wait_for()
        context.close()

    # the secretariat downloads the signed PDF; its times and the page's read WITA
    page.goto(f"{base}/commitments/{sheet.pk}/")
    page.get_by_text("3 dari 3 telah menandatangani").wait_for()
    link = page.get_by_role("link", name="Unduh PDF bertanda tangan")
    link.wait_for(timeout=90_000)  # htmx polls until the signed PDF is there
    times = page.locator("main").inner_text()
    assert re.search(r"\d{2}:\d{2} WITA", times) and "WIB" not in times
    with page.expect_download() as download_info:
        link.click()
    text = "\n".join(pdftext.pages_text(Path(download_info.value.path()).read_bytes()))
    for full_name, *_ in PEOPLE:
        assert full_name in text
    assert "Kota Bontang" in text
    assert re.search(r"\d{2}[.:]\d{2}(:\d{2})? WITA", text) and "WIB" not in text
    admin_context.close()

    assert [url for url in requested if "/admin/" in url] == []
    assert errors == []

"""Demo quick wins: Tuban's three 2027 quick wins of Book III, with progress, and one
unpublished candidate."""

import datetime
import io

from django.core.files.base import ContentFile

from regency.models import ROLES_WITH_OPD, Dimension, Element, Opd, Role, User

from .models import ProgressPhoto, ProgressUpdate, QuickWin

# title, dimension, element, OPD, status, problem, solution, beneficiaries, budget, source
QUICK_WINS = [
    (
        "Tuban Satu Layanan",
        "governance",
        "pelayanan-publik",
        "Diskominfo",
        QuickWin.Status.RUNNING,
        "Warga harus datang langsung dan mengantre untuk layanan yang sebenarnya dapat "
        "diproses secara daring; data layanan tersebar di beberapa aplikasi.",
        "Aplikasi super yang menyatukan layanan birokrasi dan warga, terhubung dengan data "
        "kependudukan, dengan notifikasi dan kanal pengaduan.",
        "Seluruh warga Kabupaten Tuban dan aparatur perangkat daerah.",
        575_000_000,
        "APBD",
    ),
    (
        "Antrean Sehat",
        "living",
        "kesehatan",
        "Dinkes",
        QuickWin.Status.DONE,
        "Pasien puskesmas dan RSUD menunggu berjam-jam tanpa kepastian giliran.",
        "Antrean daring puskesmas dan RSUD dengan nomor antrean dan perkiraan jam layanan "
        "melalui aplikasi dan WhatsApp.",
        "Pasien 33 puskesmas dan RSUD dr. R. Koesma.",
        240_000_000,
        "APBD",
    ),
    (
        "Bank Sampah Digital",
        "environment",
        "sampah-limbah",
        "DPMD",
        QuickWin.Status.DELAYED,
        "Tabungan sampah warga desa dicatat di buku tulis sehingga mudah hilang dan sulit direkap.",
        "Pencatatan tabungan sampah warga desa secara digital yang dapat dicek warga.",
        "Nasabah bank sampah di 50 desa percontohan.",
        180_000_000,
        "Dana Desa",
    ),
]

# Kota Bontang presented three quick wins at its Bimtek IV on 10 October 2019 (seed 004): a
# super app for the bureaucracy and citizens, an information system of its detailed spatial
# plan (RDTR) and Kampung Masdarling. The demo plans Tuban's versions for the second year.
BONTANG_2019 = [
    (
        "Super Apps Birokrasi",
        "governance",
        "manajemen-birokrasi",
        "Diskominfo",
        "Surat, disposisi, presensi dan kinerja ASN tersebar di beberapa aplikasi terpisah.",
        "Satu aplikasi super bagi birokrasi, tersambung dengan Tuban Satu Layanan bagi warga.",
        "ASN di seluruh perangkat daerah.",
        350_000_000,
        "APBD",
    ),
    (
        "Sistem Informasi RDTR",
        "living",
        "tata-ruang",
        "DPU Bina Marga",
        "Warga dan investor tidak dapat melihat Rencana Detail Tata Ruang sebelum mengurus izin.",
        "Peta RDTR daring yang menunjukkan zonasi suatu bidang dan tersambung dengan perizinan.",
        "Warga, pelaku usaha dan investor.",
        275_000_000,
        "APBD",
    ),
    (
        "Kampung Masdarling",
        "environment",
        "proteksi-lingkungan",
        "DPMD",
        "Kesadaran warga memilah sampah dan merawat lingkungan kampung masih rendah.",
        "Kampung Masyarakat Sadar Lingkungan: lomba, pendampingan dan pelaporan kegiatan warga "
        "lewat aplikasi.",
        "Warga 20 desa percontohan.",
        90_000_000,
        "Dana Desa",
    ),
]

CANDIDATE = (
    "Parkir Non-Tunai Alun-Alun",
    "living",
    "mobilitas",
    "Dishub",
    QuickWin.Status.PLANNED,
    "Retribusi parkir di sekitar alun-alun bocor karena dibayar tunai.",
    "Pembayaran parkir dengan QRIS dan karcis elektronik di kawasan alun-alun.",
    "Pengunjung alun-alun dan juru parkir.",
    120_000_000,
    "KPBU",
)

UPDATES = {
    "Tuban Satu Layanan": [
        ("Analisis proses bisnis 42 layanan selesai; 12 layanan diprioritaskan.", ""),
        (
            "Versi uji coba berjalan di tiga kecamatan; 1.240 warga mendaftar.",
            "https://tubankab.go.id/",
        ),
    ],
    "Antrean Sehat": [
        ("Antrean daring aktif di 33 puskesmas dan RSUD.", "https://dinkes.tubankab.go.id/"),
    ],
    "Bank Sampah Digital": [
        (
            "Pengadaan perangkat tertunda karena perubahan aturan penggunaan Dana Desa; "
            "solusinya: pengadaan dipindah ke APBD Perubahan.",
            "",
        ),
    ],
}


def _photo(colour) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 120, 560, 400), outline="white", width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def fill(programme) -> None:
    """Add the demo quick wins to a new programme (nothing when it already has some)."""
    if programme.quick_wins.exists():
        return
    year = programme.period_start
    opds = {opd.acronym: opd for opd in Opd.objects.all()}
    for index, row in enumerate([*QUICK_WINS, CANDIDATE]):
        title, dimension, element, acronym, status, problem, solution, who, budget, source = row
        is_candidate = row is CANDIDATE
        quick_win = QuickWin.objects.create(
            programme=programme,
            year=year,
            selected=not is_candidate,
            published=not is_candidate,
            title=title,
            dimension=Dimension.objects.get(code=dimension),
            element=Element.objects.get(code=element),
            lead_opd=opds[acronym],
            problem=problem,
            solution=solution,
            beneficiaries=who,
            start_date=datetime.date(year, 1 + index, 1),
            target_date=datetime.date(year, 11 + index // 2, 30),
            budget=budget,
            funding_source=source,
            budget_notes="Rincian anggaran per tahap ada di Buku III bab 2.",
            status=status,
            indicators="Jumlah pengguna aktif\nWaktu layanan rata-rata",
            origin_note="Buku III, Daftar Quick Win"
            if not is_candidate
            else "Usulan Dishub, Bimtek III",
        )
        for number, (text, links) in enumerate(UPDATES.get(title, [])):
            # the accounts come later in load_demo; credit_authors() names the author then
            update = ProgressUpdate.objects.create(quick_win=quick_win, text=text, links=links)
            if number == 0:
                photo = ProgressPhoto(update=update, caption=title)
                colour = ["#0b3d62", "#198754", "#8a6d1f"][index % 3]
                photo.image.save(f"qw-{quick_win.pk}.jpg", ContentFile(_photo(colour)), save=False)
                photo.save()
    if all(row[3] in opds for row in BONTANG_2019):
        _fill_bontang_examples(programme, opds)


def _fill_bontang_examples(programme, opds) -> None:
    year = programme.period_start + 1
    for index, row in enumerate(BONTANG_2019):
        title, dimension, element, acronym, problem, solution, who, budget, source = row
        QuickWin.objects.create(
            programme=programme,
            year=year,
            selected=True,
            published=False,
            title=title,
            dimension=Dimension.objects.get(code=dimension),
            element=Element.objects.get(code=element),
            lead_opd=opds[acronym],
            problem=problem,
            solution=solution,
            beneficiaries=who,
            start_date=datetime.date(year, 2 + index, 1),
            target_date=datetime.date(year, 12, 15),
            budget=budget,
            funding_source=source,
            status=QuickWin.Status.PLANNED,
            indicators="Jumlah pengguna aktif",
            origin_note="Contoh quick win Kota Bontang 2019 (Bimtek IV, 10 Oktober 2019)",
        )


def credit_authors(programme) -> None:
    """Name the lead OPD's representative (or else its head) as the author of the demo
    progress updates that have none yet, once load_demo has made the accounts (idempotent)."""
    demo_texts = {(title, text) for title, updates in UPDATES.items() for text, _ in updates}
    updates = ProgressUpdate.objects.filter(
        quick_win__programme=programme, quick_win__title__in=UPDATES, author=None
    ).select_related("quick_win")
    reporters = {}
    for update in updates:
        if (update.quick_win.title, update.text) not in demo_texts:
            continue
        opd_id = update.quick_win.lead_opd_id
        if opd_id not in reporters:
            reporters[opd_id] = _reporter(opd_id)
        if reporters[opd_id]:
            ProgressUpdate.objects.filter(pk=update.pk).update(author=reporters[opd_id])


def _reporter(opd_id):
    people = User.objects.filter(opd_id=opd_id, role__in=ROLES_WITH_OPD, is_active=True)
    return min(people, key=lambda u: (u.role != Role.OPD_REPRESENTATIVE, u.pk), default=None)

"""Demo worksheets of Kabupaten Tuban in every state: not started, draft, submitted, returned,
accepted, and late ones in a window whose deadline has passed."""

import datetime

from django.db import transaction
from django.utils import timezone

from regency.models import Dimension, Element, Opd, User

from ..inputs import workflow
from ..inputs.models import (
    FundingSource,
    InputKind,
    ReviewComment,
    Worksheet,
    WorksheetEntry,
    WorksheetStateChange,
)

State = Worksheet.State
Kind = WorksheetEntry.Kind

ISSUES = {
    "governance": [
        ("pelayanan-publik", "Layanan perizinan masih banyak yang tatap muka"),
        ("manajemen-birokrasi", "Data kepegawaian tersebar di beberapa aplikasi"),
    ],
    "economy": [("kesejahteraan-rakyat", "Data penerima bantuan UMKM belum padu")],
    "living": [("kesehatan", "Antrean puskesmas panjang pada pagi hari")],
    "society": [("keamanan-masyarakat", "Laporan warga tentang bencana masih lewat telepon")],
}

PROPOSALS = {
    ("Bappeda", "governance"): (
        "Sistem informasi perencanaan dan penganggaran terpadu",
        "Menyatukan perencanaan, penganggaran dan monitoring dalam satu sistem.",
        "Persentase OPD yang memakai sistem",
        "20%",
        ["40%", "60%", "80%", "100%", "100%"],
        [750_000_000, 500_000_000, 400_000_000, 300_000_000, 300_000_000],
    ),
    ("Bappeda", "economy"): (
        "Dasbor indikator ekonomi daerah",
        "Menyajikan indikator ekonomi terkini bagi pimpinan.",
        "Jumlah indikator yang diperbarui tiap bulan",
        "5",
        ["10", "15", "20", "20", "25"],
        [250_000_000, 150_000_000, 150_000_000, 100_000_000, 100_000_000],
    ),
    ("Dinkes", "living"): (
        "Rekam medis elektronik puskesmas",
        "Seluruh puskesmas memakai rekam medis elektronik yang terhubung dengan RSUD.",
        "Jumlah puskesmas dengan RME",
        "8 dari 33",
        ["18", "33", "33", "33", "33"],
        [1_200_000_000, 900_000_000, 300_000_000, 300_000_000, 300_000_000],
    ),
    ("Dinkes", "society"): (
        "Kader kesehatan digital desa",
        "Melatih kader posyandu melaporkan data gizi balita secara daring.",
        "Jumlah desa dengan kader terlatih",
        "0",
        ["100", "200", "328", "328", "328"],
        [300_000_000, 300_000_000, 200_000_000, 100_000_000, 100_000_000],
    ),
    ("Diskominfo", "governance"): (
        "Satu Data Kabupaten Tuban",
        "Portal data terbuka dengan walidata di setiap OPD.",
        "Jumlah set data terbit",
        "45",
        ["150", "300", "450", "600", "750"],
        [400_000_000, 350_000_000, 300_000_000, 300_000_000, 300_000_000],
    ),
    ("Bapenda", "economy"): (
        "Pembayaran pajak daerah non-tunai",
        "Semua jenis pajak daerah dapat dibayar lewat QRIS dan bank.",
        "Persentase penerimaan non-tunai",
        "35%",
        ["60%", "75%", "90%", "95%", "95%"],
        [200_000_000, 150_000_000, 100_000_000, 100_000_000, 100_000_000],
    ),
}

READINESS = [
    (
        "struktur",
        "baik",
        "Diskominfo sebagai koordinator smart city",
        "SK Bupati tentang Tim Pelaksana",
    ),
    ("struktur", "sedang", "Kompetensi SDM TIK belum merata", "Data kepegawaian BKPSDM"),
    ("struktur", "kurang", "Anggaran TIK tersebar dan belum terintegrasi", "DPA OPD"),
    ("infrastruktur", "baik", "Jaringan fiber optik antar-kantor OPD", "Peta jaringan Diskominfo"),
    ("infrastruktur", "sedang", "Aplikasi layanan sudah banyak tetapi belum terhubung", ""),
    ("infrastruktur", "kurang", "Belum ada pusat data dan ruang server yang layak", ""),
    ("suprastruktur", "baik", "Komitmen pimpinan daerah tinggi", "Sambutan Bupati pada Bimtek I"),
    ("suprastruktur", "kurang", "Perbup SPBE dan Satu Data belum ada", ""),
]
SWOT = [
    ("S", "Komitmen kuat kepala daerah"),
    ("W", "Data antar-OPD belum terpadu"),
    ("O", "Program nasional Satu Data Indonesia"),
    ("T", "Keterbatasan fiskal daerah"),
    ("S", "Potensi wisata religi dan pantai"),
    ("O", "Kerja sama dengan perguruan tinggi"),
    ("W", "Literasi digital aparatur desa masih rendah"),
    ("T", "Serangan siber terhadap situs pemerintah"),
    ("S", "Seluruh desa memiliki situs web resmi"),
    ("O", "Dana CSR industri semen dan petrokimia"),
    ("W", "Aplikasi OPD dibangun sendiri-sendiri"),
    ("T", "Pergantian pejabat memutus program"),
    ("S", "Komunitas Relawan TIK aktif"),
]

PROPOSAL_ELEMENTS = {
    ("Bappeda", "governance"): "kebijakan-publik",
    ("Bappeda", "economy"): "kesejahteraan-rakyat",
    ("Dinkes", "living"): "kesehatan",
    ("Dinkes", "society"): "komunitas",
    ("Diskominfo", "governance"): "pelayanan-publik",
    ("Bapenda", "economy"): "transaksi-keuangan",
}

# (OPD acronym, dimension code) -> state in the stage II window
STATES = {
    ("Bappeda", "governance"): State.DRAFT,
    ("Bappeda", "economy"): State.RETURNED,
    ("Dinkes", "living"): State.SUBMITTED,
    ("Dinkes", "society"): State.ACCEPTED,
    ("Diskominfo", "governance"): State.ACCEPTED,
    ("Bapenda", "economy"): State.SUBMITTED,
}


def fill(programme) -> None:
    opds = {opd.acronym: opd for opd in Opd.objects.filter(is_active=True)}
    dimensions = list(Dimension.objects.all())
    by_code = {d.code.split("-")[-1]: d for d in dimensions}
    now = timezone.now()

    stage_one = workflow.open_window(
        programme,
        stage=1,
        title="Isu dan aset per dimensi",
        kinds=[InputKind.ISSUES, InputKind.ASSETS, InputKind.READINESS],
        deadline=now - datetime.timedelta(days=5),
        opds=[opds[a] for a in ("Bappeda", "Dinkes", "Diskominfo", "Bapenda") if a in opds],
        dimensions=dimensions,
    )
    for n, worksheet in enumerate(stage_one.worksheets.select_related("opd", "dimension")):
        code = _code(worksheet.dimension)
        if worksheet.opd.acronym == "Bapenda":
            continue  # not started, and late
        _issues_and_assets(worksheet, code)
        _readiness(worksheet, n)
        if worksheet.opd.acronym == "Bappeda" and code == "branding":
            continue  # a draft, late
        _move(worksheet, State.SUBMITTED, State.ACCEPTED)

    stage_two = workflow.open_window(
        programme,
        stage=2,
        title="Program dan quick win per dimensi",
        kinds=[InputKind.ISSUES, InputKind.ASSETS, InputKind.PROPOSALS, InputKind.QUICK_WINS],
        deadline=now + datetime.timedelta(days=10),
        opds=list(opds.values()),
        dimensions=dimensions,
    )
    worksheets = {
        (w.opd.acronym, _code(w.dimension)): w
        for w in stage_two.worksheets.select_related("opd", "dimension")
    }
    for (acronym, code), state in STATES.items():
        worksheet = worksheets.get((acronym, code))  # type: ignore[assignment]  # or None
        if worksheet is None or code not in by_code:
            continue
        proposal = _proposal(
            worksheet, programme, PROPOSALS[(acronym, code)], PROPOSAL_ELEMENTS[(acronym, code)]
        )
        _issues_and_assets(worksheet, code)
        if state == State.RETURNED:
            _move(worksheet, State.SUBMITTED, State.RETURNED)
            ReviewComment.objects.create(
                worksheet=worksheet,
                entry=proposal,
                text="Baseline dan satuan indikator perlu diperjelas; sebutkan sumber datanya.",
            )
        elif state == State.SUBMITTED:
            _move(worksheet, State.SUBMITTED)
            ReviewComment.objects.create(
                worksheet=worksheet,
                entry=proposal,
                text="Program ini layak diusulkan sebagai quick win tahun pertama.",
            )
        elif state == State.ACCEPTED:
            _move(worksheet, State.SUBMITTED, State.ACCEPTED)
    transaction.on_commit(lambda: _credit_demo_people(programme.pk))


def _code(dimension) -> str:
    return dimension.code.split("-")[-1]


def _issues_and_assets(worksheet, code) -> None:
    elements = {e.code: e for e in Element.objects.filter(dimension=worksheet.dimension)}
    for element_code, title in ISSUES.get(code, []):
        element = next((e for c, e in elements.items() if element_code in c), None)
        WorksheetEntry.objects.create(
            worksheet=worksheet, kind=Kind.ISSUE, element=element, title=title
        )
    WorksheetEntry.objects.create(
        worksheet=worksheet,
        kind=Kind.APPLICATION,
        title=f"Aplikasi layanan {worksheet.opd.acronym}",
        description="Aplikasi web internal, belum terhubung dengan Satu Data.",
        asset_status=WorksheetEntry.AssetStatus.IN_USE,
    )
    Worksheet.objects.filter(pk=worksheet.pk).update(state=State.DRAFT)


def _readiness(worksheet, n) -> None:
    component, rating, title, evidence = READINESS[(n * 3) % len(READINESS)]
    WorksheetEntry.objects.create(
        worksheet=worksheet,
        kind=Kind.READINESS,
        title=title,
        component=component,
        rating=rating,
        evidence=evidence,
    )
    quadrant, title = SWOT[(n * 7) % len(SWOT)]
    WorksheetEntry.objects.create(
        worksheet=worksheet, kind=Kind.SWOT, title=title, quadrant=quadrant
    )


def _proposal(worksheet, programme, data, element_code) -> WorksheetEntry:
    title, objective, indicator, baseline, targets, budgets = data
    years = programme.years
    proposal = WorksheetEntry.objects.create(
        worksheet=worksheet,
        kind=Kind.PROPOSAL,
        element=Element.objects.filter(code=element_code).first(),
        title=title,
        description=f"Usulan {worksheet.opd.acronym} untuk {worksheet.dimension.name_id}.",
        objective=objective,
        indicator=indicator,
        baseline=baseline,
        yearly_targets={str(y): t for y, t in zip(years, targets, strict=False)},
        yearly_budgets={str(y): b for y, b in zip(years, budgets, strict=False)},
        funding_source=FundingSource.objects.filter(code="apbd").first(),
        quick_win_candidate=worksheet.opd.acronym in ("Dinkes", "Bapenda"),
    )
    partner = Opd.objects.filter(acronym="Diskominfo").exclude(pk=worksheet.opd_id).first()
    if partner:
        proposal.partner_opds.add(partner)
    return proposal


def _move(worksheet, *states) -> None:
    current = State.DRAFT
    for state in states:
        WorksheetStateChange.objects.create(
            worksheet=worksheet, from_state=current, to_state=state, mailed_at=timezone.now()
        )
        current = state
    Worksheet.objects.filter(pk=worksheet.pk).update(state=current)


def _credit_demo_people(programme_id) -> None:
    """The demo accounts exist only once load_demo has finished; name them as the actors."""
    people = {u.username: u for u in User.objects.filter(username__startswith="wakil.")}
    secretariat = User.objects.filter(username="sekretariat").first()
    changes = WorksheetStateChange.objects.filter(
        worksheet__window__programme_id=programme_id, by=None
    ).select_related("worksheet__opd")
    for change in changes:
        if change.to_state == State.SUBMITTED:
            by = (
                people.get(f"wakil.{change.worksheet.opd.acronym.lower()}")
                or User.objects.filter(opd=change.worksheet.opd).first()
            )
        else:
            by = secretariat
        if by:
            WorksheetStateChange.objects.filter(pk=change.pk).update(by=by)
    ReviewComment.objects.filter(worksheet__window__programme_id=programme_id, author=None).update(
        author=secretariat
    )

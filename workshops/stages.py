"""The default four stages of a programme, from domain.md."""

from django.db import transaction

from regency.models import Programme

from .models import Workshop
from .planning import create_outputs_from_text

STAGE_DEFAULTS = {
    1: (
        "Bimtek Tahap I: Analisis Strategis",
        [
            "Penilaian kesiapan (struktur, infrastruktur, suprastruktur)",
            "Analisis kesenjangan dan SWOT",
            "Visi, misi dan tujuan smart city",
            "Bahan Buku I",
        ],
    ),
    2: (
        "Bimtek Tahap II: Program dan Rencana Aksi",
        [
            "Reviu Buku I dari kementerian",
            "Daftar program per dimensi (jangka pendek, menengah, panjang)",
            "Kandidat quick win",
        ],
    ),
    3: (
        "Bimtek Tahap III: Roadmap",
        ["Draf Buku II", "Roadmap pembangunan smart city", "Daftar pendek quick win"],
    ),
    4: (
        "Bimtek Tahap IV: Finalisasi dan Komitmen",
        [
            "Lembar komitmen kepala daerah dan kepala OPD yang ditandatangani",
            "Quick win final (tiga untuk tahun berjalan)",
            "Buku masterplan final",
        ],
    ),
}


@transaction.atomic
def create_default_stages(programme: Programme) -> list[Workshop]:
    """Give a programme its four Bimtek with default titles and target outputs (idempotent)."""
    workshops = []
    for stage, (title, outputs) in STAGE_DEFAULTS.items():
        workshop, _ = Workshop.objects.get_or_create(
            programme=programme,
            stage=stage,
            defaults={"title": title, "target_outputs": "\n".join(outputs)},
        )
        create_outputs_from_text(workshop)
        workshops.append(workshop)
    return workshops

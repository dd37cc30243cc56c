"""Demo roadmap of Kabupaten Tuban: about 80 items over ten years in every status, the 2027
monitoring (some targets missed, one OPD that has not reported) and two years of the index."""

from decimal import Decimal

from django.db import transaction

from regency.models import Element, Opd

from ..inputs.models import FundingSource
from ..roadmap import services as roadmap
from ..roadmap.models import EvaluationYear, QuickWinOrigin, RoadmapItem, RoadmapRealisation

Status = RoadmapItem.Status

THEMES = [
    "Aplikasi layanan",
    "Integrasi data",
    "Dasbor pimpinan",
    "Digitalisasi arsip",
    "Sistem informasi",
    "Pelatihan SDM digital",
    "Jaringan internet",
    "Portal informasi",
]
STATUSES = (
    [Status.RUNNING] * 4 + [Status.PLANNED] * 3 + [Status.DONE, Status.DELAYED] + [Status.POSTPONED]
)
REASONS = {
    Status.DELAYED: ("Pengadaan perangkat terlambat", "Pengadaan ulang pada APBD perubahan"),
    Status.POSTPONED: (
        "Kebijakan pemerintah provinsi menunda pembangunan pusat data daerah",
        "Menunggu pusat data provinsi; memakai layanan cloud pemerintah sementara",
    ),
}
NOT_REPORTING = "Dinsos"


@transaction.atomic
def fill(programme) -> None:
    if RoadmapItem.objects.filter(programme=programme).exists():
        return
    proposals = list(roadmap.accepted_proposals(programme))
    if len(proposals) > 1:
        # The first two become one merged item; the last stays to be promoted on the page.
        groups = [(proposals[:2], None)] + [([p], None) for p in proposals[2:-1]]
        roadmap.promote_all(programme, groups)
    _quick_win_items(programme)
    opds = list(Opd.objects.filter(is_active=True).order_by("pk"))
    elements = list(
        Element.objects.select_related("dimension").order_by("dimension__order", "order")
    )
    sources: list[FundingSource | None] = list(FundingSource.objects.all()) or [None]
    years = programme.years
    items, early = [], 0
    for n in range(80 - RoadmapItem.objects.filter(programme=programme).count()):
        element = elements[n % len(elements)]
        lead = opds[n % len(opds)]
        start = years[(n * 3) % 5]
        end = min(years[-1], start + (0, 2, 4, 9)[n % 4])
        status = Status.PLANNED
        if start <= years[1]:
            status = STATUSES[early % len(STATUSES)]
            early += 1
        if n == 5:
            status = Status.CANCELLED
        reason, solution = REASONS.get(status, ("", ""))
        span = range(start, end + 1)
        items.append(
            RoadmapItem(
                programme=programme,
                title=f"{THEMES[n % len(THEMES)]} {element.name_id.lower()}",
                dimension=element.dimension,
                element=element,
                lead_opd=lead,
                description="Program dari rencana induk smart city.",
                problem="Layanan dan data belum terpadu.",
                start_year=start,
                end_year=end,
                indicator="Persentase capaian layanan digital",
                baseline="20%",
                yearly_targets={str(y): f"{min(100, 20 + 15 * (y - start + 1))}%" for y in span},
                yearly_budgets={str(y): 100_000_000 + 25_000_000 * (n % 5) for y in span},
                funding_source=sources[n % len(sources)],
                status=status,
                status_reason=reason,
                status_solution=solution,
            )
        )
    created = RoadmapItem.objects.bulk_create(items)
    Through = RoadmapItem.supporting_opds.through
    Through.objects.bulk_create(
        Through(roadmapitem_id=item.pk, opd_id=opds[(n + 3) % len(opds)].pk)
        for n, item in enumerate(created)
        if n % 3 == 0
    )
    _monitoring(programme, years[0])
    _evaluation(programme, years[:2])


def _quick_win_items(programme) -> None:
    """The selected and published demo quick wins are programmes of the roadmap too, linked to
    their items; the citizens' page shows the roadmap summary."""
    published = programme.quick_wins.filter(selected=True, published=True, origin__isnull=True)
    for quick_win in published:
        first = quick_win.year
        item = RoadmapItem.objects.create(
            programme=programme,
            title=quick_win.title,
            dimension_id=quick_win.dimension_id,
            element_id=quick_win.element_id,
            lead_opd_id=quick_win.lead_opd_id,
            description=quick_win.solution,
            problem=quick_win.problem,
            start_year=first,
            end_year=min(first + 2, programme.period_end),
            indicator=quick_win.indicator_list[0] if quick_win.indicator_list else "",
            yearly_targets={str(first): "Uji coba", str(first + 1): "Seluruh kecamatan"},
            yearly_budgets={str(first): int(quick_win.budget or 0)},
            status=Status.RUNNING if first == programme.period_start else Status.PLANNED,
        )
        QuickWinOrigin.objects.create(quick_win=quick_win, roadmap_item=item)
    programme.roadmap_published = True
    programme.save(update_fields=["roadmap_published"])


def _monitoring(programme, year) -> None:
    realisations = []
    for n, item in enumerate(roadmap.items_of_year(programme, year).select_related("lead_opd")):
        if item.lead_opd.acronym == NOT_REPORTING:
            continue
        met = n % 4 != 1
        realisations.append(
            RoadmapRealisation(
                item=item,
                year=year,
                realisation=item.yearly_targets.get(str(year), "") if met else "25%",
                target_met=met,
                spent=int(item.yearly_budgets.get(str(year)) or 0) * (9 if met else 5) // 10,
                evidence="Laporan kinerja OPD 2027",
                reason="" if met else "Anggaran baru tersedia pada triwulan III",
                solution="" if met else "Percepatan pelaksanaan pada triwulan IV",
            )
        )
    RoadmapRealisation.objects.bulk_create(realisations)


def _evaluation(programme, years) -> None:
    weights = [(10, 30, 30, 20, 10), (10, 25, 30, 25, 10)]
    scores = [(80, 72, 65, 55, 90), (85, 78, 70, 60, 88)]
    for year, weight, score in zip(years, weights, scores, strict=False):
        values = {}
        for part, w, s in zip(EvaluationYear.PARTS, weight, score, strict=True):
            values[f"{part}_weight"] = Decimal(w)
            values[f"{part}_score"] = Decimal(s)
        EvaluationYear.objects.update_or_create(programme=programme, year=year, defaults=values)

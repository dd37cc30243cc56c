import datetime

import factory

from quickwins.models import ProgressUpdate, QuickWin
from regency.models import Element

from .factories import OpdFactory, ProgrammeFactory


def public_service() -> Element:
    """The seeded element Pelayanan publik (recreated when a browser test flushed it)."""
    from .factories_inputs import governance

    element, _ = Element.objects.get_or_create(
        code="pelayanan-publik",
        defaults={
            "dimension": governance(),
            "name_id": "Pelayanan publik",
            "name_en": "Public service",
            "order": 1,
        },
    )
    return element


class QuickWinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuickWin

    programme = factory.SubFactory(ProgrammeFactory)
    year = 2027
    title = factory.Sequence(lambda n: f"Quick Win Uji {n}")
    element = factory.LazyFunction(public_service)
    dimension = factory.LazyAttribute(lambda o: o.element.dimension)
    lead_opd = factory.SubFactory(OpdFactory)
    problem = "Warga mengantre lama di kantor layanan."
    solution = "Layanan daring terpadu."
    beneficiaries = "Seluruh warga."
    start_date = datetime.date(2027, 1, 1)
    target_date = datetime.date(2027, 11, 30)
    budget = 100_000_000
    funding_source = "APBD"
    budget_notes = "Catatan anggaran internal"
    status = QuickWin.Status.RUNNING
    published = True


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    quick_win = factory.SubFactory(QuickWinFactory)
    text = "Uji coba berjalan di tiga kecamatan."

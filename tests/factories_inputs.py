import datetime

import factory
from django.utils import timezone

from masterplan.models import InputKind, InputWindow, Worksheet, WorksheetEntry
from regency.models import Dimension

from .factories import OpdFactory, ProgrammeFactory


def governance() -> Dimension:
    """The seeded dimension; transactional (browser) tests flush seeded rows, so recreate it."""
    dimension, _ = Dimension.objects.get_or_create(
        code="governance",
        defaults={"name_id": "Smart Governance", "name_en": "Smart Governance", "order": 1},
    )
    return dimension


class InputWindowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InputWindow

    programme = factory.SubFactory(ProgrammeFactory)
    stage = 2
    title = "Program per dimensi"
    kinds = factory.LazyFunction(lambda: list(InputKind.values))
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class WorksheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worksheet

    window = factory.SubFactory(InputWindowFactory)
    opd = factory.SubFactory(OpdFactory)
    dimension = factory.LazyFunction(lambda: governance())


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorksheetEntry

    worksheet = factory.SubFactory(WorksheetFactory)
    kind = WorksheetEntry.Kind.PROPOSAL
    title = "Perizinan daring terpadu"
    description = "Semua izin usaha diajukan daring."

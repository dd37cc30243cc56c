import datetime

import factory
from django.utils import timezone

from masterplan.models import InputKind, InputWindow, Worksheet, WorksheetEntry
from regency.models import Dimension

from .factories import OpdFactory, ProgrammeFactory


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
    dimension = factory.LazyFunction(lambda: Dimension.objects.get(code="governance"))


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorksheetEntry

    worksheet = factory.SubFactory(WorksheetFactory)
    kind = WorksheetEntry.Kind.PROPOSAL
    title = "Perizinan daring terpadu"
    description = "Semua izin usaha diajukan daring."

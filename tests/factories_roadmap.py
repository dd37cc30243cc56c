import factory

from masterplan.models import RoadmapItem, RoadmapRealisation

from .factories import OpdFactory, ProgrammeFactory
from .factories_inputs import governance


class RoadmapItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapItem

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Program uji {n}")
    dimension = factory.LazyFunction(lambda: governance())
    lead_opd = factory.SubFactory(OpdFactory)
    start_year = 2027
    end_year = 2029
    indicator = "Persentase layanan daring"
    yearly_targets = factory.LazyFunction(lambda: {"2027": "40%", "2028": "60%", "2029": "80%"})
    yearly_budgets = factory.LazyFunction(
        lambda: {"2027": 100_000_000, "2028": 50_000_000, "2029": 50_000_000}
    )


class RealisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapRealisation

    item = factory.SubFactory(RoadmapItemFactory)
    year = 2027
    realisation = "40%"
    target_met = True

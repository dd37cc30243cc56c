import factory

from masterplan.models import Book, Chapter
from regency.models import Opd, Programme, Regency, Role, User

PASSWORD = "rahasia-uji-123"


class RegencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regency
        django_get_or_create = ["id"]

    id = 1
    name = "Tuban"
    kind = Regency.Kind.KABUPATEN
    province = "Jawa Timur"
    head_name = "H. Arif Wicaksono, S.T., M.M."


class OpdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opd

    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    acronym = factory.Sequence(lambda n: f"DU{n}")
    head_name = factory.Faker("name", locale="id_ID")
    head_nip = "197003121995031004"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"orang{n}")
    full_name = factory.Faker("name", locale="id_ID")
    role = Role.SECRETARIAT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    year_joined = 2026
    period_start = 2027
    period_end = 2036


class BookFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Book

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: 10 + n)
    title = "Buku Uji"


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    book = factory.SubFactory(BookFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Bab Uji {n}")
    body = "<h2>Bagian</h2><p>Isi.</p>"

import factory

from workshops.models import Category, Invitation, Participant


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    name = factory.Sequence(lambda n: f"Peserta Uji {n:03d}")
    position = "Kepala Bidang"
    category = Category.OPD


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    participant = factory.SubFactory(ParticipantFactory)

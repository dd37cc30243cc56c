"""Create the demo regency: Kabupaten Tuban, its OPDs, a programme and an account per role.

Idempotent: running it again adds what is missing and leaves what exists (and anything
people changed in the demo) alone.
"""

import io
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from quickwins import demo as quickwins_demo
from regency import demo
from regency.models import Opd, Programme, Regency, Role, User
from regency.people import accounts as people
from regency.setup import services as setup
from workshops import demo as workshops_demo

from ...demo import books as masterplan_demo
from ...demo import commitments, inputs, roadmap


def draw_emblem() -> bytes:
    """A simple shield-shaped emblem so that covers show an image (the real one is licensed)."""
    from PIL import Image, ImageDraw

    size = 400
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    shield = [(40, 30), (360, 30), (360, 220), (200, 380), (40, 220)]
    draw.polygon(shield, fill=(11, 61, 98), outline=(212, 175, 55), width=12)
    for offset in range(3):
        y = 210 + offset * 34
        draw.arc((70, y - 40, 200, y + 20), 20, 160, fill=(255, 255, 255), width=8)
        draw.arc((200, y - 40, 330, y + 20), 20, 160, fill=(255, 255, 255), width=8)
    draw.regular_polygon((200, 110, 55), 5, fill=(212, 175, 55))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Load the demo regency (Kabupaten Tuban) with an account for every role."

    def handle(self, *args, **options):
        # The demo's notifications (sheets issued, worksheets returned) would flood the
        # console backend and hide the logins printed below; keep them in memory instead.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            regency = self._load()
        self._print_logins(regency)

    @transaction.atomic
    def _load(self):
        # through the functions the setup pages use
        regency = Regency.load()
        if regency is None:
            emblem = ContentFile(draw_emblem(), name="lambang-tuban.png")
            regency = setup.save_regency({**demo.REGENCY, **demo.OFFICE}, emblem)

        setup.add_opds([setup.OpdRow(*row) for row in demo.OPDS])
        opds = {acronym: Opd.objects.get(name=name) for name, acronym, *_ in demo.OPDS}

        programme = Programme.objects.filter(year_joined=demo.PROGRAMME["year_joined"]).first()  # type: ignore[misc]  # an int
        if programme is None:
            programme = setup.create_programme(demo.PROGRAMME)  # signals add stages, books
            self._fill_programme(programme)

        accounts: list[tuple[Any, ...]] = [
            *demo.ACCOUNTS,
            *(
                (
                    f"kepala.{_slug(acronym)}",
                    opd.head_name,
                    Role.OPD_HEAD,
                    acronym,
                    opd.head_position,
                    "",
                )
                for acronym, opd in opds.items()
            ),
        ]
        demo_password = make_password(demo.PASSWORD)  # hashing once keeps this quick
        existing = set(User.objects.values_list("username", flat=True))
        for username, full_name, role, acronym, position, organisation in accounts:
            if username in existing:
                continue
            people.add_person(
                User(
                    full_name=full_name,
                    role=role,
                    opd=opds.get(acronym),
                    position=position,
                    organisation=organisation,
                    email=f"{username}@tubankab.go.id",
                    is_staff=role == Role.SECRETARIAT,
                    is_superuser=role == Role.SECRETARIAT,
                ),
                username=username,
                password_hash=demo_password,
                send_link=False,  # the demo's accounts sign in with the demo password
            )

        workshops_demo.link_accounts()
        quickwins_demo.credit_authors(programme)  # needs the accounts above; idempotent

        commitments.fill(
            programme
        )  # needs the accounts above; only fills a programme with no sheets
        masterplan_demo.fill_review(programme)  # needs the accounts above; idempotent
        return regency

    def _print_logins(self, regency):
        self.stdout.write(self.style.SUCCESS(f"Demo regency ready: {regency.official_name}."))
        self.stdout.write(f"Demo logins (password for all: {demo.PASSWORD}):")
        for username, _, role, acronym, *_ in demo.ACCOUNTS:
            label = Role(role).label
            suffix = f" ({acronym})" if role == Role.OPD_REPRESENTATIVE else ""
            self.stdout.write(f"  {username:<16} {label}{suffix}")
        label = Role(Role.OPD_HEAD).label
        self.stdout.write(f"  kepala.<opd>     {label}: kepala.bappeda, kepala.dinkes, ...")

    def _fill_programme(self, programme):
        """Demo content of a programme just created; each app fills its own part."""
        workshops_demo.fill(programme)
        masterplan_demo.fill(programme)
        inputs.fill(programme)
        quickwins_demo.fill(programme)
        roadmap.fill(programme)


def _slug(acronym: str) -> str:
    return acronym.lower().replace(". ", "-").replace(" ", "-").replace(".", "")

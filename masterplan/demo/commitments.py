"""Demo commitment sheets of Kabupaten Tuban: every state a sheet can be in.

- "Lembar Komitmen Masterplan Smart City": version 1 voided (wrong date) with one
  signature kept; version 2 signed by everyone, with its signed PDF.
- "Lembar Komitmen Program Quick Win 2027": open, partly signed; the Bupati signs last.
"""

import datetime
import io
import random

from regency.models import Programme, User

from ..commitments import certificate, signed_pdf, signing
from ..commitments.models import CommitmentSheet, Signatory

DEMO_BROWSER = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"
MASTERPLAN_SIGNERS = ["bupati", "kepala.diskominfo", "kepala.bappeda", "kepala.bapenda"]
QUICK_WIN_SIGNERS = ["bupati", "kepala.diskominfo", "kepala.bappeda", "kepala.dinkes", "kepala.rsud", "kepala.dpmd"]  # fmt: skip
QUICK_WIN_STATEMENT = (
    "Kami yang bertanda tangan di bawah ini menyatakan komitmen untuk melaksanakan tiga "
    "program quick win tahun 2027, yaitu Tuban Satu Layanan, Antrean Sehat, dan Bank Sampah "
    "Digital, sesuai dengan Masterplan Smart City Kabupaten Tuban, serta menganggarkannya "
    "dalam APBD Tahun Anggaran 2027.\n\n"
    "Demikian lembar komitmen ini kami buat untuk dilaksanakan dengan penuh tanggung jawab."
)


def drawn_signature(name: str) -> bytes:
    """A hand-drawn-looking stroke, the same for the same name, as the signature pad sends."""
    from PIL import Image, ImageDraw

    rng = random.Random(name)
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    x, points = 40, []
    while x < 520:
        points.append((x, rng.randint(50, 160)))
        x += rng.randint(25, 70)
    draw.line(points, fill=(16, 32, 96, 255), width=5, joint="curve")
    draw.line([(60, 170), (rng.randint(380, 540), 160)], fill=(16, 32, 96, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _sign(sheet: CommitmentSheet, username: str) -> None:
    signatory = Signatory.objects.get(sheet=sheet, user__username=username)
    who = signing.Request(signatory.user, "10.35.1.24", DEMO_BROWSER)
    signing.record_signature(
        sheet, signatory, who, image=drawn_signature(signatory.name), method="drawn"
    )


def _people(usernames: list[str]) -> list[User]:
    found = {user.username: user for user in User.objects.filter(username__in=usernames)}
    return [found[name] for name in usernames if name in found]


def fill(programme: Programme) -> None:
    """Add the demo sheets once (after the demo accounts exist); leave existing sheets alone."""
    if programme.commitment_sheets.exists():
        return
    if not certificate.usable():  # issuing needs one, as on the certificate page
        certificate.generate()
    secretariat = User.objects.get(username="sekretariat")
    workshop = programme.workshops.filter(stage=4).first()
    day = (workshop and (workshop.end_date or workshop.start_date)) or datetime.date(2026, 10, 9)
    place = "Tuban"

    first = signing.prepare(
        programme,
        secretariat,
        people=_people(MASTERPLAN_SIGNERS),
        title="Lembar Komitmen Masterplan Smart City",
        statement=signing.default_statement(),
        place=place,
        date=day - datetime.timedelta(days=1),
        regional_head_last=True,
    )
    first = signing.issue(first, secretariat)
    _sign(first, "kepala.diskominfo")
    final = signing.revise(
        first,
        secretariat,
        people=_people(MASTERPLAN_SIGNERS),
        title=first.title,
        statement=first.statement,
        place=place,
        date=day,
        regional_head_last=True,
    )
    final = signing.issue(final, secretariat)
    for username in MASTERPLAN_SIGNERS[1:] + MASTERPLAN_SIGNERS[:1]:
        _sign(final, username)
    signed_pdf.produce(final.pk)

    quick_wins = signing.prepare(
        programme,
        secretariat,
        people=_people(QUICK_WIN_SIGNERS),
        title="Lembar Komitmen Program Quick Win 2027",
        statement=QUICK_WIN_STATEMENT,
        place=place,
        date=day,
        regional_head_last=True,
    )
    quick_wins = signing.issue(quick_wins, secretariat)
    _sign(quick_wins, "kepala.diskominfo")
    _sign(quick_wins, "kepala.bappeda")

"""Test data for commitment sheets: a drawn signature and an issued sheet."""

import datetime
import io

from masterplan.commitments import signing


def drawn_png(width: int = 600, height: int = 200) -> bytes:
    """A PNG like the signature pad sends: a transparent canvas with a stroke."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).line(
        [(30, 150), (120, 40), (200, 160), (320, 50), (480, 140)], fill=(16, 32, 96, 255), width=5
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def issued_sheet(programme, secretariat, people, regional_head_last=True):
    sheet = signing.prepare(
        programme,
        secretariat,
        people=people,
        title="Lembar Komitmen Masterplan Smart City",
        statement=signing.default_statement(),
        place="Tuban",
        date=datetime.date(2026, 10, 11),
        regional_head_last=regional_head_last,
    )
    return signing.issue(sheet, secretariat)

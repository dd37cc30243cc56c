"""Demo data of the four Bimtek of Kabupaten Tuban (dates and venues like the seeds')."""

import datetime

from regency.models import Programme

# stage: (first day, last day, venue, status)
WORKSHOPS = {
    1: ("2026-07-07", "2026-07-08", "Ruang Rapat Lantai 1 Sekretariat Daerah Kabupaten Tuban", "done"),
    2: ("2026-08-11", "2026-08-12", "Ruang Rapat Bappeda Kabupaten Tuban", "done"),
    3: ("2026-09-15", "2026-09-16", "Ruang Rapat Lantai 1 Sekretariat Daerah Kabupaten Tuban", "done"),
    4: ("2026-12-08", "2026-12-09", "Pendopo Krido Manunggal Tuban", "planned"),
}  # fmt: skip


def fill(programme: Programme) -> None:
    """Give a new demo programme's stages their dates, venues and status."""
    for workshop in programme.workshops.all():
        first, last, venue, status = WORKSHOPS[workshop.stage]
        workshop.start_date = datetime.date.fromisoformat(first)
        workshop.end_date = datetime.date.fromisoformat(last)
        workshop.venue = venue
        workshop.status = status
        workshop.save()

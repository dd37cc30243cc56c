"""Demo data of the four Bimtek of Kabupaten Tuban (dates and venues like the seeds').

Stage I has 56 people present on its first day; one invited OPD (Damkar) sends nobody so
that the secretariat has someone to chase.
"""

import datetime
import io
import random
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from regency.models import Opd, Programme, User

from .models import (
    AgendaItem,
    Attendance,
    Category,
    FollowUp,
    Invitation,
    Mentor,
    Minutes,
    Participant,
    Photo,
)
from .photos import make_thumbnail
from .planning import sync_days

# stage: (first day, last day, venue, status)
WORKSHOPS = {
    1: ("2026-07-07", "2026-07-08", "Ruang Rapat Lantai 1 Sekretariat Daerah Kabupaten Tuban", "done"),
    2: ("2026-08-11", "2026-08-12", "Ruang Rapat Bappeda Kabupaten Tuban", "done"),
    3: ("2026-09-15", "2026-09-16", "Ruang Rapat Lantai 1 Sekretariat Daerah Kabupaten Tuban", "done"),
    4: ("2026-12-08", "2026-12-09", "Pendopo Krido Manunggal Tuban", "planned"),
}  # fmt: skip

MENTORS = [
    ("Farhan Hidayat, M.T.", "Citiasia Inc.", "Ketua tim pendamping"),
    ("Dr. Ratna Sari Dewi", "Universitas Gadjah Mada", "Tenaga ahli tata kelola"),
    ("Bayu Anggara, S.Kom.", "Kementerian Komunikasi dan Digital", "Narasumber kebijakan"),
]

AGENDA = {
    1: [
        (1, "08:00", "08:30", "Registrasi peserta", ""),
        (1, "08:30", "09:30", "Pembukaan dan arahan Bupati Tuban", "Bupati Tuban"),
        (1, "09:30", "12:00", "Arah kebijakan nasional Gerakan Menuju Kota Cerdas", "Kementerian Komunikasi dan Digital"),
        (1, "13:00", "15:30", "Tata kelola smart city daerah", "Dr. Ratna Sari Dewi"),
        (2, "08:00", "11:30", "Kerja kelompok: kesiapan struktur, infrastruktur, suprastruktur", "Tim Citiasia"),
        (2, "12:30", "15:00", "Analisis SWOT dan perumusan visi smart city", "Farhan Hidayat, M.T."),
    ],
    2: [
        (1, "08:30", "11:30", "Reviu Buku I dari kementerian", "Tim Citiasia"),
        (1, "13:00", "15:30", "Program per dimensi: jangka pendek, menengah, panjang", "Farhan Hidayat, M.T."),
        (2, "08:30", "12:00", "Kandidat quick win per dimensi", "Tim Citiasia"),
    ],
    3: [
        (1, "08:30", "12:00", "Penyempurnaan hasil Bimtek I dan II", "Tim Citiasia"),
        (2, "08:30", "12:00", "Penyusunan roadmap 1, 5 dan 10 tahun", "Farhan Hidayat, M.T."),
    ],
    4: [
        (1, "08:30", "12:00", "Rekap dan reviu roadmap; reviu buku per bab", "Tim Citiasia"),
        (2, "08:30", "10:00", "Penandatanganan lembar komitmen", "Bupati Tuban dan kepala OPD"),
        (2, "10:00", "12:00", "Finalisasi quick win dan kunjungan lapangan", "Tim pendamping"),
    ],
}  # fmt: skip

MINUTES = {
    1: "<h3>Hari pertama</h3><p>Bimtek dibuka oleh Bupati Tuban. Narasumber kementerian menyampaikan arah kebijakan Gerakan Menuju Kota Cerdas dan tata kelola smart city.</p>"
    "<h3>Hari kedua</h3><p>Enam kelompok dimensi menilai kesiapan <strong>struktur, infrastruktur dan suprastruktur</strong>, lalu menyusun analisis SWOT. Kata kunci SWOT dirumuskan menjadi rancangan visi smart city.</p>"
    "<ul><li>Kesiapan jaringan di kecamatan masih kurang.</li><li>Komitmen pimpinan daerah kuat.</li></ul>",
    2: "<p>Tim pendamping menyampaikan hasil reviu Buku I dari kementerian. Setiap dimensi menyusun program jangka pendek, menengah dan panjang serta kandidat quick win.</p>",
    3: "<p>Roadmap 1, 5 dan 10 tahun disusun per dimensi. Daftar pendek quick win dipertajam menjadi lima kandidat.</p>",
}

# stage: (kind, text, owner OPD acronym, due date, done)
# kind, text, owner OPD, due date, done
FOLLOW_UPS: dict[int, list[tuple[str, str, str | None, str | None, bool]]] = {
    1: [
        ("decision", "Visi smart city: Tuban Cerdas, Sejahtera dan Berdaya Saing", None, None, False),
        ("action", "Lengkapi data infrastruktur jaringan per kecamatan", "Diskominfo", "2026-07-31", True),
        ("action", "Kirim daftar regulasi pendukung smart city", "Bag. Pembangunan", "2026-07-31", True),
    ],
    2: [
        ("action", "Isi kertas kerja program dimensi Smart Living", "Dinkes", "2026-08-31", True),
        ("action", "Usulkan kandidat quick win layanan kesehatan", "Dinkes", "2026-12-15", False),
        ("action", "Susun indikator dan baseline program Smart Governance", "Bappeda", "2026-09-05", False),
    ],
    3: [
        ("decision", "Tiga quick win tahun pertama dipilih pada Bimtek IV", None, None, False),
        ("action", "Lengkapi anggaran indikatif roadmap per tahun", "Bappeda", "2026-11-30", False),
    ],
}  # fmt: skip

# stage: statuses of its outputs in order (the rest stay open)
OUTPUT_STATES = {1: ["done"] * 4, 2: ["done", "done", "done"], 3: ["done", "in_progress", "done"]}

FIRST = ["Agus", "Budi", "Dewi", "Eko", "Fitri", "Gilang", "Hesti", "Imam", "Joko", "Kartika",
         "Lina", "Mochamad", "Nanik", "Oktavia", "Puji", "Rahmat", "Sari", "Taufik", "Umi", "Wahyu",
         "Yuli", "Zainal", "Ahmad", "Bagus", "Citra", "Dian", "Endang", "Fajar"]  # fmt: skip
LAST = ["Santoso", "Wibowo", "Lestari", "Prasetyo", "Rahayu", "Saputra", "Handayani", "Kurniawan",
        "Wulandari", "Hidayat", "Susanti", "Nugroho", "Fauzi", "Maharani", "Setiawan"]  # fmt: skip

OUTSIDERS = [
    ("Camat", "Kecamatan Tuban", Category.KECAMATAN), ("Camat", "Kecamatan Jenu", Category.KECAMATAN),
    ("Camat", "Kecamatan Merakurak", Category.KECAMATAN), ("Sekretaris Kecamatan", "Kecamatan Palang", Category.KECAMATAN),
    ("Camat", "Kecamatan Semanding", Category.KECAMATAN), ("Camat", "Kecamatan Plumpang", Category.KECAMATAN),
    ("Kepala Desa", "Desa Sugihwaras", Category.DESA), ("Lurah", "Kelurahan Kutorejo", Category.DESA),
    ("Kepala Desa", "Desa Mentoso", Category.DESA), ("Lurah", "Kelurahan Kebonsari", Category.DESA),
    ("Anggota Dewan Smart City", "Dewan Smart City Kabupaten Tuban", Category.COUNCIL),
    ("Anggota Dewan Smart City", "Dewan Smart City Kabupaten Tuban", Category.COUNCIL),
    ("Dosen", "Universitas PGRI Ronggolawe", Category.ACADEMIC),
    ("Dosen", "Universitas Sunan Bonang", Category.ACADEMIC),
    ("Pemimpin Cabang", "Bank Jatim Cabang Tuban", Category.BUSINESS),
    ("Manajer CSR", "PT Semen Indonesia Pabrik Tuban", Category.BUSINESS),
    ("Ketua", "Relawan TIK Kabupaten Tuban", Category.COMMUNITY),
    ("Ketua", "Komunitas Kampung Digital Tuban", Category.COMMUNITY),
]  # fmt: skip


def _names(rng: random.Random):
    seen = set()
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in seen:
            seen.add(name)
            yield name


def _register(programme: Programme, rng: random.Random) -> list[Participant]:
    names = _names(rng)
    people = []
    for opd in Opd.objects.order_by("name"):
        for index, position in enumerate(["Kepala Bidang", "Kepala Seksi", "Analis Kebijakan"]):
            nip = f"19{rng.randint(70, 89)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            nip += (
                f"20{rng.randint(0, 15):02d}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{index:03d}"
            )
            people.append(
                Participant(
                    programme=programme, name=next(names), position=position, opd=opd,
                    category=Category.OPD, nip=nip, phone=f"08{rng.randint(10**9, 10**10 - 1)}",
                )
            )  # fmt: skip
    for position, organisation, category in OUTSIDERS:
        people.append(
            Participant(
                programme=programme, name=next(names), position=position,
                organisation=organisation, category=category,
            )
        )  # fmt: skip
    for name, organisation, role in MENTORS:
        people.append(
            Participant(
                programme=programme, name=name, position=role, organisation=organisation,
                category=Category.MENTOR,
            )
        )  # fmt: skip
    return Participant.objects.bulk_create(people)


def fill(programme: Programme) -> None:
    """Give a new demo programme's stages dates, agenda, mentors, a register and attendance."""
    rng = random.Random(2026)
    people = _register(programme, rng)
    zone = ZoneInfo("Asia/Jakarta")
    absent_opd = Opd.objects.filter(acronym="Damkar").first()
    for workshop in programme.workshops.all():
        first, last, venue, status = WORKSHOPS[workshop.stage]
        workshop.start_date = datetime.date.fromisoformat(first)
        workshop.end_date = datetime.date.fromisoformat(last)
        workshop.venue = venue
        workshop.status = status
        workshop.save()
        days = sync_days(workshop)
        Mentor.objects.bulk_create(
            Mentor(workshop=workshop, name=n, organisation=o, role=r) for n, o, r in MENTORS
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(
                day=days[number - 1],
                start_time=datetime.time.fromisoformat(start),
                end_time=datetime.time.fromisoformat(end),
                topic=topic,
                speaker=speaker,
            )
            for number, start, end, topic, speaker in AGENDA[workshop.stage]
        )
        for output, state in zip(
            workshop.outputs.all(), OUTPUT_STATES.get(workshop.stage, []), strict=False
        ):
            output.status = state
            output.responsible_opd = Opd.objects.filter(acronym="Bappeda").first()
            output.save()
        Invitation.objects.bulk_create(Invitation(workshop=workshop, participant=p) for p in people)
        if workshop.stage in MINUTES:
            Minutes.objects.create(workshop=workshop, body=MINUTES[workshop.stage])
        FollowUp.objects.bulk_create(
            FollowUp(
                workshop=workshop,
                kind=kind,
                text=text,
                owner_opd=Opd.objects.filter(acronym=owner).first() if owner else None,
                due_date=datetime.date.fromisoformat(due) if due else None,
                done=done,
            )
            for kind, text, owner, due, done in FOLLOW_UPS.get(workshop.stage, [])
        )
        _add_photos(workshop)
        if workshop.status != "done":
            continue
        for number, day in enumerate(days):
            came = [p for p in people if not (absent_opd and p.opd_id == absent_opd.pk)]
            target = 56 if (workshop.stage, number) == (1, 0) else rng.randint(40, 52)
            came = rng.sample(came, min(target, len(came)))
            Attendance.objects.bulk_create(
                Attendance(
                    day=day,
                    participant=person,
                    method=rng.choice(["staff", "staff", "qr"]),
                    checked_in_at=datetime.datetime.combine(
                        day.date, datetime.time(7, 30), tzinfo=zone
                    )
                    + datetime.timedelta(minutes=rng.randint(0, 75)),
                )
                for person in came
            )


PHOTOS = {
    1: ["Pembukaan Bimtek Tahap I oleh Bupati Tuban", "Kerja kelompok analisis SWOT"],
    2: ["Reviu Buku I bersama tim pendamping"],
    3: ["Penyusunan roadmap per dimensi"],
}
COLOURS = [(11, 61, 98), (25, 135, 84), (212, 175, 55), (108, 117, 125)]


def _add_photos(workshop) -> None:
    """Simple drawn pictures stand in for documentation photos."""
    from PIL import Image, ImageDraw, ImageFont

    for index, caption in enumerate(PHOTOS.get(workshop.stage, [])):
        image = Image.new("RGB", (1200, 800), COLOURS[(workshop.stage + index) % len(COLOURS)])
        draw = ImageDraw.Draw(image)
        draw.rectangle((80, 520, 1120, 720), fill=(255, 255, 255))
        for seat in range(8):
            draw.ellipse((120 + seat * 125, 420, 200 + seat * 125, 500), fill=(240, 240, 240))
        draw.text((110, 600), caption, fill=(0, 0, 0), font=ImageFont.load_default(size=40))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=80)
        photo = Photo(workshop=workshop, caption=caption)
        photo.image.save(
            f"bimtek-{workshop.stage}-{index + 1}.jpg", ContentFile(buffer.getvalue()), save=False
        )
        photo.save()
        make_thumbnail(photo.pk)


def link_accounts() -> None:
    """Give the demo representatives their place in the register (idempotent)."""
    programme = Programme.objects.filter(year_joined=2026).first()
    if programme is None:
        return
    for user in User.objects.filter(role="opd_rep", participations__isnull=True):
        person, _ = Participant.objects.get_or_create(
            programme=programme,
            name=user.display_name,
            defaults={"position": user.position, "opd": user.opd, "category": Category.OPD},
        )
        person.user = user
        person.save()
        for workshop in programme.workshops.all():
            Invitation.objects.get_or_create(workshop=workshop, participant=person)

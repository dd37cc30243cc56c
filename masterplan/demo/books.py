"""Demo text of the masterplan books of Kabupaten Tuban, written in Indonesian."""

from regency.models import Dimension, Programme, User

from ..books import revisions
from ..books.models import Chapter, ChapterComment, ChapterRevision

# Chapters with demo text: (book number, chapter order) -> HTML
CHAPTERS = {
    (1, 1): """
<h2>Latar Belakang</h2>
<p>Kabupaten Tuban terpilih sebagai salah satu daerah peserta Gerakan Menuju Kota Cerdas tahun 2026. Pemerintah Kabupaten Tuban memandang smart city bukan sebagai pengadaan perangkat teknologi informasi semata, melainkan sebagai strategi untuk meningkatkan kualitas pelayanan publik dan kesejahteraan masyarakat melalui integrasi program lintas organisasi perangkat daerah.</p>
<p>Masterplan ini disusun melalui empat tahap bimbingan teknis bersama tim pendamping dari kementerian dan diikuti perwakilan seluruh OPD, camat, perguruan tinggi, dunia usaha, serta komunitas Relawan TIK. Kegiatan tersebut harus menghasilkan rencana kerja (roadmap) yang dapat diimplementasikan, bukan acara seremonial semata.</p>
<h2>Maksud dan Tujuan</h2>
<p>Maksud penyusunan masterplan adalah menyediakan acuan pembangunan smart city Kabupaten Tuban untuk periode sepuluh tahun yang selaras dengan RPJMD dan RPJPD. Tujuannya adalah:</p>
<ol><li>merumuskan visi, misi dan strategi smart city berdasarkan analisis kesiapan daerah;</li><li>menyusun program dan rencana aksi per dimensi untuk jangka pendek, menengah dan panjang;</li><li>menetapkan program quick win yang manfaatnya dirasakan masyarakat dalam satu tahun.</li></ol>
<h2>Dasar Hukum</h2>
<ul><li>Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;</li><li>Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;</li><li>Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;</li><li>Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia;</li><li>Peraturan Daerah Kabupaten Tuban tentang RPJMD.</li></ul>
<h2>Metodologi</h2>
<p>Penyusunan menggunakan pendekatan partisipatif: diskusi kelompok per dimensi, penilaian kesiapan atas struktur, infrastruktur dan suprastruktur, analisis SWOT, serta penyusunan program berdasarkan kertas kerja yang diisi setiap OPD di antara tahap bimbingan teknis.</p>
""",
    (1, 2): """
<h2>Kondisi Geografis</h2>
<p>Kabupaten Tuban terletak di pesisir utara Provinsi Jawa Timur dengan luas wilayah sekitar 1.904,70 km² dan garis pantai sepanjang kurang lebih 65 km. Wilayahnya terbagi atas 20 kecamatan, 311 desa dan 17 kelurahan.</p>
<h2>Demografi</h2>
<p>Jumlah penduduk Kabupaten Tuban sekitar 1,2 juta jiwa. Sebagian besar penduduk bekerja di sektor pertanian, perdagangan dan industri pengolahan.</p>
<table><thead><tr><th>Indikator</th><th>Nilai</th><th>Satuan</th></tr></thead><tbody>
<tr><td>Luas wilayah</td><td>1.904,70</td><td>km²</td></tr>
<tr><td>Kecamatan</td><td>20</td><td>kecamatan</td></tr>
<tr><td>Desa dan kelurahan</td><td>328</td><td>desa/kelurahan</td></tr>
<tr><td>Penduduk</td><td>±1.200.000</td><td>jiwa</td></tr>
</tbody></table>
<h2>Perekonomian</h2>
<p>Struktur perekonomian ditopang oleh industri semen dan petrokimia, pertanian, perikanan, serta pariwisata religi dan pantai.</p>
""",
    (1, 3): """
<h2>Struktur</h2>
<p>Pemerintah Kabupaten Tuban telah memiliki Dinas Komunikasi dan Informatika sebagai sekretariat smart city. Kapasitas aparatur di bidang TIK masih terbatas pada beberapa OPD.</p>
<table><thead><tr><th>Butir</th><th>Penilaian</th><th>Catatan</th></tr></thead><tbody>
<tr><td>Organisasi pengelola TIK</td><td>Baik</td><td>Diskominfo sebagai koordinator</td></tr>
<tr><td>Kompetensi SDM TIK</td><td>Sedang</td><td>Belum merata di seluruh OPD</td></tr>
<tr><td>Anggaran TIK</td><td>Kurang</td><td>Tersebar dan belum terintegrasi</td></tr>
</tbody></table>
<h2>Infrastruktur</h2>
<p>Seluruh desa telah memiliki subdomain situs web resmi. Jaringan fiber optik menghubungkan kantor OPD di pusat kota; ruang server masih menjadi kebutuhan prioritas.</p>
<h2>Suprastruktur</h2>
<p>Komitmen pimpinan daerah tinggi. Regulasi pendukung seperti Peraturan Bupati tentang SPBE dan Satu Data masih perlu disusun.</p>
""",
    (2, 4): """
<h2>Jangka Pendek</h2>
<p>Program jangka pendek (satu tahun) difokuskan pada penguatan layanan yang telah ada dan program quick win.</p>
<table><thead><tr><th>No</th><th>Program</th><th>Dimensi</th><th>OPD Pengampu</th><th>Tahun</th></tr></thead><tbody>
"""
    + "".join(
        f"<tr><td>{n}</td><td>{name}</td><td>{dim}</td><td>{opd}</td><td>2027</td></tr>"
        for n, (name, dim, opd) in enumerate(
            [
                ("Aplikasi layanan perizinan daring terpadu", "Smart Governance", "DPMPTSP"),
                ("Satu Data Kabupaten Tuban", "Smart Governance", "Diskominfo"),
                ("Pembayaran pajak daerah non-tunai", "Smart Economy", "Bapenda"),
                ("Rekam medis elektronik puskesmas", "Smart Living", "Dinkes"),
                ("Antrean daring RSUD", "Smart Living", "RSUD"),
                ("Pemetaan destinasi wisata digital", "Smart Branding", "Disbudpar"),
                ("Pasar rakyat ber-QRIS", "Smart Economy", "Disdag"),
                ("Sistem peringatan dini banjir", "Smart Environment", "BPBD"),
                ("Bank sampah berbasis aplikasi", "Smart Environment", "DPMD"),
                ("Kanal pengaduan masyarakat terpadu", "Smart Society", "Diskominfo"),
            ]
            * 4,
            start=1,
        )
    )
    + """
</tbody></table>
<h2>Jangka Menengah</h2>
<p>Program jangka menengah (lima tahun) mengintegrasikan layanan lintas OPD dan membangun pusat data daerah.</p>
<h2>Jangka Panjang</h2>
<p>Program jangka panjang (sepuluh tahun) mewujudkan Tuban sebagai kabupaten cerdas yang berdaya saing.</p>
""",
    (3, 1): """
<h2>Gambaran Umum</h2>
<p>Ringkasan eksekutif ini merangkum hasil empat tahap bimbingan teknis penyusunan Masterplan Smart City Kabupaten Tuban 2027–2036: analisis strategis, program per dimensi, roadmap, dan tiga program quick win tahun 2027.</p>
<h2>Program Prioritas</h2>
<p>Program prioritas meliputi perizinan daring terpadu, Satu Data Kabupaten Tuban, dan rekam medis elektronik puskesmas.</p>
""",
    (3, 2): """
<h2>Daftar Quick Win</h2>
<ol><li><strong>Tuban Satu Layanan</strong>: aplikasi super untuk layanan birokrasi dan warga (Smart Governance, Diskominfo).</li><li><strong>Antrean Sehat</strong>: antrean daring puskesmas dan RSUD (Smart Living, Dinas Kesehatan).</li><li><strong>Bank Sampah Digital</strong>: pencatatan tabungan sampah warga desa (Smart Environment, DPMD).</li></ol>
""",
}


def fill(programme: Programme) -> None:
    """Write the demo text into a new demo programme's chapters."""
    for book in programme.books.all():
        for chapter in book.chapters.all():
            body = CHAPTERS.get((book.number, chapter.order))
            if body:
                chapter.body = body
                chapter.state = Chapter.State.FINAL if book.number == 1 else Chapter.State.REVIEW
                chapter.save()
    _write_dimension_chapters(programme)
    _place_data_blocks(programme)


SWOT = """
<h2>Kekuatan dan Kelemahan</h2>
<p>Analisis SWOT disusun dari hasil diskusi kelompok pada Bimtek I atas struktur, infrastruktur dan suprastruktur daerah.</p>
<h3>Kekuatan</h3>
<ul><li>Komitmen Bupati dan pimpinan OPD terhadap transformasi digital tinggi.</li><li>Seluruh desa telah memiliki situs web resmi dan akses internet.</li><li>Potensi industri, pertanian dan pariwisata religi yang besar.</li><li>Komunitas Relawan TIK aktif di setiap kecamatan.</li></ul>
<h3>Kelemahan</h3>
<ul><li>Aplikasi OPD belum terintegrasi dan datanya belum interoperabel.</li><li>Kompetensi SDM TIK belum merata.</li><li>Anggaran TIK tersebar di banyak OPD tanpa perencanaan bersama.</li><li>Belum tersedia pusat data daerah yang memadai.</li></ul>
<h2>Peluang dan Ancaman</h2>
<h3>Peluang</h3>
<ul><li>Kebijakan nasional SPBE dan Satu Data Indonesia memberi kerangka yang jelas.</li><li>Kerja sama dengan perguruan tinggi dan dunia usaha melalui CSR.</li><li>Pertumbuhan pengguna internet dan pembayaran digital di masyarakat.</li></ul>
<h3>Ancaman</h3>
<ul><li>Serangan siber terhadap layanan publik.</li><li>Kesenjangan digital antara wilayah perkotaan dan perdesaan.</li><li>Perubahan kebijakan pusat yang dapat menunda rencana daerah.</li></ul>
"""

VISION = """
<h2>Visi</h2>
<p><strong>“Tuban Cerdas, Melayani dan Berdaya Saing”</strong>: terwujudnya Kabupaten Tuban yang memanfaatkan teknologi informasi untuk pelayanan publik yang cepat, transparan dan inklusif, serta perekonomian daerah yang berdaya saing.</p>
<h2>Misi</h2>
<ol><li>Mewujudkan tata kelola pemerintahan yang efektif, efisien dan terintegrasi.</li><li>Meningkatkan daya saing ekonomi daerah berbasis potensi lokal.</li><li>Meningkatkan kualitas hidup masyarakat melalui layanan kesehatan, pendidikan dan mobilitas yang cerdas.</li><li>Membangun masyarakat yang melek digital dan aman.</li><li>Menjaga kelestarian lingkungan melalui pengelolaan sampah, air dan energi yang cerdas.</li></ol>
<h2>Tujuan</h2>
<p>Tujuan smart city Kabupaten Tuban diukur melalui indikator kinerja pada setiap dimensi yang dipantau setiap tahun bersama kementerian.</p>
"""


def _write_dimension_chapters(programme: Programme) -> None:
    """Chapters that go through the six dimensions and their elements, from the reference data."""
    dimensions = list(Dimension.objects.prefetch_related("elements"))
    strategy, programmes, actions = [], [], []
    for dimension in dimensions:
        elements = list(dimension.elements.all())
        strategy.append(f"<h2>{dimension.name_id}</h2>")
        strategy.append(
            f"<p>Strategi {dimension.name_id} diarahkan pada penguatan layanan yang telah ada, "
            "integrasi data antar-OPD, dan peningkatan kapasitas aparatur serta masyarakat. "
            "Setiap strategi dijabarkan ke dalam program dengan indikator, target tahunan dan "
            "OPD pengampu yang jelas.</p>"
        )
        programmes.append(f"<h2>{dimension.name_id}</h2>")
        for element in elements:
            name = element.name_id
            strategy.append(f"<h3>{name}</h3>")
            strategy.append(
                f"<p>Pada elemen {name.lower()}, kondisi saat ini menunjukkan bahwa layanan "
                "sudah berjalan namun belum terintegrasi dan belum sepenuhnya berbasis data. "
                "Strategi yang ditempuh adalah menyederhanakan proses bisnis, membangun "
                "aplikasi yang saling terhubung, dan menetapkan standar data bersama.</p>"
                "<p>Keberhasilan strategi diukur dari meningkatnya kepuasan masyarakat, "
                "berkurangnya waktu layanan, dan tersedianya data yang mutakhir untuk "
                "pengambilan keputusan pimpinan daerah.</p>"
            )
            programmes.append(f"<h3>{name}</h3>")
            programmes.append(
                "<table><thead><tr><th>No</th><th>Program</th><th>Indikator</th>"
                "<th>Baseline</th><th>Target 2031</th></tr></thead><tbody>"
                + "".join(
                    f"<tr><td>{n}</td><td>{label} {name.lower()}</td><td>{indicator}</td>"
                    f"<td>{base}</td><td>{target}</td></tr>"
                    for n, (label, indicator, base, target) in enumerate(
                        [
                            ("Digitalisasi layanan", "Layanan daring (%)", "20", "80"),
                            ("Integrasi data", "Dataset terbuka", "5", "40"),
                            ("Peningkatan kapasitas SDM", "Aparatur terlatih", "30", "300"),
                            ("Penyusunan regulasi", "Peraturan Bupati", "0", "2"),
                            ("Sosialisasi dan literasi", "Warga terjangkau", "1.000", "25.000"),
                            ("Pemantauan dan evaluasi", "Laporan tahunan", "0", "5"),
                        ],
                        start=1,
                    )
                )
                + "</tbody></table>"
            )
        actions.append(f"<h2>{dimension.name_id}</h2>")
        actions.append(
            "<table><thead><tr><th>Elemen</th><th>Rencana aksi</th>"
            + "".join(f"<th>{year}</th>" for year in programme.years[:5])
            + "</tr></thead><tbody>"
            + "".join(
                f"<tr><td>{element.name_id}</td><td>Penyusunan regulasi, pembangunan aplikasi "
                "dan sosialisasi</td>" + "<td>✓</td>" * 5 + "</tr>"
                for element in elements
            )
            + "</tbody></table>"
        )
    risks = [
        "<h2>Manajemen Risiko</h2><p>Risiko pelaksanaan masterplan dikelola per dimensi; "
        "setiap risiko memiliki pemilik, tingkat kemungkinan dan dampak, serta rencana "
        "mitigasi yang ditinjau setiap semester oleh Tim Pelaksana.</p>"
        "<table><thead><tr><th>Dimensi</th><th>Elemen</th><th>Risiko</th>"
        "<th>Tingkat</th><th>Mitigasi</th></tr></thead><tbody>"
        + "".join(
            f"<tr><td>{dimension.name_id}</td><td>{element.name_id}</td><td>{risk}</td>"
            f"<td>{level}</td><td>{mitigation}</td></tr>"
            for dimension in dimensions
            for element in dimension.elements.all()
            for risk, level, mitigation in [
                ("Anggaran tidak tersedia tepat waktu", "Sedang", "Usulan melalui RKPD dan CSR"),
                ("Data OPD tidak mutakhir", "Tinggi", "Walidata dan jadwal pemutakhiran"),
                ("Rendahnya adopsi oleh masyarakat", "Sedang", "Sosialisasi bersama Relawan TIK"),
            ]
        )
        + "</tbody></table>"
        "<h2>Pemantauan</h2><p>Pemantauan dilakukan setiap triwulan oleh Bappeda dan "
        "Diskominfo; evaluasi tahunan bersama kementerian menilai capaian target dan "
        "realisasi setiap program, serta alasan apabila target tidak tercapai.</p>"
    ]
    items = [
        ("Struktur", "Organisasi pengelola TIK", "Baik"),
        ("Struktur", "Kompetensi SDM TIK", "Sedang"),
        ("Struktur", "Anggaran", "Kurang"),
        ("Infrastruktur", "Jaringan dan konektivitas", "Sedang"),
        ("Infrastruktur", "Pusat data dan ruang server", "Kurang"),
        ("Infrastruktur", "Aplikasi layanan", "Sedang"),
        ("Suprastruktur", "Regulasi dan kebijakan", "Kurang"),
        ("Suprastruktur", "Komitmen pimpinan", "Baik"),
    ]
    readiness = ["<h2>Kesiapan per Dimensi</h2>"]
    for dimension in dimensions:
        readiness.append(
            f"<h3>{dimension.name_id}</h3><p>Penilaian kesiapan {dimension.name_id} "
            "disusun dari diskusi kelompok Bimtek I bersama OPD pengampu.</p>"
            "<table><thead><tr><th>Aspek</th><th>Butir</th><th>Penilaian</th>"
            "<th>Catatan</th></tr></thead><tbody>"
            + "".join(
                f"<tr><td>{aspect}</td><td>{item}</td><td>{rating}</td>"
                "<td>Perlu ditindaklanjuti dalam rencana aksi</td></tr>"
                for aspect, item, rating in items
            )
            + "</tbody></table>"
        )
    quick_wins = []
    for title, dimension, opd in [  # type: ignore[assignment]  # a dimension's name here
        ("Tuban Satu Layanan", "Smart Governance", "Diskominfo"),
        ("Antrean Sehat", "Smart Living", "Dinas Kesehatan"),
        ("Bank Sampah Digital", "Smart Environment", "DPMD"),
    ]:
        quick_wins.append(
            f"<h2>{title}</h2><p>Program quick win {title} pada dimensi {dimension} dipimpin "
            f"oleh {opd}. Program ini mempertajam layanan yang sudah ada sehingga manfaatnya "
            "dapat dirasakan masyarakat dalam waktu kurang dari satu tahun.</p>"
            "<h3>Permasalahan</h3><p>Warga harus datang langsung dan mengantre untuk "
            "layanan yang sebenarnya dapat diproses secara daring; data layanan tersebar di "
            "beberapa aplikasi yang tidak saling terhubung.</p>"
            "<h3>Solusi</h3><p>Membangun layanan daring yang terhubung dengan data "
            "kependudukan, dilengkapi notifikasi dan kanal pengaduan, serta pelatihan "
            "petugas di setiap kecamatan.</p>"
            "<table><thead><tr><th>Tahap</th><th>Kegiatan</th><th>Target</th>"
            "<th>Anggaran (Rp)</th></tr></thead><tbody>"
            "<tr><td>1</td><td>Analisis proses bisnis</td><td>Maret 2027</td><td>75.000.000</td></tr>"
            "<tr><td>2</td><td>Pengembangan aplikasi</td><td>Juli 2027</td><td>350.000.000</td></tr>"
            "<tr><td>3</td><td>Uji coba di tiga kecamatan</td><td>September 2027</td><td>60.000.000</td></tr>"
            "<tr><td>4</td><td>Peluncuran dan sosialisasi</td><td>November 2027</td><td>90.000.000</td></tr>"
            "</tbody></table>"
        )
    direction = [
        "<h2>Arah Kebijakan</h2><p>Arah pengembangan smart city Kabupaten Tuban mengikuti "
        "RPJMD dan RPJPD serta kebijakan nasional SPBE dan Satu Data Indonesia. Pembangunan "
        "diarahkan bertahap: jangka pendek memperkuat layanan yang sudah ada, jangka menengah "
        "mengintegrasikan layanan lintas OPD, dan jangka panjang mewujudkan kabupaten cerdas "
        "yang berdaya saing.</p>"
    ]
    for dimension in dimensions:
        direction.append(
            f"<h3>{dimension.name_id}</h3><p>Arah pengembangan {dimension.name_id} menekankan "
            "layanan yang mudah dijangkau warga, keputusan yang berbasis data, dan kolaborasi "
            "dengan perguruan tinggi, dunia usaha dan komunitas. Target utama dimensi ini "
            "dicapai melalui program pada ketiga elemennya: "
            + ", ".join(element.name_id.lower() for element in dimension.elements.all())
            + ".</p><p>Setiap tahun capaian dimensi ini dievaluasi terhadap indikator "
            "keluaran, hasil dan dampak yang ditetapkan dalam roadmap.</p>"
        )
    direction.append(
        "<h2>Sasaran</h2><ol><li>Seluruh layanan perizinan dapat diajukan secara daring "
        "pada tahun 2029.</li><li>Satu Data Kabupaten Tuban memuat seluruh data prioritas "
        "OPD pada tahun 2030.</li><li>Indeks SPBE mencapai predikat sangat baik pada tahun "
        "2031.</li></ol>"
    )
    infrastructure = [
        "<h2>Jaringan</h2><p>Jaringan fiber optik pemerintah daerah diperluas dari pusat kota "
        "ke seluruh kantor kecamatan dan puskesmas, dengan jalur cadangan nirkabel untuk "
        "layanan yang kritis.</p>"
        "<table><thead><tr><th>No</th><th>Lokasi</th><th>Kebutuhan</th><th>Tahun</th>"
        "</tr></thead><tbody>"
        + "".join(
            f"<tr><td>{n}</td><td>Kecamatan {place}</td><td>Fiber optik dan perangkat "
            f"jaringan</td><td>{2027 + n % 4}</td></tr>"
            for n, place in enumerate(
                [
                    "Tuban",
                    "Palang",
                    "Semanding",
                    "Merakurak",
                    "Kerek",
                    "Tambakboyo",
                    "Jenu",
                    "Bancar",
                    "Jatirogo",
                    "Kenduruan",
                    "Bangilan",
                    "Senori",
                    "Singgahan",
                    "Montong",
                    "Parengan",
                    "Soko",
                    "Rengel",
                    "Grabagan",
                    "Plumpang",
                    "Widang",
                ],
                start=1,
            )
        )  # fmt: skip
        + "</tbody></table>"
        "<h2>Pusat Data</h2><p>Pusat data daerah dibangun bertahap dengan standar keamanan "
        "informasi, cadangan data di lokasi kedua, dan pemanfaatan pusat data nasional "
        "sesuai kebijakan SPBE.</p>"
    ]
    districts = (
        "<h2>Wilayah Administrasi</h2><p>Rincian wilayah administrasi menurut kecamatan.</p>"
        "<table><thead><tr><th>No</th><th>Kecamatan</th><th>Desa/kelurahan</th>"
        "<th>Luas (km²)</th></tr></thead><tbody>"
        + "".join(
            f"<tr><td>{n}</td><td>{place}</td><td>{12 + n % 9}</td><td>{60 + n * 3},{n % 10}</td></tr>"
            for n, place in enumerate(
                [
                    "Tuban",
                    "Palang",
                    "Semanding",
                    "Merakurak",
                    "Kerek",
                    "Tambakboyo",
                    "Jenu",
                    "Bancar",
                    "Jatirogo",
                    "Kenduruan",
                    "Bangilan",
                    "Senori",
                    "Singgahan",
                    "Montong",
                    "Parengan",
                    "Soko",
                    "Rengel",
                    "Grabagan",
                    "Plumpang",
                    "Widang",
                ],
                start=1,
            )
        )  # fmt: skip
        + "</tbody></table>"
    )
    governance = (
        "<h2>Dewan Smart City</h2><p>Dewan Smart City dipimpin oleh Bupati sebagai pelindung "
        "dan beranggotakan kepala OPD, akademisi, dan perwakilan dunia usaha. Dewan menetapkan "
        "arah kebijakan, menyetujui prioritas program, dan menerima laporan kemajuan setiap "
        "semester.</p><ul><li>Pelindung: Bupati Tuban</li><li>Ketua: Sekretaris Daerah</li>"
        "<li>Sekretaris: Kepala Dinas Komunikasi dan Informatika</li><li>Anggota: kepala OPD "
        "pengampu dimensi, perguruan tinggi, asosiasi usaha dan komunitas</li></ul>"
        "<h2>Tim Pelaksana</h2><p>Tim Pelaksana dipimpin Diskominfo bersama Bappeda; setiap "
        "dimensi memiliki koordinator dari OPD pengampu. Tim menyusun rencana kerja tahunan, "
        "mengoordinasikan penganggaran melalui RKPD, dan menyiapkan bahan evaluasi tahunan "
        "bersama kementerian.</p><p>Rapat koordinasi Tim Pelaksana diadakan setiap bulan; "
        "hasilnya dicatat dalam notulen dan ditindaklanjuti oleh OPD terkait.</p>"
    )
    summary = ["<h2>Ringkasan per Dimensi</h2>"]
    for dimension in dimensions:
        summary.append(
            f"<h3>{dimension.name_id}</h3><p>Pada dimensi {dimension.name_id}, masterplan "
            "menetapkan program untuk setiap elemen dengan indikator dan target tahunan, OPD "
            "pengampu dan OPD pendukung, serta perkiraan anggaran dan sumber pendanaannya. "
            "Program jangka pendek difokuskan pada layanan yang manfaatnya segera dirasakan "
            "warga, sedangkan program jangka menengah dan panjang membangun integrasi data "
            "dan infrastruktur pendukung.</p><p>Capaian dimensi ini dilaporkan setiap tahun "
            "kepada Dewan Smart City dan kementerian sebagai bahan evaluasi.</p>"
        )
    generated = {
        (3, 1): CHAPTERS[(3, 1)] + "".join(summary),
        (1, 2): CHAPTERS[(1, 2)] + districts,
        (2, 5): governance,
        (2, 1): "".join(direction),
        (2, 6): "".join(infrastructure),
        (1, 3): CHAPTERS[(1, 3)] + "".join(readiness),
        (3, 2): CHAPTERS[(3, 2)] + "".join(quick_wins),
        (2, 7): "".join(risks),
        (1, 4): SWOT,
        (1, 5): VISION,
        (1, 6): "".join(strategy),
        (2, 2): "".join(programmes),
        (2, 3): "".join(actions),
    }
    for (number, order), body in generated.items():
        chapter = Chapter.objects.filter(
            book__programme=programme, book__number=number, order=order
        ).first()
        if chapter:
            chapter.body = body
            if chapter.state == Chapter.State.DRAFT:
                chapter.state = Chapter.State.FINAL if number == 1 else Chapter.State.DRAFT
            chapter.save()


# Data blocks placed in the demo chapters: (book, chapter order) -> HTML added at the end.
BLOCKS = {
    (1, 1): "<h2>Jadwal Bimbingan Teknis</h2><p>Penyusunan masterplan mengikuti empat tahap "
    "bimbingan teknis berikut.</p>"
    '<div data-block="bimtek-schedule"></div>',
    (1, 6): "<h2>Dimensi dan Elemen Smart City</h2><p>Strategi disusun untuk enam dimensi "
    "beserta elemennya.</p>"
    '<div data-block="dimensions"></div>',
    (2, 5): "<h2>Perangkat Daerah Pelaksana</h2><p>Seluruh OPD berikut terlibat dalam "
    "pelaksanaan masterplan.</p>"
    '<div data-block="opd-list"></div>',
    (1, 3): "<h2>Hasil Penilaian Kesiapan</h2><p>Rekapitulasi penilaian kesiapan dari kertas "
    "kerja OPD yang telah diterima sekretariat.</p>"
    '<div data-block="readiness"></div>',
    (1, 4): "<h2>Matriks SWOT</h2><p>Butir SWOT dari kelompok kerja per dimensi.</p>"
    '<div data-block="swot"></div>',
    (1, 2): "<h2>Peserta Bimtek Tahap I</h2><p>Kehadiran peserta pada Bimtek Tahap I.</p>"
    '<div data-block="participants" data-stage="1"></div>',
    (2, 4): "<h2>Rekapitulasi Roadmap</h2><p>Jumlah program per dimensi menurut statusnya, "
    "serta kebutuhan anggaran per tahun dan sumber dana.</p>"
    '<div data-block="roadmap-dimensions"></div><div data-block="roadmap-budget"></div>'
    "<h3>Linimasa Program Smart Governance</h3>"
    '<div data-block="roadmap-timeline" data-dimension="governance"></div>',
    (3, 1): "<h2>Kemajuan Penyusunan Dokumen</h2><p>Status penyusunan setiap buku masterplan "
    "pada saat dokumen ini dicetak.</p>"
    '<div data-block="chapter-progress"></div>',
    (3, 2): "<h2>Rekapitulasi Quick Win</h2><p>Quick win terpilih setiap tahun beserta OPD "
    "pengampu, anggaran dan status pelaksanaannya pada saat dokumen ini dicetak.</p>"
    '<div data-block="quick-wins"></div>',
}


def _place_data_blocks(programme: Programme) -> None:
    for (number, order), block in BLOCKS.items():
        chapter = Chapter.objects.filter(
            book__programme=programme, book__number=number, order=order
        ).first()
        if chapter:
            chapter.body += block
            chapter.save()


def fill_review(programme: Programme) -> None:
    """Revisions and review comments by the demo people (once their accounts exist)."""
    if ChapterRevision.objects.filter(chapter__book__programme=programme).exists():
        return
    secretariat = User.objects.filter(username="sekretariat").first()
    mentor = User.objects.filter(username="mentor").first()
    if not (secretariat and mentor):
        return
    roadmap = Chapter.objects.get(book__programme=programme, book__number=2, order=4)
    revisions.save_chapter(
        roadmap,
        roadmap.body.replace(
            "difokuskan pada penguatan layanan yang telah ada dan program quick win.",
            "difokuskan pada penguatan layanan yang telah ada, integrasi data antar-OPD "
            "dan tiga program quick win.",
        ),
        roadmap.version,
        secretariat,
    )
    revisions.save_chapter(
        roadmap,
        roadmap.body
        + "<p>Daftar program jangka pendek ini ditinjau ulang setiap tahun bersama Bappeda.</p>",
        roadmap.version,
        secretariat,
    )
    ChapterComment.objects.create(
        chapter=roadmap,
        author=mentor,
        version=roadmap.version,
        text="Mohon tambahkan kolom indikator dan target tahunan pada tabel jangka pendek.",
    )
    resolved = ChapterComment.objects.create(
        chapter=roadmap,
        author=mentor,
        version=1,
        text="Sebutkan dasar pemilihan program quick win.",
    )
    resolved.resolved_by = secretariat
    resolved.resolved_at = resolved.created_at
    resolved.save()
    summary = Chapter.objects.get(book__programme=programme, book__number=3, order=1)
    ChapterComment.objects.create(
        chapter=summary,
        author=secretariat,
        version=summary.version,
        text="Ringkasan perlu diperbarui setelah Bimtek IV.",
    )

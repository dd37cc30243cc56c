"""Reference data for the demo regency: Kabupaten Tuban and the agencies named in the seeds.

People's names are invented; agencies, places and the programme's shape are realistic.
"""

REGENCY = {
    "name": "Tuban",
    "kind": "kabupaten",
    "province": "Jawa Timur",
    "head_name": "H. Arif Wicaksono, S.T., M.M.",
    "time_zone": "Asia/Jakarta",
    "address": "Jl. Kartini No. 3, Tuban, Jawa Timur 62313",
}

# (name, acronym, kind, head's name, head's NIP, head's position)
OPDS = [
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "dinas", "Ir. Hendra Prasetya, M.M.", "197003121995031004", "Kepala Dinas"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan", "Dr. Sri Wahyuni, S.E., M.Si.", "197105232000032002", "Kepala Badan"),
    ("Badan Pendapatan Daerah", "Bapenda", "badan", "Drs. Bambang Sutrisno, M.M.", "196808141994031006", "Kepala Badan"),
    ("Dinas Koperasi dan Usaha Mikro", "Diskopum", "dinas", "Rini Astuti, S.Sos., M.M.", "197209101998032005", "Kepala Dinas"),
    ("Dinas Kesehatan", "Dinkes", "dinas", "dr. Andi Firmansyah, M.Kes.", "197406192003121003", "Kepala Dinas"),
    ("RSUD dr. R. Koesma Tuban", "RSUD", "rsud", "dr. Lestari Handayani, Sp.PD.", "197511302005012007", "Direktur"),
    ("Dinas Perdagangan", "Disdag", "dinas", "Agus Salim, S.H., M.H.", "196912051996031002", "Kepala Dinas"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas", "Yudi Hartono, S.T., M.T.", "197307172001121004", "Kepala Dinas"),
    ("Dinas Perindustrian dan Tenaga Kerja", "Disperinaker", "dinas", "Siti Maryam, S.E.", "197602282006042011", "Kepala Dinas"),
    ("Dinas Sosial", "Dinsos", "dinas", "Drs. Mulyono, M.Si.", "196705211993031008", "Kepala Dinas"),
    ("Dinas Kebudayaan dan Pariwisata", "Disbudpar", "dinas", "Dewi Kartika, S.Sn., M.M.", "197809142005022006", "Kepala Dinas"),
    ("Dinas Pemadam Kebakaran", "Damkar", "dinas", "Eko Purnomo, S.Sos.", "197101011997031009", "Kepala Dinas"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "badan", "Suharto, S.STP., M.Si.", "197412122000121003", "Kepala Pelaksana"),
    ("Dinas Pekerjaan Umum Bina Marga", "DPU Bina Marga", "dinas", "Ir. Wahyu Hidayat, M.T.", "196910101995031011", "Kepala Dinas"),
    ("Dinas Perhubungan", "Dishub", "dinas", "Rudi Setiawan, A.TD., M.T.", "197503052002121005", "Kepala Dinas"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "dinas", "Hj. Nur Aini, S.Sos., M.M.", "197308082000032004", "Kepala Dinas"),
    ("Bagian Pembangunan Sekretariat Daerah", "Bag. Pembangunan", "bagian", "Teguh Santoso, S.E., M.Si.", "197710172006041012", "Kepala Bagian"),
]  # fmt: skip

PROGRAMME = {"year_joined": 2026, "period_start": 2027, "period_end": 2036, "status": "workshops"}

# stage: (first day, last day, venue, status)
WORKSHOPS = {
    1: ("2026-07-07", "2026-07-08", "Ruang Rapat Lantai 1 Sekretariat Daerah Kabupaten Tuban", "done"),
    2: ("2026-08-11", "2026-08-12", "Ruang Rapat Bappeda Kabupaten Tuban", "done"),
    3: ("2026-09-15", "2026-09-16", "Ruang Rapat Lantai 1 Sekretariat Daerah Kabupaten Tuban", "done"),
    4: ("2026-12-08", "2026-12-09", "Pendopo Krido Manunggal Tuban", "planned"),
}  # fmt: skip

PASSWORD = "tuban2026"

# username, full name, role, OPD acronym (or None), position, organisation
ACCOUNTS = [
    ("sekretariat", "Rina Kusumawati, S.Kom.", "secretariat", "Diskominfo", "Kepala Bidang Aplikasi Informatika", ""),
    ("bupati", REGENCY["head_name"], "regional_head", None, "Bupati Tuban", ""),
    ("mentor", "Farhan Hidayat, M.T.", "mentor", None, "Tenaga Ahli Pendamping", "Citiasia Inc."),
    ("wakil.bappeda", "Dimas Pratama, S.T.", "opd_rep", "Bappeda", "Perencana Ahli Muda", ""),
    ("wakil.dinkes", "Nurul Fitriani, S.KM.", "opd_rep", "Dinkes", "Kepala Seksi Data dan Informasi", ""),
]  # fmt: skip

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

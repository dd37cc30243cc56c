"""Demo text of the masterplan books of Kabupaten Tuban, written in Indonesian."""

from regency.models import Programme

from .models import Chapter, ChapterComment, ChapterRevision

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
    _place_data_blocks(programme)


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
    (3, 1): "<h2>Kemajuan Penyusunan Dokumen</h2><p>Status penyusunan setiap buku masterplan "
    "pada saat dokumen ini dicetak.</p>"
    '<div data-block="chapter-progress"></div>',
}


def _place_data_blocks(programme: Programme) -> None:
    for (number, order), block in BLOCKS.items():
        chapter = Chapter.objects.filter(
            book__programme=programme, book__number=number, order=order
        )
        chapter = chapter.first()
        if chapter:
            chapter.body += block
            chapter.save()


def fill_review(programme: Programme) -> None:
    """Revisions and review comments by the demo people (once their accounts exist)."""
    from regency.models import User

    if ChapterRevision.objects.filter(chapter__book__programme=programme).exists():
        return
    from . import revisions

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

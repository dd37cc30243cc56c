"""Demo regency: Kabupaten Tuban, the agencies named in the seeds, and an account per role.

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

OFFICE = {
    "office_name": "Dinas Komunikasi dan Informatika",
    "office_address": "Jl. Kartini No. 3, Tuban, Jawa Timur 62313",
    "office_phone": "(0356) 321001",
    "office_email": "diskominfo@tubankab.go.id",
    "office_website": "https://diskominfo.tubankab.go.id",
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

PASSWORD = "tuban2026"

# username, full name, role, OPD acronym (or None), position, organisation
ACCOUNTS = [
    ("sekretariat", "Rina Kusumawati, S.Kom.", "secretariat", "Diskominfo", "Kepala Bidang Aplikasi Informatika", ""),
    ("bupati", REGENCY["head_name"], "regional_head", None, "Bupati Tuban", ""),
    ("mentor", "Farhan Hidayat, M.T.", "mentor", None, "Tenaga Ahli Pendamping", "Citiasia Inc."),
    ("wakil.bappeda", "Dimas Pratama, S.T.", "opd_rep", "Bappeda", "Perencana Ahli Muda", ""),
    ("wakil.dinkes", "Nurul Fitriani, S.KM.", "opd_rep", "Dinkes", "Kepala Seksi Data dan Informasi", ""),
]  # fmt: skip

"""The six dimensions and their elements as the national programme defines them (domain.md)."""

# Books and Bimtek stages are numbered in Roman numerals.
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}

DIMENSIONS = [
    (
        "governance",
        "Smart Governance",
        "Smart Governance",
        [
            ("pelayanan-publik", "Pelayanan publik", "Public service"),
            ("manajemen-birokrasi", "Manajemen birokrasi yang efisien", "Efficient bureaucracy"),
            ("kebijakan-publik", "Efisiensi kebijakan publik", "Efficient public policy"),
        ],
    ),
    (
        "branding",
        "Smart Branding",
        "Smart Branding",
        [
            ("branding-pariwisata", "Branding ekosistem pariwisata", "Tourism ecosystem branding"),
            ("branding-bisnis", "Branding ekosistem bisnis", "Business ecosystem branding"),
            ("branding-wajah-kota", "Branding wajah kota", "City appearance"),
        ],
    ),
    (
        "economy",
        "Smart Economy",
        "Smart Economy",
        [
            ("ekosistem-industri", "Ekosistem industri yang berdaya saing", "Competitive industry"),
            ("kesejahteraan-rakyat", "Kesejahteraan rakyat", "People's welfare"),
            ("transaksi-keuangan", "Ekosistem transaksi keuangan", "Financial transactions"),
        ],
    ),
    (
        "living",
        "Smart Living",
        "Smart Living",
        [
            ("tata-ruang", "Harmonisasi tata ruang", "Harmony of spatial planning"),
            ("kesehatan", "Kesehatan", "Health"),
            ("mobilitas", "Mobilitas / transportasi", "Mobility and transport"),
        ],
    ),
    (
        "society",
        "Smart Society",
        "Smart Society",
        [
            ("komunitas", "Interaksi / komunitas masyarakat", "Community interaction"),
            ("ekosistem-belajar", "Ekosistem belajar", "Learning ecosystem"),
            ("keamanan-masyarakat", "Sistem keamanan masyarakat", "Public safety"),
        ],
    ),
    (
        "environment",
        "Smart Environment",
        "Smart Environment",
        [
            ("proteksi-lingkungan", "Proteksi lingkungan", "Environmental protection"),
            ("sampah-limbah", "Tata kelola sampah dan limbah", "Waste management"),
            ("energi", "Tata kelola energi", "Energy management"),
        ],
    ),
]

"""Seed the six smart-city dimensions and their three elements each (domain.md).

The data is copied here rather than imported so that this migration never changes.
"""

from django.db import migrations

DIMENSIONS = [('governance',
  'Smart Governance',
  'Smart Governance',
  [('pelayanan-publik', 'Pelayanan publik', 'Public service'),
   ('manajemen-birokrasi', 'Manajemen birokrasi yang efisien', 'Efficient bureaucracy'),
   ('kebijakan-publik', 'Efisiensi kebijakan publik', 'Efficient public policy')]),
 ('branding',
  'Smart Branding',
  'Smart Branding',
  [('branding-pariwisata', 'Branding ekosistem pariwisata', 'Tourism ecosystem branding'),
   ('branding-bisnis', 'Branding ekosistem bisnis', 'Business ecosystem branding'),
   ('branding-wajah-kota', 'Branding wajah kota', 'City appearance')]),
 ('economy',
  'Smart Economy',
  'Smart Economy',
  [('ekosistem-industri', 'Ekosistem industri yang berdaya saing', 'Competitive industry'),
   ('kesejahteraan-rakyat', 'Kesejahteraan rakyat', "People's welfare"),
   ('transaksi-keuangan', 'Ekosistem transaksi keuangan', 'Financial transactions')]),
 ('living',
  'Smart Living',
  'Smart Living',
  [('tata-ruang', 'Harmonisasi tata ruang', 'Harmony of spatial planning'),
   ('kesehatan', 'Kesehatan', 'Health'),
   ('mobilitas', 'Mobilitas / transportasi', 'Mobility and transport')]),
 ('society',
  'Smart Society',
  'Smart Society',
  [('komunitas', 'Interaksi / komunitas masyarakat', 'Community interaction'),
   ('ekosistem-belajar', 'Ekosistem belajar', 'Learning ecosystem'),
   ('keamanan-masyarakat', 'Sistem keamanan masyarakat', 'Public safety')]),
 ('environment',
  'Smart Environment',
  'Smart Environment',
  [('proteksi-lingkungan', 'Proteksi lingkungan', 'Environmental protection'),
   ('sampah-limbah', 'Tata kelola sampah dan limbah', 'Waste management'),
   ('energi', 'Tata kelola energi', 'Energy management')])]


def seed(apps, schema_editor):
    Dimension = apps.get_model("regency", "Dimension")
    Element = apps.get_model("regency", "Element")
    for order, (code, name_id, name_en, elements) in enumerate(DIMENSIONS, start=1):
        dimension, _ = Dimension.objects.get_or_create(
            code=code, defaults={"name_id": name_id, "name_en": name_en, "order": order}
        )
        for element_order, (element_code, element_id, element_en) in enumerate(elements, start=1):
            Element.objects.get_or_create(
                code=element_code,
                defaults={
                    "dimension": dimension,
                    "name_id": element_id,
                    "name_en": element_en,
                    "order": element_order,
                },
            )


def unseed(apps, schema_editor):
    apps.get_model("regency", "Dimension").objects.filter(
        code__in=[code for code, *_ in DIMENSIONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("regency", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]

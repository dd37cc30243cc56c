"""Create a self-signed document-signing key and certificate for development and the demo."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...commitments import certificate


class Command(BaseCommand):
    help = (
        "Write a self-signed key and certificate to SIGNING_KEY_FILE and SIGNING_CERT_FILE "
        "(development and demo only; production uses a certificate from a CA)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Replace existing files.")

    def handle(self, *args, force=False, **options):
        key_file, cert_file = settings.SIGNING_KEY_FILE, settings.SIGNING_CERT_FILE
        if (key_file.exists() or cert_file.exists()) and not force:
            raise CommandError(f"{cert_file} exists already; use --force to replace it.")
        info = certificate.generate()  # the same as the certificate page's button
        self.stdout.write(self.style.SUCCESS(f"Self-signed certificate written to {cert_file}."))
        self.stdout.write(f"SHA-256 fingerprint: {info.fingerprint}")

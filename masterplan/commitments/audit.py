"""The audit trail of a commitment sheet: its content's hash, and events chained by hash so
that a removed, reordered or altered event shows."""

import hashlib
import json

from django.db import transaction
from django.utils import timezone

from regency.models import User

from .models import CommitmentSheet, SigningEvent


def canonical_content(sheet: CommitmentSheet) -> dict:
    """Everything a signatory agrees to, in a fixed form; the hash is taken over this."""
    return {
        "programme": sheet.programme_id,
        "version": sheet.version,
        "title": sheet.title,
        "statement": sheet.statement.replace("\r\n", "\n").strip(),
        "place": sheet.place,
        "date": sheet.date.isoformat(),
        "regional_head_last": sheet.regional_head_last,
        "signatories": [
            [s.number, s.user_id, s.name, s.position, s.is_regional_head]
            for s in sheet.signatories.order_by("number")
        ],
    }


def compute_hash(sheet: CommitmentSheet) -> str:
    text = json.dumps(canonical_content(sheet), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def record_event(
    sheet: CommitmentSheet,
    kind: str,
    actor: User | None = None,
    detail: str = "",
    ip: str | None = None,
) -> SigningEvent:
    """Append an audit event whose hash covers its content and the previous event's hash.

    The sheet's row is locked while the event is chained, so two events recorded at once (a
    reminder as someone signs) cannot both follow the same one; the chain runs in pk order,
    which no worker's clock can reorder."""
    with transaction.atomic():
        CommitmentSheet.objects.select_for_update().get(pk=sheet.pk)
        return _append_event(sheet, kind, actor, detail, ip)


def _append_event(
    sheet: CommitmentSheet, kind: str, actor: User | None, detail: str, ip: str | None
) -> SigningEvent:
    previous = sheet.events.order_by("-pk").first()
    event = SigningEvent(
        sheet=sheet,
        kind=kind,
        actor=actor,
        actor_name=actor.display_name if actor else "",
        detail=detail[:500],
        content_hash=sheet.content_hash,
        ip_address=ip,
        at=timezone.now(),
        previous_hash=previous.event_hash if previous else "",
    )
    event.event_hash = event_digest(event)
    event.save()
    return event


def event_digest(event: SigningEvent) -> str:
    fields = [
        event.previous_hash,
        str(event.sheet_id),
        event.kind,
        str(event.actor_id or ""),
        event.actor_name,
        event.detail,
        event.content_hash,
        event.ip_address or "",
        event.at.isoformat(),
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def audit_trail_intact(sheet: CommitmentSheet) -> bool:
    """True when no event was removed, reordered or altered since it was recorded."""
    previous = ""
    for event in sheet.events.order_by("pk"):
        if event.previous_hash != previous or event_digest(event) != event.event_hash:
            return False
        previous = event.event_hash
    return True

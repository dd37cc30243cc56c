"""Saving chapters: every save is a revision, a stale save is refused, old text can come back.

Concurrency is optimistic: the editor sends the version it started from; the save only
succeeds if the chapter is still at that version (one conditional UPDATE, so two saves at
the same instant cannot both win, on SQLite as on PostgreSQL).
"""

import difflib
import html
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from regency.html import CHAPTER, sanitize
from regency.models import User

from .models import Chapter, ChapterRevision


class StaleSave(Exception):
    """Someone saved the chapter after the editor opened it; nothing was written."""

    def __init__(self, chapter: Chapter, body: str, title: str) -> None:
        super().__init__(f"chapter {chapter.pk} is at version {chapter.version}")
        self.chapter = chapter  # as it is now in the database
        self.body = body  # the refused text, sanitised, so that it is not lost
        self.title = title


def _record_initial(chapter: Chapter) -> None:
    """Keep the text a chapter had before its first save through the editor."""
    if not chapter.revisions.exists():
        ChapterRevision.objects.create(
            chapter=chapter,
            version=chapter.version,
            title=chapter.title,
            body=chapter.body,
            author=chapter.updated_by,
            created_at=chapter.updated_at,
        )


@transaction.atomic
def save_chapter(
    chapter: Chapter,
    body: str,
    base_version: int,
    user: User,
    title: str | None = None,
    restored_from: int | None = None,
) -> ChapterRevision:
    """Store a new text for the chapter as the next revision, or raise StaleSave."""
    body = sanitize(body, CHAPTER)
    title = (title or chapter.title).strip()
    _record_initial(chapter)
    updated = Chapter.objects.filter(pk=chapter.pk, version=base_version).update(
        body=body,
        title=title,
        version=F("version") + 1,
        updated_by=user,
        updated_at=timezone.now(),
    )
    chapter.refresh_from_db()
    if not updated:
        raise StaleSave(chapter, body, title)
    return ChapterRevision.objects.create(
        chapter=chapter,
        version=chapter.version,
        title=chapter.title,
        body=chapter.body,
        author=user,
        created_at=chapter.updated_at,
        restored_from=restored_from,
    )


def restore(chapter: Chapter, revision: ChapterRevision, user: User) -> ChapterRevision:
    """Bring back an old revision's text as a new revision (history is never rewritten)."""
    return save_chapter(
        chapter,
        revision.body,
        chapter.version,
        user,
        title=revision.title,
        restored_from=revision.version,
    )


# --- Differences ------------------------------------------------------------------------

_BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|tr|caption|figcaption|blockquote|div)>|<br\s*/?>)")
_DATA_BLOCK = re.compile(r'<div[^>]*data-block="([^"]*)"[^>]*>.*?</div>', re.DOTALL)
_CELL_END = re.compile(r"</t[hd]>")
_TAG = re.compile(r"<[^>]+>")


def text_lines(body: str) -> list[str]:
    """A chapter's text as one line per paragraph, heading, list item or table row."""
    body = _DATA_BLOCK.sub(lambda m: f"[blok data: {m.group(1)}]</p>", body or "")
    body = _CELL_END.sub(" | ", body)
    body = _BLOCK_END.sub("\n", body)
    lines = (html.unescape(_TAG.sub("", line)).strip(" |\t") for line in body.split("\n"))
    return [" ".join(line.split()) for line in lines if line.strip(" |\t")]


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed", or "skipped" (text = how many unchanged lines)
    text: str


def diff(old_body: str, new_body: str, context: int | None = None) -> list[DiffLine]:
    """Line-by-line differences between two chapter texts, as a reader sees the text.

    With ``context``, long runs of unchanged lines shrink to that many lines around each change.
    """
    lines = []
    for line in difflib.ndiff(text_lines(old_body), text_lines(new_body)):
        code, text = line[:2], line[2:]
        if code == "  ":
            lines.append(DiffLine("same", text))
        elif code == "- ":
            lines.append(DiffLine("removed", text))
        elif code == "+ ":
            lines.append(DiffLine("added", text))
    return lines if context is None else _shrink(lines, context)


def _shrink(lines: list[DiffLine], context: int) -> list[DiffLine]:
    changed = [i for i, line in enumerate(lines) if line.kind != "same"]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    result, skipped = [], 0
    for i, line in enumerate(lines):
        if i in keep or line.kind != "same":
            if skipped:
                result.append(DiffLine("skipped", str(skipped)))
                skipped = 0
            result.append(line)
        else:
            skipped += 1
    if skipped:
        result.append(DiffLine("skipped", str(skipped)))
    return result

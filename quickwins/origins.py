"""Where a quick win came from: a roadmap item or an OPD's proposal.

Both live in masterplan, which this app may not import. masterplan registers, when it is
ready, a function that describes a quick win's origin; the quick win's page asks it here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from regency.models import User

from .models import QuickWin


@dataclass(frozen=True)
class Origin:
    label: str
    url: str = ""


@dataclass(frozen=True)
class OriginLinks:
    origin: Origin | None
    edit_url: str = ""  # where the secretariat links the quick win to its origin


_provider: Callable[..., OriginLinks] | None = None


def register(provider: Callable[..., OriginLinks]) -> None:
    global _provider
    _provider = provider


def of(quick_win: QuickWin, user: User) -> OriginLinks:
    """The origin ``user`` may follow, and where the secretariat may change it."""
    links = _provider(quick_win, user) if _provider else OriginLinks(None)
    if links.origin is None and quick_win.origin_note:
        links = OriginLinks(Origin(quick_win.origin_note), links.edit_url)
    return links

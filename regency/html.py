"""The one HTML sanitiser, for what people write in the rich-text editors (chapters, minutes).

Each editor has a policy: the tags and attributes it keeps. The server cleans every save with
it (nh3), and the editor's TinyMCE is told the same list (``valid_elements``), read from here
through the ``{% valid_elements %}`` template tag rather than copied by hand into JavaScript.
"""

from dataclasses import dataclass, field

import nh3


@dataclass(frozen=True)
class Policy:
    tags: frozenset[str]
    attributes: dict[str, frozenset[str]] = field(default_factory=dict)
    # attributes only the editor uses while editing (never stored): e.g. a data block's box
    editor_only: dict[str, frozenset[str]] = field(default_factory=dict)


CHAPTER = Policy(
    tags=frozenset({
        "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
        "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "span", "div",
    }),
    attributes={
        "a": frozenset({"href", "title"}),
        "img": frozenset({"src", "alt", "width", "height"}),
        "th": frozenset({"colspan", "rowspan", "scope"}),
        "td": frozenset({"colspan", "rowspan"}),
        "col": frozenset({"span"}),
        "ol": frozenset({"start"}),
        "div": frozenset({"data-block", "data-dimension", "data-year", "data-stage"}),
    },
    editor_only={"div": frozenset({"contenteditable"})},
)  # fmt: skip

MINUTES = Policy(
    tags=frozenset({
        "p", "br", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol",
        "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    }),
    attributes={
        "a": frozenset({"href", "title"}),
        "th": frozenset({"colspan", "rowspan"}),
        "td": frozenset({"colspan", "rowspan"}),
    },
)  # fmt: skip

POLICIES = {"chapter": CHAPTER, "minutes": MINUTES}
# TinyMCE writes these tags, and accepts their older spellings in pasted text as the same.
_ALIASES = {"strong": "b", "em": "i"}


def sanitize(html: str, policy: Policy) -> str:
    """Keep what ``policy`` allows; drop scripts, styles, event handlers, ids and classes."""
    return nh3.clean(
        html or "",
        tags=set(policy.tags),
        attributes={tag: set(names) for tag, names in policy.attributes.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def valid_elements(policy: Policy) -> str:
    """The policy in TinyMCE's ``valid_elements`` notation: ``a[href|title],strong/b,...``."""
    aliased = set(_ALIASES.values()) & policy.tags
    rules = []
    for tag in sorted(policy.tags - aliased):
        names = sorted(policy.attributes.get(tag, set()) | policy.editor_only.get(tag, set()))
        alias = _ALIASES.get(tag)
        spelled = f"{tag}/{alias}" if alias in policy.tags else tag
        rules.append(f"{spelled}[{'|'.join(names)}]" if names else spelled)
    return ",".join(rules)

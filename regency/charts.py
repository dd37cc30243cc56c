"""Charts as standalone SVG drawn by pygal, in one look for every app: no script, so that a
page can inline them and WeasyPrint can draw them in a book.

    chart = charts.draw(pygal.Pie, colours, width=480, height=320)
    chart.add(...)
    return charts.svg(chart)
"""

import re
from collections.abc import Iterable
from typing import Any

from pygal.style import Style


def draw(kind: Any, colours: Iterable[str], *, font_size: int = 12, **options: Any) -> Any:
    """An empty pygal chart of ``kind`` (e.g. ``pygal.Pie``) in the app's style (pygal ships
    no types: charts are Any)."""
    style = Style(
        background="white",
        plot_background="white",
        font_family="DejaVu Sans, sans-serif",
        colors=tuple(colours),
        label_font_size=font_size,
        major_label_font_size=font_size,
        legend_font_size=font_size,
        value_font_size=font_size - 1,
    )
    return kind(style=style, js=[], disable_xml_declaration=True, **options)


def svg(chart: Any) -> str:
    # pygal always embeds its config for its optional tooltips script; a book needs neither.
    return re.sub(r"<script\b.*?</script>", "", chart.render(is_unicode=True), flags=re.S)

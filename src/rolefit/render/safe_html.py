"""User text made safe for HTML and inline SVG: the one place that does it.

A name, a skill, a file name or a piece of evidence can hold `<script>`, an
`<img onerror=...>` or a quote that would end an attribute. Each goes through
`escape`, which shows control and bidi codes as the terminal helper does, then
escapes `& < > " '`, so the text is shown exactly as written and never parsed
as markup, in element content and in quoted attributes alike.
"""

from __future__ import annotations

import html

from rolefit.render.safe_terminal import visible


def escape(text: str) -> str:
    """User text for HTML or SVG element content or a quoted attribute value."""
    return html.escape(visible(text), quote=True)

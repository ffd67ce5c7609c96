"""Safe rich text from the public forms, through Wagtail's own whitelisting.

No extra sanitising library is installed: Wagtail's ``EditorHTMLConverter`` keeps only the
elements and attributes of the allowed features (``kb.models.SAFE_RICH_TEXT_FEATURES``), drops
event-handler attributes and ``javascript:`` links. Before it, elements whose *content* is code
(script, style, iframe…) are removed whole, so their text does not survive either.
"""

import re

from bs4 import BeautifulSoup
from django.utils.html import escape
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from kb.models import SAFE_RICH_TEXT_FEATURES

DROPPED_WITH_CONTENT = (
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "noscript",
    "svg",
)
_TAG = re.compile(r"<[a-zA-Z/!]")


def plain_text_to_html(text):
    """Paragraphs separated by blank lines; single line breaks kept."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br/>") + "</p>" for p in paragraphs)


def sanitise_rich_text(value, features=SAFE_RICH_TEXT_FEATURES):
    """Return database-format rich text with only safe formatting ("" if nothing remains)."""
    value = (value or "").strip()
    if not value:
        return ""
    if not _TAG.search(value):
        value = plain_text_to_html(value)
    soup = BeautifulSoup(value, "html.parser")
    for element in soup.find_all(DROPPED_WITH_CONTENT):
        element.decompose()
    cleaned = EditorHTMLConverter(features=features).to_database_format(str(soup)).strip()
    if not BeautifulSoup(cleaned, "html.parser").get_text(strip=True):
        return ""
    return cleaned


def rich_text_to_editable(value):
    """The stored rich text as the form shows it back (the same safe HTML)."""
    return str(value or "")

"""How complete a sheet is: which recommended fields are filled (computed, nothing stored)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from practices.blocks import SectionKind
from practices.models import CharterPage, ExperiencePage, JobDescriptionPage


def _field(name):
    def filled(page):
        return getattr(page, name, None) not in (None, "", [], ())

    return filled


def _relation(name):
    def filled(page):
        return bool(list(getattr(page, name).all()))

    return filled


def _section(kind):
    def filled(page):
        return any(
            block.block_type == "section" and block.value.get("kind") == kind for block in page.body
        )

    return filled


def _block(block_type):
    def filled(page):
        return any(block.block_type == block_type for block in page.body)

    return filled


COMMON = [
    (_("summary"), _field("summary")),
    (_("themes"), _relation("themes")),
    (pgettext_lazy("taxonomy", "tags"), _relation("tags")),
]

RECOMMENDED = {
    ExperiencePage: COMMON
    + [
        (_("department"), _field("department")),
        (_("target audiences"), _field("publics")),
        (_("participation methods"), _field("methods")),
        (_("participation level"), _field("level")),
        (SectionKind.LABELS["context"], _section("context")),
        (SectionKind.LABELS["difficulties"], _section("difficulties")),
        (SectionKind.LABELS["recommendations"], _section("recommendations")),
        (_("resource persons"), _block("resource_persons")),
        (_("documents"), _block("documents")),
    ],
    JobDescriptionPage: COMMON
    + [
        (_("parent service or directorate"), _field("service")),
        (_("reporting line"), _field("reporting_line")),
        (_("activities"), _field("activities")),
        (_("knowledge"), _field("skills_knowledge")),
        (_("know-how"), _field("skills_know_how")),
        (_("interpersonal skills"), _field("skills_interpersonal")),
        (_("working conditions"), _field("working_conditions")),
        (_("job description as a PDF"), _field("document_id")),
    ],
    CharterPage: COMMON
    + [
        (_("guarantee mechanism"), _field("guarantor")),
        (_("adoption date"), _field("adoption_date")),
        (_("local authority or organisation"), _field("authority")),
        (_("charter text"), _field("document_id")),
        (SectionKind.LABELS["context"], _section("context")),
    ],
}


class Completeness:
    def __init__(self, filled, missing):
        self.filled = filled
        self.missing = missing
        total = len(filled) + len(missing)
        self.percent = round(100 * len(filled) / total) if total else 100

    def __str__(self):
        return f"{self.percent} %"


def completeness(page):
    """The completeness of ``page`` (a specific page or the latest revision as an object)."""
    checks = next(
        (checks for model, checks in RECOMMENDED.items() if isinstance(page, model)), None
    )
    if checks is None:
        return None
    filled, missing = [], []
    for label, check in checks:
        (filled if check(page) else missing).append(str(label))
    return Completeness(filled, missing)

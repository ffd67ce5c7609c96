"""How complete a sheet is: which recommended fields are filled (computed, nothing stored)."""

from django.utils.translation import gettext_lazy as _

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
    (_("résumé"), _field("summary")),
    (_("thèmes"), _relation("themes")),
    (_("étiquettes"), _relation("tags")),
]

RECOMMENDED = {
    ExperiencePage: COMMON
    + [
        (_("département"), _field("department")),
        (_("publics concernés"), _field("publics")),
        (_("méthodes de participation"), _field("methods")),
        (_("niveau de participation"), _field("level")),
        (SectionKind.LABELS["context"], _section("context")),
        (SectionKind.LABELS["difficulties"], _section("difficulties")),
        (SectionKind.LABELS["recommendations"], _section("recommendations")),
        (_("personnes ressources"), _block("resource_persons")),
        (_("documents"), _block("documents")),
    ],
    JobDescriptionPage: COMMON
    + [
        (_("service ou direction de rattachement"), _field("service")),
        (_("rattachement hiérarchique"), _field("reporting_line")),
        (_("activités"), _field("activities")),
        (_("savoirs"), _field("skills_knowledge")),
        (_("savoir-faire"), _field("skills_know_how")),
        (_("savoir-être"), _field("skills_interpersonal")),
        (_("conditions de travail"), _field("working_conditions")),
        (_("fiche de poste en PDF"), _field("document_id")),
    ],
    CharterPage: COMMON
    + [
        (_("dispositif de garantie"), _field("guarantor")),
        (_("date d'adoption"), _field("adoption_date")),
        (_("collectivité ou structure"), _field("authority")),
        (_("texte de la charte"), _field("document_id")),
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

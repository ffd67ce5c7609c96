"""The sections of the site: one index page per practice type under the home page.

Used by the demo-content command and by tests; creating the same section twice is a no-op.
"""

from django.utils.translation import gettext as _

from kb.models import HomePage
from practices.models import (
    CharterIndexPage,
    EventIndexPage,
    ExperienceIndexPage,
    JobDescriptionIndexPage,
    WorkshopOutcomeIndexPage,
)


def section_specs():
    """(index model, slug, title, introduction) of every section, in menu order."""
    return [
        (
            ExperienceIndexPage,
            "experiences",
            _("Fiches d'expérience"),
            _("Des démarches de participation racontées par celles et ceux qui les mènent."),
        ),
        (
            JobDescriptionIndexPage,
            "fiches-de-poste",
            _("Fiches de poste"),
            _("Les métiers de la participation : missions, compétences, rattachements."),
        ),
        (
            CharterIndexPage,
            "chartes",
            _("Chartes de la participation"),
            _("Manifestes, guides et cadres de garantie de la participation."),
        ),
        (
            WorkshopOutcomeIndexPage,
            "ateliers",
            _("Restitutions d'ateliers"),
            _("Ce que les ateliers d'échange entre pairs ont produit."),
        ),
        (
            EventIndexPage,
            "evenements",
            _("Événements"),
            _("Les rencontres de la profession et leurs programmes."),
        ),
    ]


def ensure_sections():
    """Return {index model: index page}, creating the missing sections under the home page."""
    home = HomePage.objects.get()
    sections = {}
    for model, slug, title, intro in section_specs():
        page = model.objects.child_of(home).first()
        if page is None:
            page = home.add_child(
                instance=model(title=title, slug=slug, intro=f"<p>{intro}</p>", show_in_menus=True)
            )
            page.save_revision().publish()
        sections[model] = page
    return sections

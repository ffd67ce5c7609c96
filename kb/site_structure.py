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
            _("Experience sheets"),
            _("Participation processes told by the people who run them."),
        ),
        (
            JobDescriptionIndexPage,
            "fiches-de-poste",
            _("Job descriptions"),
            _("The jobs of participation: missions, skills, reporting lines."),
        ),
        (
            CharterIndexPage,
            "chartes",
            _("Participation charters"),
            _("Manifestos, guides and guarantee frameworks for participation."),
        ),
        (
            WorkshopOutcomeIndexPage,
            "ateliers",
            _("Workshop outcomes"),
            _("What the peer-exchange workshops produced."),
        ),
        (
            EventIndexPage,
            "evenements",
            _("Events"),
            _("The profession's meetings and their programmes."),
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

"""Small page fixtures built with Wagtail's page API (no demo corpus)."""

from kb.models import HomePage
from practices.models import (
    CharterIndexPage,
    ExperienceIndexPage,
    ExperiencePage,
    JobDescriptionIndexPage,
    Theme,
)


def sections():
    home = HomePage.objects.get()
    found = {}
    for model, slug, title in (
        (ExperienceIndexPage, "experiences", "Fiches d'expérience"),
        (JobDescriptionIndexPage, "fiches-de-poste", "Fiches de poste"),
        (CharterIndexPage, "chartes", "Chartes"),
    ):
        index = model.objects.first()
        if index is None:
            index = home.add_child(instance=model(title=title, slug=slug))
            index.save_revision().publish()
        found[model] = index
    return found


def theme(name="Budget participatif", slug="budget-participatif"):
    return Theme.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def experience(index, title="Budget participatif de Lille", owner=None, publish=True, **extra):
    values = {
        "title": title,
        "slug": extra.pop("slug", None) or title.lower().replace(" ", "-")[:50],
        "summary": "Un budget participatif pour les quartiers.",
        "organisation": "Ville de Lille",
        "authority_type": "commune",
        "region": "hauts-de-france",
        "start_year": 2012,
        "owner": owner,
        "live": publish,
    }
    values.update(extra)
    page = index.add_child(instance=ExperiencePage(**values))
    if publish:
        page.save_revision(user=owner).publish()
    return page

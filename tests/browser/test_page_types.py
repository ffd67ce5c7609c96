"""Every page type in Chromium: zero WCAG 2.1 A/AA violations (axe-core), a screenshot at 375 and
1,280 px, under 200 KB of CSS and JavaScript, no request to another host, no horizontal scrolling.
"""

import re

import pytest
from django.urls import NoReverseMatch, reverse
from taggit.models import Tag

from practices.models import ExperiencePage, JobDescriptionPage, Theme, practice_page_models

from .conftest import ASSET_BUDGET, asset_sizes, run_axe, screenshot, tab_to
from .journeys import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (375, 1280)


def _url(name, *args, **kwargs):
    try:
        return reverse(name, args=args, kwargs=kwargs)
    except NoReverseMatch:
        return None


def public_page_types():
    """(name, path) of one page of every public type, from the demo corpus."""
    from kb.models import HomePage

    home = HomePage.objects.get()
    pages = [("accueil", home.url)]
    for model in practice_page_models():
        name = model._meta.model_name.removesuffix("page")
        item = model.listing_queryset().first()
        assert item is not None, f"the demo corpus has no {model.__name__}"
        index = item.get_parent()
        pages.append((f"rubrique-{name}", index.url))
        pages.append((f"fiche-{name}", item.url))
    experiences = pages[1][1]
    pages.append(("rubrique-filtre-invalide", f"{experiences}?year=1800&theme=inconnu"))
    pages.append(("themes", reverse("practices:theme_list")))
    theme = Theme.objects.with_page_counts().filter(page_count__gt=0).first()
    pages.append(("theme", theme.get_absolute_url()))
    tag = Tag.objects.first()
    pages.append(("etiquette", reverse("practices:tag", args=[tag.slug])))
    pages.append(("page-introuvable", "/cette-page-n-existe-pas/"))
    jobs = list(JobDescriptionPage.objects.live().public().values_list("pk", flat=True)[:2])
    for name, url_name, query in [
        ("metiers", "practices:job_statistics", ""),
        (
            "metiers-comparer",
            "practices:job_compare",
            "?" + "&".join(f"fiches={pk}" for pk in jobs),
        ),
        ("territoires", "practices:territories", ""),
        ("donnees", "practices:opendata", ""),
    ]:
        url = _url(url_name)
        if url:
            pages.append((name, url + query))
    pages.append(("accessibilite", reverse("accessibility")))
    for name, url_name, query in [
        ("recherche", "search:search", "?q=budget+participatif"),
        ("recherche-vide", "search:search", "?q=zzzzqqqq"),
        ("connexion", "account_login", ""),
        ("inscription", "account_signup", ""),
        ("mot-de-passe-oublie", "account_reset_password", ""),
    ]:
        url = _url(url_name)
        if url:
            pages.append((name, url + query))
    return pages


def check_page(page, name, path):
    """Load ``path`` at each width; return the problems found, as readable strings."""
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(path, wait_until="load")
        if response is None or response.status >= 500:
            problems.append(f"{name}: {path} answered {response and response.status}")
            continue
        assets = asset_sizes(page)
        weight = sum(assets.values())
        if weight >= ASSET_BUDGET:
            problems.append(f"{name}: {weight} bytes of CSS+JS ({assets})")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{name} at {width}px: {overflow}px of horizontal scrolling")
        screenshot(page, name)
        problems += [f"{name} at {width}px: {v}" for v in run_axe(page)]
        REPORT[name] = {"path": path, "css_js_bytes": weight, "assets": assets}
    return problems


REPORT = {}


@pytest.mark.slow
def test_every_public_page_type_is_accessible_light_and_local(demo_site, page):
    problems = []
    for name, path in public_page_types():
        problems += check_page(page, name, path)
    print("\nCSS+JS bytes per page type:", {k: v["css_js_bytes"] for k, v in REPORT.items()})
    assert problems == [], "\n".join(problems)

    # A filter in error names its field: aria-invalid, and the message tied by aria-describedby
    page.goto(dict(public_page_types())["rubrique-filtre-invalide"])
    year = page.locator("main form.filters [name=year]")
    assert year.get_attribute("aria-invalid") == "true"
    described = (year.get_attribute("aria-describedby") or "").split()
    assert any(page.locator(f"#{i}").text_content().strip() for i in described)

    # A help text made of a list (the password rules) describes its field whole
    from playwright.sync_api import expect  # imported once the browser tests are known to run

    page.goto(reverse("account_signup"))
    expect(page.locator("#id_password1")).to_have_accessible_description(
        re.compile("au minimum 8 caractères")
    )

    # allauth's own pages (password reset…) have the site's buttons, as the log-in page has
    page.goto(reverse("account_login"))
    background = "b => getComputedStyle(b).backgroundColor"
    site_button = page.locator("main form button[type=submit]").evaluate(background)
    page.goto(reverse("account_reset_password"))
    assert page.locator("main form button[type=submit]").evaluate(background) == site_button


def test_allauth_own_forms_space_and_group_like_the_sites(page, django_user_model):
    """allauth's own pages: the paragraph after the password reset form stands apart from its
    button, and the e-mail addresses to act on are a named group of radios in the site's style."""
    from allauth.account.models import EmailAddress
    from playwright.sync_api import expect  # imported once the browser tests are known to run

    from tests.accounts.helpers import PASSWORD, approved_user

    page.goto(reverse("account_reset_password"))
    below_button = page.evaluate(
        """() => {
            const button = document.querySelector('main form .form-actions button');
            const after = document.querySelector('main form + p');
            return after.getBoundingClientRect().top - button.getBoundingClientRect().bottom;
        }"""
    )
    assert below_button >= 16, f"the closing paragraph is {below_button}px under the button"

    user = approved_user(django_user_model, "camille", "Membres")
    EmailAddress.objects.create(user=user, email="camille.mairie@example.org", verified=False)
    log_in(page, user.email, PASSWORD, next_path=reverse("account_email"))

    # A group named by its legend, in a fieldset like the site's other groups of fields
    group = page.get_by_role("group", name="Adresse e-mail concernée")
    expect(group).to_have_count(1)
    assert group.evaluate("e => e.tagName") == "FIELDSET"
    assert group.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    # Each radio named by its address and state; its label lays it out as the site's choices
    primary = group.get_by_role(
        "radio", name=re.compile(r"^camille@example\.org Vérifiée Principale$")
    )
    other = group.get_by_role(
        "radio", name=re.compile(r"^camille\.mairie@example\.org Non vérifiée$")
    )
    expect(primary).to_be_checked()
    expect(other).not_to_be_checked()
    label = group.locator("label", has_text="camille.mairie@example.org")
    assert label.evaluate("e => getComputedStyle(e).display") == "flex"
    assert label.evaluate("e => getComputedStyle(e).fontWeight") == "400"

    # Reached with Tab (focus visible, checked by tab_to), changed with the arrows
    page.locator("main h1").click()
    tab_to(page, "main input[type=radio]")
    expect(primary).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(other).to_be_focused()
    expect(other).to_be_checked()
    problems = run_axe(page)
    screenshot(page, "adresses-email")
    page.set_viewport_size({"width": 375, "height": 900})
    screenshot(page, "adresses-email")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px of horizontal scrolling at 375 px"
    assert problems == [], "\n".join(problems)


def signed_in_page_problems(page):
    """Member and contributor pages (the header changes, forms appear), for a signed-in page.

    Called by the contributor journey, which is signed in already (one corpus load less).
    """
    paths = [("accueil-connecte", "/")]
    for name, url_name, args in [
        ("profil", "accounts:profile", ()),
        ("mes-contributions", "contribute:mine", ()),
        ("contribuer-experience", "contribute:create", ("experience",)),
        ("contribuer-fiche-de-poste", "contribute:create", ("fiche-de-poste",)),
        ("contribuer-charte", "contribute:create", ("charte",)),
        ("fiche-connecte", None, ExperiencePage.objects.live().first().url),
        ("veille", "watch:manage", ()),
    ]:
        url = args if url_name is None else _url(url_name, *args)
        if url:
            paths.append((name, url))
    problems = []
    for name, path in paths:
        problems += check_page(page, name, path)
    return problems

"""Every page type, listing, theme and tag page shows its content to a visitor."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from practices.models import (
    CharterPage,
    EventPage,
    ExperiencePage,
    JobDescriptionPage,
    Theme,
    WorkshopOutcomePage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_corpus")]


def _get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def _text(soup):
    return " ".join(soup.get_text(" ").split())


def test_every_page_has_the_accessible_frame(client):
    for url in ["/", ExperiencePage.objects.first().url, "/themes/", "/page-qui-n-existe-pas/"]:
        response = client.get(url)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "fr"
        assert soup.find("a", class_="skip-link")["href"] == "#contenu"
        assert soup.find("main", id="contenu") is not None
        assert soup.find("h1") is not None


def test_the_site_icon_is_announced_and_served_for_favicon_ico(client):
    icon = _get(client, "/").find("link", rel="icon")
    assert icon["type"] == "image/svg+xml"
    assert finders.find(icon["href"].removeprefix("/static/")) is not None
    response = client.get("/favicon.ico")  # browsers and feed readers ask for it anyway
    assert response.status_code == 301
    assert response["Location"] == icon["href"]


def test_home_page_presents_praxis_latest_sheets_and_themes_with_counts(client):
    soup = _get(client, "/")
    text = _text(soup)
    assert "centre de ressources" in text
    assert len(soup.select("#latest-title ~ ul .card")) == 6
    theme = Theme.objects.with_page_counts().get(slug=Theme.objects.first().slug)
    assert theme.page_count > 0
    assert f"{theme.name} {theme.page_count} pages" in text


def test_experience_page_shows_its_fields(client):
    page = ExperiencePage.objects.get(title__icontains="budget participatif des lycées")
    text = _text(_get(client, page.url))
    assert page.title in text
    assert page.organisation in text
    assert "Hauts-de-France" in text
    assert "Budget participatif" in text  # participation method label
    assert page.get_level_display() in text
    assert "Présentée lors de" in text and page.workshops.first().title in text
    quotations = [b for b in page.body if b.block_type == "quotations"]
    if quotations:
        assert quotations[0].value["items"][0]["text"][:40] in text


def test_charter_page_shows_its_fields(client):
    page = CharterPage.objects.first()
    text = _text(_get(client, page.url))
    assert page.get_kind_display() in text
    for label in page.serves_as_labels():
        assert label in text


def test_job_description_page_shows_its_fields(client):
    page = JobDescriptionPage.objects.first()
    text = _text(_get(client, page.url))
    for value in [
        page.job_title,
        page.employer,
        page.get_category_display(),
        page.get_sector_display(),
    ]:
        assert value in text
    assert page.missions.splitlines()[0].strip() in text
    assert "Exemple" in text


def test_a_sheet_of_every_type_gives_its_address_on_paper_and_to_search_engines(client):
    """A printed sheet says where to read it online (a line that only print.css shows), and its
    head names the same canonical address: the one on the site Wagtail serves it from, as in
    the sitemap and the feeds."""
    for model in (ExperiencePage, CharterPage, JobDescriptionPage, WorkshopOutcomePage, EventPage):
        page = model.objects.live().first()
        soup = _get(client, f"{page.url}?utm_source=lettre")
        source = soup.select_one(".sheet__source.print-only")
        assert source is not None, model.__name__
        assert _text(source) == f"À retrouver en ligne : {page.full_url}"
        # and the same address for search engines, whatever the query string
        assert soup.select_one("link[rel=canonical]")["href"] == page.full_url


def test_workshop_page_shows_question_and_experiences(client):
    page = WorkshopOutcomePage.objects.filter(experiences__isnull=False).first()
    soup = _get(client, page.url)
    text = _text(soup)
    assert page.question[:50] in text
    for experience in page.experiences.all():
        assert soup.find("a", href=experience.url, string=experience.title)
    assert "Synthèse collective" in text


def test_event_page_shows_dates_place_programme_and_workshops(client):
    page = EventPage.objects.get()
    text = _text(_get(client, page.url))
    assert "du 18 novembre au 19 novembre 2014" in text
    assert "Halle aux Sucres, Lille" in text
    assert "14h15" in text
    for workshop in WorkshopOutcomePage.objects.all():
        assert workshop.title in text


def test_listing_filters_by_region_and_says_when_a_filter_is_unknown(client):
    index = ExperiencePage.objects.first().get_parent()
    soup = _get(client, index.url + "?region=ile-de-france")
    titles = {a.get_text(strip=True) for a in soup.select(".card__title a")}
    expected = set(
        ExperiencePage.objects.filter(region="ile-de-france").values_list("title", flat=True)
    )
    assert titles and titles <= expected

    soup = _get(client, index.url + "?region=atlantide")
    assert soup.select(".card") == []
    assert "n'est pas valide" in _text(soup)


def test_listing_filters_by_theme_tag_and_year(client):
    index = ExperiencePage.objects.first().get_parent()
    theme = Theme.objects.filter(experiencepage__isnull=False).first()
    soup = _get(client, f"{index.url}?theme={theme.slug}&year=2014")
    shown = {a.get_text(strip=True) for a in soup.select(".card__title a")}
    assert (
        shown
        == set(
            ExperiencePage.objects.filter(themes=theme, start_year=2014).values_list(
                "title", flat=True
            )[:12]
        )
        or len(shown) == 12
    )
    tag = ExperiencePage.objects.first().tags.first()
    soup = _get(client, f"{index.url}?tag={tag.slug}")
    assert ExperiencePage.objects.first().title in _text(soup)


def test_theme_and_tag_pages_list_every_type(client):
    theme = Theme.objects.filter(
        workshopoutcomepage__isnull=False, experiencepage__isnull=False
    ).distinct()[0]
    text = _text(_get(client, theme.get_absolute_url()))
    assert WorkshopOutcomePage.objects.filter(themes=theme).first().title in text
    assert "Fiche d'expérience" in text and "Restitution d'atelier" in text

    page = ExperiencePage.objects.first()
    tag = page.tags.first()
    text = _text(_get(client, f"/etiquettes/{tag.slug}/"))
    assert page.title in text
    _get(client, "/etiquettes/etiquette-inexistante/", status=404)


def test_breadcrumbs_lead_home(client):
    page = ExperiencePage.objects.first()
    soup = _get(client, page.url)
    crumbs = soup.select(".breadcrumbs a")
    assert crumbs[0]["href"] == "/" and crumbs[1].get_text(strip=True) == "Fiches d'expérience"


def test_unknown_page_is_a_french_404(client):
    soup = _get(client, "/nulle-part/", status=404)
    assert "Page introuvable" in _text(soup)

"""The JSON API at /api/v2/pages/: public pages only, structured fields, filters, pagination."""

import datetime

import pytest
from django.utils import timezone

from practices.models import CharterPage, EventPage, ExperiencePage, JobDescriptionPage

from .builders import make_page, make_theme, restrict_to_members, shared_corpus

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


def _at(days):
    return timezone.now() - datetime.timedelta(days=days)


def _build_corpus():
    budget = make_theme("Budget participatif", "budget")
    quartiers = make_theme("Quartiers", "quartiers")
    pages = {
        "lille": make_page(
            ExperiencePage,
            "Budget participatif de Lille",
            themes=[budget],
            tags=["jeunesse"],
            region="hauts-de-france",
            start_year=2012,
            published_at=_at(5),
        ),
        "rennes": make_page(
            ExperiencePage,
            "Conseils de quartier de Rennes",
            themes=[quartiers],
            region="bretagne",
            start_year=2014,
            published_at=_at(4),
        ),
        "job": make_page(
            JobDescriptionPage,
            "Chargé de participation à Rennes",
            themes=[quartiers],
            tags=["jeunesse"],
            region="bretagne",
            date=datetime.date(2014, 5, 1),
            published_at=_at(3),
        ),
        "charter": make_page(CharterPage, "Charte de Grenoble", published_at=_at(2)),
        "event": make_page(EventPage, "Rencontres nationales", published_at=_at(1)),
    }
    pages["draft"] = make_page(ExperiencePage, "Brouillon secret", publish=False, themes=[budget])
    pages["members"] = make_page(
        ExperiencePage, "Réservé aux membres", themes=[budget], region="bretagne"
    )
    restrict_to_members(pages["members"])
    return pages


corpus = shared_corpus(_build_corpus)


def _titles(response):
    return {item["title"] for item in response.json()["items"]}


def test_listing_has_public_pages_only_with_structured_fields(client, corpus):
    response = client.get(API, {"type": "practices.ExperiencePage"})
    assert response.status_code == 200
    titles = _titles(response)
    assert titles == {"Budget participatif de Lille", "Conseils de quartier de Rennes"}
    item = next(i for i in response.json()["items"] if i["title"].startswith("Budget"))
    assert item["summary"] == "Résumé de Budget participatif de Lille"
    assert item["region"] == {"code": "hauts-de-france", "label": "Hauts-de-France"}
    assert item["year"] == 2012
    assert item["themes"] == [{"slug": "budget", "name": "Budget participatif"}]
    assert item["tags"] == [{"slug": "jeunesse", "name": "jeunesse"}]
    assert item["details"]["organisation"] == "Ville de Lille"
    assert item["details"]["methods"] == [
        {"code": "participatory_budget", "label": "Budget participatif"}
    ]


def test_untyped_listing_has_every_type_and_no_draft_or_members_only(client, corpus):
    response = client.get(API, {"limit": 20})
    assert response.status_code == 200
    titles = _titles(response)
    for key in ("lille", "rennes", "job", "charter", "event"):
        assert corpus[key].title in titles
    assert "Brouillon secret" not in titles
    assert "Réservé aux membres" not in titles
    job = next(i for i in response.json()["items"] if i["title"] == corpus["job"].title)
    assert job["details"]["category"] == {"code": "A", "label": "Catégorie A"}
    assert job["details"]["missions"].startswith("Animer")


def test_detail_view_and_members_only_detail_is_404(client, corpus):
    response = client.get(f"{API}{corpus['job'].pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["details"]["sector"]["label"] == "Administrative"
    assert data["themes"][0]["slug"] == "quartiers"
    members_only = client.get(f"{API}{corpus['members'].pk}/")
    assert members_only.status_code == 404
    assert members_only.json() == {"message": "Page introuvable"}
    assert client.get(f"{API}{corpus['draft'].pk}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "budget"}, {"lille"}),
        ({"theme": "quartiers"}, {"rennes", "job"}),
        ({"tag": "jeunesse"}, {"lille", "job"}),
        ({"region": "bretagne"}, {"rennes", "job"}),
        ({"year": "2014", "region": "bretagne"}, {"rennes", "job"}),
        ({"year": "2012"}, {"lille"}),
        ({"authority_type": "commune", "type": "practices.JobDescriptionPage"}, {"job"}),
        ({"type": "practices.CharterPage"}, {"charter"}),
        ({"type": "practices.ExperiencePage", "theme": "quartiers"}, {"rennes"}),
        ({"type": "practices.EventPage", "theme": "quartiers"}, set()),
        ({"category": "A"}, {"job"}),
        ({"sector": "administrative", "status": "open"}, {"job"}),
        ({"category": "B"}, set()),
        ({"type": "practices.ExperiencePage", "category": "A"}, set()),
    ],
)
def test_filters(client, corpus, params, expected):
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    assert _titles(response) == {corpus[key].title for key in expected}
    assert response.json()["meta"]["total_count"] == len(expected)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"theme": "inconnu"}, "Thème inconnu"),
        ({"tag": "nulle-part"}, "Étiquette inconnue"),
        ({"region": "atlantide"}, "Région inconnue"),
        ({"authority_type": "empire"}, "Type de structure inconnu"),
        ({"year": "deux-mille"}, "Année invalide"),
        ({"year": "1200"}, "Année invalide"),
        ({"type": "practices.Licorne"}, "Type de page inconnu"),
        ({"couleur": "bleu"}, "Paramètre inconnu : couleur."),
        ({"category": "Z"}, "Valeur inconnue : category=Z."),
        ({"status": "vacant"}, "Valeur inconnue : status=vacant."),
        ({"limit": "-3"}, "doit être un nombre entier positif"),
        ({"offset": "deux"}, "doit être un nombre entier positif"),
        ({"limit": "50"}, "« limit » ne peut dépasser 20."),
        ({"order": "salaire"}, "Les résultats ne peuvent pas être triés par « salaire »."),
        ({"fields": "salaire"}, "Champ inconnu : salaire."),
        ({"id": "douze"}, "« douze » n'est pas une valeur valide pour « id »."),
        ({"child_of": "accueil"}, "« child_of » doit être le numéro d'une page."),
        ({"descendant_of": "999999"}, "La page donnée en filtre n'existe pas."),
        ({"order": "random", "offset": "2"}, "Un ordre aléatoire ne peut pas être combiné"),
        ({"search": "charte", "search_operator": "xor"}, "doit valoir « and » ou « or »"),
    ],
)
def test_unknown_filter_value_is_a_400_in_french(client, corpus, params, fragment):
    response = client.get(API, params)
    assert response.status_code == 400
    assert fragment in response.json()["message"]


def test_pagination(client, corpus):
    first = client.get(API, {"type": "practices.ExperiencePage", "limit": 1}).json()
    second = client.get(API, {"type": "practices.ExperiencePage", "limit": 1, "offset": 1}).json()
    assert first["meta"]["total_count"] == 2
    assert len(first["items"]) == 1 and len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    beyond = client.get(API, {"type": "practices.ExperiencePage", "offset": 5}).json()
    assert beyond["items"] == []


def test_wagtail_search_results_carry_the_structured_fields(client, corpus):
    response = client.get(API, {"search": "Grenoble"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Charte de Grenoble"]
    assert items[0]["details"]["kind"] == {"code": "manifesto", "label": "Manifeste"}


def test_wagtail_search_ignores_double_quotes(client, corpus):
    response = client.get(API, {"search": '"Grenoble'})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Charte de Grenoble"]

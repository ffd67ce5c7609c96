"""Job-profile exchange: listing filters, side-by-side comparison, statistics of the trade."""

import datetime
import html as html_lib
import re
import xml.etree.ElementTree as ET

import pytest

from practices.models import JobDescriptionPage
from search.indexing import update_pages

from ..opendata.builders import make_page, restrict_to_members, shared_corpus

pytestmark = pytest.mark.django_db


def _build_jobs():
    pages = {
        "rennes": make_page(
            JobDescriptionPage,
            "Chargée de participation — Rennes",
            job_title="Chargée de mission démocratie participative",
            employer="Ville de Rennes",
            region="bretagne",
            authority_type="commune",
            category="A",
            sector="administrative",
            status="open",
            missions="Animer les conseils de quartier\nPiloter le budget participatif",
            skills_know_how="Animation de réunions",
            working_conditions="Temps complet\nRéunions en soirée, avec récupération",
            date=datetime.date(2013, 9, 1),
        ),
        "lille": make_page(
            JobDescriptionPage,
            "Animateur de quartier — Lille",
            job_title="Animateur de quartier",
            employer="Métropole européenne de Lille",
            region="hauts-de-france",
            authority_type="intercommunality",
            category="B",
            sector="animation",
            status="filled",
            missions="Accompagner les habitants",
            date=datetime.date(2014, 2, 1),
        ),
        "grenoble": make_page(
            JobDescriptionPage,
            "Agent d'accueil — Grenoble",
            job_title="Agent d'accueil des maisons des habitants",
            employer="Ville de Grenoble",
            region="auvergne-rhone-alpes",
            authority_type="commune",
            category="C",
            sector="administrative",
            status="example",
            date=datetime.date(2014, 6, 1),
        ),
    }
    pages["members"] = make_page(
        JobDescriptionPage, "Poste réservé", category="A", region="bretagne", sector="social"
    )
    restrict_to_members(pages["members"])
    pages["draft"] = make_page(JobDescriptionPage, "Poste brouillon", publish=False, category="A")
    return pages


jobs = shared_corpus(_build_jobs)


def _card_titles(html):
    found = re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)
    return [html_lib.unescape(title) for title in found]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"rennes", "lille", "grenoble"}),
        ({"category": "A"}, {"rennes"}),
        ({"category": "C"}, {"grenoble"}),
        ({"sector": "administrative"}, {"rennes", "grenoble"}),
        ({"sector": "animation"}, {"lille"}),
        ({"authority_type": "commune"}, {"rennes", "grenoble"}),
        ({"authority_type": "intercommunality"}, {"lille"}),
        ({"region": "bretagne"}, {"rennes"}),
        ({"status": "open"}, {"rennes"}),
        ({"status": "filled"}, {"lille"}),
        ({"category": "A", "sector": "animation"}, set()),
        ({"year": "2014"}, {"lille", "grenoble"}),
    ],
)
def test_job_listing_filters(client, jobs, params, expected):
    index = jobs["rennes"].get_parent()
    response = client.get(index.url, params)
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert sorted(_card_titles(html)) == sorted(jobs[key].title for key in expected)
    if not expected:
        assert "Aucune page ne correspond" in html


def test_job_listing_shows_the_extra_filters_and_tools(client, jobs):
    html = client.get(jobs["rennes"].get_parent().url).content.decode()
    for name in ("category", "sector", "status", "authority_type", "region"):
        assert f'name="{name}"' in html
    assert '<label for="id_category">Catégorie</label>' in html
    assert "/metiers/comparer/" in html and 'href="/metiers/"' in html


@pytest.mark.parametrize(
    "params", [{"category": "Z"}, {"sector": "astronaute"}, {"status": "inconnu"}]
)
def test_unknown_job_filter_shows_an_empty_state(client, jobs, params):
    response = client.get(jobs["rennes"].get_parent().url, params)
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert "Un filtre n'est pas valide" in html
    assert _card_titles(html) == []


def test_compare_two_and_three_job_descriptions(client, jobs):
    ids = [jobs["rennes"].pk, jobs["lille"].pk, jobs["grenoble"].pk]
    response = client.get("/metiers/comparer/", {"fiches": ids[:2]})
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert "Comparaison de 2 fiches de poste" in html
    header = html.split("<thead>")[1].split("</thead>")[0]
    assert header.index("Chargée de participation — Rennes") < header.index("Animateur de quartier")
    for text in (
        "Missions",
        "Piloter le budget participatif",
        "Accompagner les habitants",
        "Catégorie A",
        "Catégorie B",
        "Animation",
        "Savoir-faire",
        "Animation de réunions",
        "Rattachement hiérarchique",
    ):
        assert text in html
    html3 = html_lib.unescape(client.get("/metiers/comparer/", {"fiches": ids}).content.decode())
    assert "Comparaison de 3 fiches de poste" in html3
    assert "Catégorie C" in html3
    # The compared sheets stay ticked; others are offered to a search only, above the table.
    assert _chosen(html3) == [jobs[key].title for key in ("rennes", "lille", "grenoble")]
    assert _offered(html) == {}


def _compared_row(html, label):
    """The cells of the comparison table's row headed ``label``."""
    row = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', html, re.S)
    assert row, label
    return [cell.strip() for cell in re.findall(r"<td>(.*?)</td>", row.group(1), re.S)]


def test_compare_shows_the_working_conditions(client, jobs):
    ids = [jobs["rennes"].pk, jobs["lille"].pk]
    html = html_lib.unescape(client.get("/metiers/comparer/", {"fiches": ids}).content.decode())
    assert _compared_row(html, "Conditions de travail") == [
        "Temps complet<br>Réunions en soirée, avec récupération",
        '<span class="muted">Non renseigné</span>',
    ]


def _offered(html):
    """{heading of a group (None outside groups): [title]} of the sheets offered to be ticked."""
    form = html.split("<legend>", 2)[-1].split("</fieldset>")[0]
    groups, heading = {}, None
    for tag, text in re.findall(
        r'<h3 class="compare-form__group">([^<]*)</h3>|<input type="checkbox" name="fiches"'
        r' value="\d+"> <span>([^<]*)',
        form,
    ):
        if tag:
            heading = html_lib.unescape(tag)
        else:
            groups.setdefault(heading, []).append(html_lib.unescape(text).strip())
    return groups


def _chosen(html):
    """The titles of the sheets ticked in the form."""
    found = re.findall(
        r'<input type="checkbox" name="fiches" value="\d+" checked> <span>([^<]*)', html
    )
    return [html_lib.unescape(title).strip() for title in found]


def test_compare_offers_every_sheet_grouped_by_category_in_alphabetical_order(client, jobs):
    """An offered sheet reads as its title (which already names the employer); the sheets are
    grouped by catégorie, A first, each group in the alphabetical order of the titles, accents
    and case aside. Members-only sheets and drafts are not offered."""
    make_page(
        JobDescriptionPage,
        "Médiatrice de quartier — Nantes",
        job_title="Adulte relais",
        employer="Ville de Nantes",
        category="C",
    )
    make_page(
        JobDescriptionPage,
        "éducatrice populaire — Lyon",
        job_title="Animatrice socioculturelle",
        employer="Ville de Lyon",
    )
    html = client.get("/metiers/comparer/").content.decode()
    assert _chosen(html) == []
    assert _offered(html) == {
        "Catégorie A": ["Chargée de participation — Rennes", "éducatrice populaire — Lyon"],
        "Catégorie B": ["Animateur de quartier — Lille"],
        "Catégorie C": ["Agent d'accueil — Grenoble", "Médiatrice de quartier — Nantes"],
    }


@pytest.fixture
def indexed_jobs(jobs, database_search):
    """The sheets in the search index, which follows commits: the shared corpus never commits."""
    update_pages(JobDescriptionPage.objects.all())
    return jobs


def test_compare_search_finds_sheets_and_keeps_the_ticked_ones(client, indexed_jobs):
    jobs = indexed_jobs
    """A search among the job descriptions (accents aside, stemmed, as the site's search)
    offers the matching sheets; the sheet already ticked stays ticked and is not offered twice;
    "Rechercher" (action=chercher) does not compare yet."""
    response = client.get(
        "/metiers/comparer/",
        {"fiches": [jobs["rennes"].pk], "chercher": "democratie", "action": "chercher"},
    )
    html = html_lib.unescape(response.content.decode())
    assert _chosen(html) == ["Chargée de participation — Rennes"]
    assert _offered(html) == {}  # Rennes's own job title is the only one to match
    assert "Aucune autre fiche de poste ne correspond à « democratie »." in html

    html = html_lib.unescape(
        client.get(
            "/metiers/comparer/",
            {
                "fiches": [jobs["rennes"].pk, jobs["lille"].pk],
                "chercher": "habitant",
                "action": "chercher",
            },
        ).content.decode()
    )
    assert _chosen(html) == ["Chargée de participation — Rennes", "Animateur de quartier — Lille"]
    assert _offered(html) == {None: ["Agent d'accueil — Grenoble"]}
    assert "1 fiche de poste correspond à « habitant »." in html
    assert "Comparaison de" not in html and 'role="alert"' not in html


def test_compare_with_many_sheets_offers_the_latest_and_says_how_to_find_the_others(
    client, indexed_jobs, monkeypatch
):
    """The page stays light whatever the number of sheets: beyond a few, the latest ones are
    offered; a search offers the best matches and says when there are more."""
    monkeypatch.setattr("practices.jobs.LIST_ALL_MAX", 2)
    monkeypatch.setattr("practices.jobs.CANDIDATES_MAX", 2)
    html = html_lib.unescape(client.get("/metiers/comparer/").content.decode())
    assert _offered(html) == {None: ["Agent d'accueil — Grenoble", "Animateur de quartier — Lille"]}
    assert (
        "Les 2 dernières fiches de poste publiées, sur 3 : cherchez pour trouver les autres."
        in html
    )

    html = html_lib.unescape(
        client.get(
            "/metiers/comparer/", {"chercher": "catégorie", "action": "chercher"}
        ).content.decode()
    )
    assert len(_offered(html)[None]) == 2
    assert (
        "Les 2 fiches de poste qui correspondent le mieux à « catégorie » (3 correspondent)" in html
    )


def test_compare_asks_for_two_sheets_when_one_is_ticked(client, jobs):
    response = client.get(
        "/metiers/comparer/", {"fiches": [jobs["rennes"].pk], "action": "comparer"}
    )
    html = html_lib.unescape(response.content.decode())
    assert "Choisissez deux ou trois fiches de poste différentes à comparer." in html
    assert _chosen(html) == ["Chargée de participation — Rennes"]
    assert "Comparaison de" not in html


@pytest.mark.parametrize(
    ("which", "message"),
    [
        (["rennes", "lille", "grenoble", "rennes2"], None),
        (["rennes", "members"], "n'existe pas ou n'est pas publique"),
        (["rennes", "draft"], "n'existe pas ou n'est pas publique"),
        (["abc"], "ne sont pas valides"),
    ],
)
def test_compare_refuses_bad_choices(client, jobs, which, message):
    ids = [str(jobs[key].pk) if key in jobs else key for key in which]
    if which[-1] == "rennes2":
        ids = [str(jobs[k].pk) for k in ("rennes", "lille", "grenoble")] + ["999999"]
        message = "deux ou trois fiches"
    response = client.get("/metiers/comparer/", {"fiches": ids})
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert message in html
    assert "<caption" not in html.split("<form")[0]
    assert "Comparaison de" not in html


def test_compare_from_a_job_description_preselects_it(client, jobs):
    detail = client.get(jobs["rennes"].url).content.decode()
    link = f"/metiers/comparer/?fiches={jobs['rennes'].pk}"
    assert link in detail
    html = html_lib.unescape(client.get(link).content.decode())
    assert _chosen(html) == ["Chargée de participation — Rennes"]
    offered = [title for titles in _offered(html).values() for title in titles]
    assert sorted(offered) == ["Agent d'accueil — Grenoble", "Animateur de quartier — Lille"]
    assert 'role="alert"' not in html
    assert "Poste réservé" not in html  # members-only pages are not offered


def _chart(html, slug):
    start = html.index(f'id="graphique-{slug}"')
    return html[start : html.index("</figure>", start)]


def test_statistics_page_has_accessible_svg_charts_with_tables(client, jobs):
    response = client.get("/metiers/")
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert "<h1>Métiers de la participation</h1>" in html
    assert "3 fiches de poste publiées" in html  # members-only and draft not counted
    for slug in ("categorie", "filiere", "employeur", "region", "annee"):
        chart = _chart(html, slug)
        svg = chart[chart.index("<svg") : chart.index("</svg>") + 6]
        root = ET.fromstring(svg)  # noqa: S314 - our own markup
        ns = "{http://www.w3.org/2000/svg}"
        assert root.get("role") == "img"
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find(f"{ns}title").get("id") == title_id
        assert root.find(f"{ns}desc").get("id") == desc_id
        assert "<table" in chart and "<caption" in chart and 'scope="row"' in chart
    category = _chart(html, "categorie")
    assert "Catégorie A : 1 fiche ; Catégorie B : 1 fiche ; Catégorie C : 1 fiche" in category
    sector = _chart(html, "filiere")
    assert re.search(r'<th scope="row"><a [^>]*>Administrative</a></th><td>2</td>', sector)
    assert "Sociale" not in sector
    years = _chart(html, "annee")
    assert "2013 : 1 fiche ; 2014 : 2 fiches" in years
    # the longest bar is the largest count, the others proportional
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', sector)]
    assert widths[0] == max(widths) and widths[1] == pytest.approx(widths[0] / 2, rel=0.01)


def test_each_figure_of_the_statistics_leads_to_the_sheets_it_counts(client, jobs):
    """A line of a chart's table links to the listing filtered on it, which shows that number."""
    html = client.get("/metiers/").content.decode()
    rows = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>(\d+)</td>', html)
    linked = {html_lib.unescape(label) for _url, label, _count in rows}
    assert {"Catégorie A", "Animation", "Intercommunalité", "Bretagne", "2014"} <= linked
    for url, label, count in rows:
        listing = client.get(html_lib.unescape(url)).content.decode()
        assert f"{count} résultat" in listing, label
        assert len(_card_titles(listing)) == int(count), label

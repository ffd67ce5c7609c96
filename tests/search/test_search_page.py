"""The search page as a practitioner reads it: its title, what it says beyond the last page."""

import re

import pytest

pytestmark = pytest.mark.usefixtures("demo_corpus")


def page_title(response):
    return " ".join(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1].split())


def test_the_title_gives_the_query_and_the_page_number(client):
    first = client.get("/recherche/", {"q": "participation"})
    assert page_title(first) == "« participation » — page 1 sur 4 — Recherche — Praxis"
    second = client.get("/recherche/", {"q": "participation", "page": 2})
    assert page_title(second) == "« participation » — page 2 sur 4 — Recherche — Praxis"
    single = client.get("/recherche/", {"q": "budget"})
    assert page_title(single) == "« budget » — Recherche — Praxis"


def test_the_title_says_when_the_search_is_refused(client):
    response = client.get("/recherche/", {"q": "budget", "page": "abc"})
    assert response.status_code == 400
    assert page_title(response) == "Erreur : « budget » — Recherche — Praxis"


def test_a_page_beyond_the_last_says_so_and_links_to_the_last(client):
    response = client.get("/recherche/", {"q": "participation", "sort": "date", "page": 9})
    assert response.status_code == 404
    html = response.content.decode()
    assert "La page 9 n'existe pas : les résultats de cette recherche tiennent sur 4 pages." in html
    last = re.search(r'<a href="([^"]+)">Voir la dernière page \(page 4\)</a>', html)
    assert last, html
    assert "page=4" in last[1] and "sort=date" in last[1] and "q=participation" in last[1]
    assert "page 9 sur 4" not in html and "Page précédente" not in html
    assert page_title(response) == "Erreur : « participation » — Recherche — Praxis"


def test_a_page_beyond_a_single_page_of_results_links_to_it(client):
    response = client.get("/recherche/", {"q": "budget", "page": 3})
    assert response.status_code == 404
    html = response.content.decode()
    assert "La page 3 n'existe pas : les résultats de cette recherche tiennent sur 1 page." in html
    assert re.search(r'<a href="\?q=budget&amp;page=1">Voir les résultats</a>', html)


def active_filter_links(html):
    """{text of the link: its address} of the active filters above the results."""
    block = re.search(r'<div class="search-active-filters">(.*?)</div>', html, re.S)
    assert block, "no active filters shown"
    return {
        re.sub(r"<[^>]+>", "", text).replace("&#x27;", "'"): href.replace("&amp;", "&")
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', block[1])
    }


def test_each_active_filter_is_removed_by_one_link_keeping_the_search(client):
    html = client.get(
        "/recherche/",
        {
            "q": "participation",
            "type": "experiencepage",
            "region": "hauts-de-france",
            "sort": "date",
            "page": 2,
        },
    ).content.decode()
    assert active_filter_links(html) == {
        "Type de contenu : Fiche d'expérience, retirer ce filtre": (
            "?q=participation&region=hauts-de-france&sort=date"
        ),
        "Région : Hauts-de-France, retirer ce filtre": "?q=participation&type=experiencepage&sort=date",
        "Retirer tous les filtres": "?q=participation&sort=date",
    }


def test_the_filters_of_a_search_without_results_are_named_and_removable(client):
    html = client.get("/recherche/", {"q": "budget", "theme": "theme-supprime"}).content.decode()
    assert "Aucun résultat pour « budget »." in html
    assert active_filter_links(html) == {"Thème : Theme-supprime, retirer ce filtre": "?q=budget"}


def test_the_count_says_which_words_the_results_are_for(client):
    """On screen and on paper, where the search form is not printed."""
    html = client.get("/recherche/", {"q": "participation", "page": 2}).content.decode()
    assert "<strong>38 résultats pour « participation »</strong> — page 2 sur 4" in html
    corrected = client.get("/recherche/", {"q": "concertaton"}).content.decode()
    assert re.search(r"<strong>\d+ résultats? pour « concertation »</strong>", corrected)


@pytest.mark.parametrize("text", ["-budget", "l' d'", "le -budget"])
def test_a_search_with_no_word_to_look_for_says_what_to_add(client, text):
    html = client.get("/recherche/", {"q": text}).content.decode()
    assert "Votre recherche ne contient aucun mot à chercher" in html
    assert "Ajoutez un mot plus précis." in html
    assert "Aucun résultat pour" not in html


def test_ticking_a_second_type_adds_its_pages_and_the_page_says_how_filters_combine(client):
    def found(**filters):
        html = client.get("/recherche/", {"q": "participation", **filters}).content.decode()
        return int(re.search(r"<strong>(\d+) résultats? pour", html)[1]), html

    sheets, _html = found(type="experiencepage")
    jobs, _html = found(type="jobdescriptionpage")
    both, html = found(type=["experiencepage", "jobdescriptionpage"])
    assert sheets and jobs and both == sheets + jobs
    for kind, count in (("experiencepage", sheets), ("jobdescriptionpage", jobs)):
        box = re.search(
            rf'value="{kind}" id="(facet-type-\d+)" checked>\s*<label[^>]*>(.*?)</label>',
            html,
            re.S,
        )
        assert box and f"({count})" in box[2]
    assert (
        "Plusieurs valeurs cochées dans un même filtre trouvent les pages ayant l'une"
        " d'elles ; dans les filtres thème et étiquette, les pages les ayant toutes."
    ) in " ".join(html.split())


def test_values_beyond_the_first_twelve_are_folded_and_can_be_ticked(client):
    """Every value of a facet can be ticked: the first twelve are listed, the others folded
    under "N autres valeurs"; a ticked one is listed with the first ones."""

    def tag_boxes(html):
        fieldset = re.search(r"<legend>Étiquette</legend>(.*?)</fieldset>", html, re.S)[1]
        shown, _sep, folded = fieldset.partition('<details class="search-facet__more">')
        box = r'<input type="checkbox" name="tag" value="([^"]+)" id="([^"]+)"( checked)?>'
        return re.findall(box, shown), re.findall(box, folded), folded

    html = client.get("/recherche/", {"q": "participation"}).content.decode()
    shown, folded, folded_html = tag_boxes(html)
    assert len(shown) == 12 and folded
    assert f"{len(folded)} autres valeurs</summary>" in folded_html
    ids = [box_id for _value, box_id, _checked in shown + folded]
    assert len(set(ids)) == len(ids)
    assert all(f'<label for="{box_id}">' in html for box_id in ids)

    value = folded[-1][0]
    ticked, _folded, _html = tag_boxes(
        client.get("/recherche/", {"q": "participation", "tag": value}).content.decode()
    )
    assert (value, " checked") in [(v, checked) for v, _id, checked in ticked]

"""The acceptance points of the search issue, on the demo corpus (SQLite or PostgreSQL,
whichever database the suite runs on)."""

import re

import pytest

from search.models import SearchDocument
from search.query import SearchQuery
from search.text import fold

from .conftest import titles

pytestmark = pytest.mark.usefixtures("demo_corpus")

LYCEES = "Budget participatif des lycées de la Région Nord-Pas-de-Calais"


def _ids(result):
    return [hit.page_id for hit in result.hits]


def _pages_whose_text(pattern):
    regex = re.compile(pattern)
    return {
        doc.page_id
        for doc in SearchDocument.objects.all()
        if regex.search(fold(" ".join((doc.title, doc.summary, doc.body, doc.themes, doc.tags))))
    }


def test_the_demo_corpus_is_indexed(db):
    assert SearchDocument.objects.count() >= 30


def test_budgets_participatifs_lycees_puts_the_lycees_budget_in_the_top_3(search):
    result = search("budgets participatifs lycées")
    assert LYCEES in titles(result)[:3]


def test_each_hit_says_where_and_when(search):
    result = search("budgets participatifs lycées")
    lycees = next(hit for hit in result.hits if hit.title == LYCEES)
    assert lycees.labels == ["Hauts-de-France", "2014"]


def test_accents_do_not_matter(search):
    with_accent, without = search("élus"), search("elus")
    assert with_accent.total > 0
    assert _ids(with_accent) == _ids(without)


def test_singular_finds_pages_that_only_use_the_plural(search):
    only_plural = _pages_whose_text(r"\bconseils citoyens\b") - _pages_whose_text(
        r"\bconseil citoyen\b"
    )
    assert only_plural, "the corpus should have pages saying only « conseils citoyens »"
    found = set(_ids(search("conseil citoyen")))
    assert only_plural <= found


def test_elision_is_ignored(search):
    assert _ids(search("l'évaluation")) == _ids(search("évaluation"))
    assert _ids(search("l’évaluation")) == _ids(search("évaluation"))
    assert search("évaluation").total > 0


def test_a_typo_gives_results_or_a_suggestion(search):
    result = search("concertaton")
    assert result.suggestion == "concertation"
    assert result.total > 0
    assert result.corrected


@pytest.mark.parametrize(("typo", "word"), [("partcipatif", "participatif"), ("budjet", "budget")])
def test_other_typos_are_corrected(search, typo, word):
    result = search(typo)
    assert result.suggestion == word
    assert result.total > 0


def test_autocomplete_democr(backend):
    suggestions = backend.autocomplete("democr")
    assert 0 < len(suggestions) <= 10
    assert any("démocratie" in s.label.lower() for s in suggestions)
    assert all("democr" in fold(s.label) for s in suggestions)


def test_autocomplete_says_what_each_title_is(backend):
    """A title comes with its content type ("fiche de poste"); themes and tags with nothing, the
    page shows their kind."""
    suggestions = backend.autocomplete("democr")
    details = {s.label: s.detail for s in suggestions if s.kind == "title"}
    job = next(label for label in details if label.startswith("Chargé·e de mission démocratie"))
    assert details[job] == "fiche de poste"
    assert details[
        "Rencontres nationales des professionnels de la démocratie participative 2014"
    ] == ("événement")
    assert all(not s.detail for s in backend.autocomplete("budg") if s.kind != "title")


def test_autocomplete_of_several_words_keeps_the_labels_having_them_all(backend):
    from search.text import words

    suggestions = backend.autocomplete("budget partic")
    assert suggestions
    for suggestion in suggestions:
        label_words = [fold(w) for w in words(suggestion.label)]
        assert any(w.startswith("budget") for w in label_words), suggestion.label
        assert any(w.startswith("partic") for w in label_words), suggestion.label
    assert fold(suggestions[0].label).startswith("budget partic")  # the typed text first


def test_autocomplete_of_several_words_finds_a_title_behind_many_sharing_one_word(backend):
    """Sixty titles start with "Lycée": the one that also has the other words is still found."""
    crowd = [
        {"page_id": 900_000 + i, "title": f"Lycée numéro {i} de la ville", "url": f"/l/{i}/"}
        for i in range(60)
    ]
    wanted = {"page_id": 900_100, "title": "Budget participatif des lycées du Nord", "url": "/b/"}
    backend._refresh_autocomplete([*crowd, wanted], set(), titles_only=True)

    labels = [s.label for s in backend.autocomplete("participatif lyc")]
    assert wanted["title"] in labels
    assert not any(label.startswith("Lycée numéro") for label in labels)


def test_autocomplete_is_limited_to_ten(backend):
    assert len(backend.autocomplete("p")) <= 10
    assert len(backend.autocomplete("c")) <= 10


def test_all_words_then_any_word(search):
    result = search("démocratie xylophonique")
    assert result.any_words
    assert result.total > 0
    assert search("budget lycées").any_words is False


def test_quoted_phrase_is_stricter_than_the_words(search):
    phrase = search('"conseil de quartier"')
    loose = search("conseil quartier")
    assert 0 < phrase.total <= loose.total
    assert set(_ids(phrase)) <= set(_ids(loose))


def test_excluded_word(search):
    with_word = search("budget participatif")
    without = search("budget participatif -lycées")
    assert 0 < without.total < with_word.total
    assert LYCEES not in titles(without)


def test_facet_counts_equal_the_filtered_result_sizes(search):
    result = search("participation")
    assert result.total > 5
    checked = 0
    for facet, values in result.facets.items():
        for value in values:
            filtered = search("participation", **{facet: [value.value]})
            assert filtered.total == value.count, (facet, value.value)
            checked += 1
    assert checked > 10
    assert {"type", "theme", "tag", "region", "authority_type", "year"} <= set(result.facets)


def test_a_facet_with_no_value_chosen_filters_nothing(search):
    everything = search("participation")
    for facet in ("type", "theme", "region"):
        assert _ids(search("participation", **{facet: []})) == _ids(everything)


def test_a_facet_lists_its_most_frequent_values_first_up_to_a_maximum(search, monkeypatch):
    from search.backends import database

    tags = search("participation").facets["tag"]
    assert len(tags) > 3
    assert [v.count for v in tags] == sorted((v.count for v in tags), reverse=True)
    monkeypatch.setattr(database, "FACET_VALUES_MAX", 3)
    capped = search("participation").facets["tag"]
    assert [(v.value, v.count) for v in capped] == [(v.value, v.count) for v in tags[:3]]
    least = tags[-1].value
    with_filter = search("participation", tag=[least]).facets["tag"]
    assert least in [v.value for v in with_filter if v.selected]


def test_facet_values_at_equal_counts_follow_their_labels_and_years_go_newest_first(search):
    from search.text import fold

    ties = 0
    for facet, values in search("participation").facets.items():
        if facet == "year":
            assert [v.value for v in values] == sorted((v.value for v in values), reverse=True)
            continue
        for before, after in zip(values, values[1:], strict=False):
            if before.count == after.count:
                assert (fold(before.label), before.value) < (fold(after.label), after.value)
                ties += 1
    assert ties > 3


def test_filters_restrict_the_results(search):
    result = search("participation", type=["jobdescriptionpage"])
    assert result.total > 0
    assert {hit.type for hit in result.hits} == {"jobdescriptionpage"}


def test_the_hits_of_a_filtered_search_are_the_filtered_pages(search):
    """The ranking (in the engine) and the count (facet postings) filter alike, with two filters
    at once too."""
    from search.models import SearchFacet

    def pages_with(facet, value):
        return set(
            SearchFacet.objects.filter(facet=facet, value=value).values_list(
                "document_id", flat=True
            )
        )

    everything = set(_ids(search("participation", per_page=100)))
    assert 10 < len(everything) < 100
    result = search("participation", per_page=100)
    checked = 0
    for facet in ("type", "theme", "region"):
        for value in result.facets[facet][:3]:
            filtered = search("participation", per_page=100, **{facet: [value.value]})
            assert set(_ids(filtered)) == everything & pages_with(facet, value.value)
            assert len(filtered.hits) == filtered.total
            checked += 1
    assert checked >= 6
    theme, kind = result.facets["theme"][0].value, result.facets["type"][0].value
    both = search("participation", per_page=100, theme=[theme], type=[kind])
    expected = everything & pages_with("theme", theme) & pages_with("type", kind)
    assert expected and set(_ids(both)) == expected and both.total == len(expected)


def assert_filters_combine_as_their_facets_say(search):
    """Ticking a second type adds its pages, and each type keeps the count it has alone; ticking
    a second theme narrows the search. ``search(text, **filters)`` → SearchResult."""
    everything = search("participation")
    first, second = everything.facets["type"][:2]
    only_first = search("participation", type=[first.value])
    only_second = search("participation", type=[second.value])
    either = search("participation", type=[first.value, second.value])
    assert either.total == only_first.total + only_second.total == first.count + second.count
    assert set(_ids(either)) == set(_ids(only_first)) | set(_ids(only_second))

    counts = {v.value: (v.count, v.selected) for v in only_first.facets["type"]}
    assert counts[first.value] == (only_first.total, True)
    assert counts[second.value] == (only_second.total, False)
    for value in only_first.facets["theme"][:3]:
        narrowed = search("participation", type=[first.value], theme=[value.value])
        assert narrowed.total == value.count

    # Two alternative facets: each is counted within the other's filter.
    region = only_first.facets["region"][0].value
    crossed = search("participation", type=[first.value], region=[region])
    for value in crossed.facets["type"]:
        alone = search("participation", region=[region], type=[value.value])
        assert value.count == alone.total, value.value
    for value in crossed.facets["region"]:
        alone = search("participation", type=[first.value], region=[value.value])
        assert value.count == alone.total, value.value

    theme_a, theme_b = everything.facets["theme"][:2]
    both = search("participation", theme=[theme_a.value, theme_b.value])
    with_a = set(_ids(search("participation", theme=[theme_a.value])))
    with_b = set(_ids(search("participation", theme=[theme_b.value])))
    assert set(_ids(both)) == with_a & with_b
    assert both.total < theme_a.count + theme_b.count


def test_values_of_a_type_or_region_are_alternatives_and_themes_add_up(search):
    assert_filters_combine_as_their_facets_say(
        lambda text, **filters: search(text, per_page=100, **filters)
    )


def test_hits_have_highlighted_snippets_from_the_original_text(search):
    result = search("budgets participatifs")
    assert result.hits
    assert any("<mark>" in hit.snippet for hit in result.hits)
    for hit in result.hits:
        for marked in re.findall(r"<mark>(.*?)</mark>", hit.snippet):
            assert fold(marked).startswith(("budget", "particip")), marked


def assert_head_tier_first(result, stem):
    """The hits having ``stem`` in their title, summary, themes or tags come before the others
    (and there are both)."""
    documents = SearchDocument.objects.in_bulk(
        [hit.page_id for hit in result.hits], field_name="page_id"
    )
    in_head = [
        stem in fold(" ".join((doc.title, doc.summary, doc.themes, doc.tags)))
        for doc in (documents[hit.page_id] for hit in result.hits)
    ]
    assert any(in_head) and not all(in_head), in_head
    assert in_head == sorted(in_head, reverse=True), in_head


def test_pages_naming_the_word_in_their_title_summary_or_taxonomy_rank_first(search):
    assert_head_tier_first(search("concertation"), "concert")


def test_pagination_is_consistent(backend):
    first = backend.search(SearchQuery(text="participation", per_page=5, page=1))
    second = backend.search(SearchQuery(text="participation", per_page=5, page=2))
    assert first.total == second.total > 10
    assert not set(_ids(first)) & set(_ids(second))


def test_resource_persons_emails_are_not_indexed(db):
    for doc in SearchDocument.objects.all():
        assert not re.search(r"[\w.-]+@[\w-]+\.\w+", doc.body + doc.summary), doc.title


def test_sort_by_date(backend):
    result = backend.search(SearchQuery(text="participation", sort="date", per_page=20))
    dates = [hit.date for hit in result.hits]
    assert dates == sorted(dates, reverse=True)
    second = backend.search(SearchQuery(text="participation", sort="date", per_page=20, page=2))
    assert second.hits and max(hit.date for hit in second.hits) <= dates[-1]
    assert not set(_ids(result)) & set(_ids(second))


# --- the pages -------------------------------------------------------------------------------


def test_search_page(client):
    response = client.get("/recherche/", {"q": "budgets participatifs"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>" in html
    assert LYCEES in html
    assert 'aria-live="polite"' in html
    assert "<fieldset" in html and "<legend>Thème</legend>" in html
    assert 'name="theme"' in html and 'type="checkbox"' in html
    assert "Hauts-de-France · 2014" in html  # where and when, under the lycées' title


def test_search_page_keeps_filters_in_the_url(client):
    response = client.get(
        "/recherche/", {"q": "participation", "type": "jobdescriptionpage", "per_page": 2}
    )
    html = response.content.decode()
    assert re.search(r'value="jobdescriptionpage" id="facet-type-\d+" checked', html)
    assert "type=jobdescriptionpage" in html and "page=2" in html  # the next page link


def test_search_page_suggestion_and_empty_state(client):
    html = client.get("/recherche/", {"q": "concertaton"}).content.decode()
    assert "concertation" in html and "Résultats pour" in html
    html = client.get("/recherche/", {"q": "xylophonique"}).content.decode()
    assert "Aucun résultat" in html and "Quelques pistes" in html


def test_any_word_fallback_is_announced(client):
    html = client.get("/recherche/", {"q": "démocratie xylophonique"}).content.decode()
    assert "Aucune page ne contient tous vos mots" in html


def test_header_search_box(client):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert 'for="site-search-q"' in html and 'action="/recherche/"' in html


def test_json_search(client):
    response = client.get("/api/search/", {"q": "élus", "type": "experiencepage"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "results", "facets", "suggestion"}
    assert data["count"] > 0
    assert set(data["results"][0]) == {"type", "title", "url", "snippet", "score"}
    assert {r["type"] for r in data["results"]} == {"experiencepage"}
    # The other types are offered with their own counts (a type filter is one of alternatives).
    types = {v["value"]: v for v in data["facets"]["type"]}
    assert types["experiencepage"] == {
        "value": "experiencepage",
        "label": "Fiche d'expérience",
        "count": data["count"],
    }
    assert len(types) > 1


def test_json_search_suggestion(client):
    data = client.get("/api/search/", {"q": "concertaton"}).json()
    assert data["suggestion"] == "concertation"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "budget", "page": "abc"},
        {"q": "budget", "page": "0"},
        {"q": "budget", "page": "¹"},  # a digit to str.isdigit(), not to int()
        {"q": "budget", "type": "nimportequoi"},
        {"q": "budget", "region": "atlantide"},
        {"q": "budget", "year": "deux-mille"},
        {"q": "budget", "sort": "alphabet"},
        {"q": ""},
    ],
)
def test_json_search_bad_parameters(client, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_search_page_bad_parameters(client):
    response = client.get("/recherche/", {"q": "budget", "page": "-1"})
    assert response.status_code == 400
    assert "nombre entier" in response.content.decode()


def test_json_autocomplete(client):
    data = client.get("/api/search/autocomplete/", {"q": "democr"}).json()
    assert any("démocratie" in s["label"].lower() for s in data["suggestions"])
    assert {"label", "kind", "url", "detail"} == set(data["suggestions"][0])
    assert "fiche de poste" in {s["detail"] for s in data["suggestions"]}
    assert client.get("/api/search/autocomplete/", {"q": "x" * 300}).status_code == 400

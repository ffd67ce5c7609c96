"""Whatever people type, search answers: no exception, no 500 (Hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import database_backend
from search.query import SearchQuery

pytestmark = pytest.mark.usefixtures("demo_corpus")

SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "’",
        "-",
        "*",
        "^",
        ":",
        "(",
        ")",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "&",
        "|",
        "!",
        "<->",
        "\\",
        "«",
        "»",
        "\x00",
        "😀",
        "élus",
        "budget",
        "l'",
        "%",
        "_",
        ";",
        "--",
        "/*",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=12).map(" ".join),
    st.lists(SYNTAX, max_size=20).map("".join),
)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(text=QUERIES)
def test_search_function_never_raises(db, text):
    backend = database_backend()
    result = backend.search(SearchQuery(text=text))
    assert result.total >= len(result.hits)
    backend.autocomplete(text)


@FAST
@given(text=QUERIES, page=st.one_of(st.none(), st.text(max_size=4)))
def test_json_endpoint_never_fails(client, text, page):
    params = {"q": text}
    if page is not None:
        params["page"] = page
    response = client.get("/api/search/", params)
    assert response.status_code in (200, 400)
    assert "error" in response.json() or "count" in response.json()
    response = client.get("/api/search/autocomplete/", {"q": text})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    "text",
    ["x" * 10_000, "budget " * 1500, '"' * 999, "\x00\x00élus\x00", "😀" * 3000, "NEAR(a b, 3)"],
)
def test_extreme_queries(client, text):
    assert client.get("/api/search/", {"q": text}).status_code == 200
    assert client.get("/recherche/", {"q": text}).status_code == 200


@pytest.mark.parametrize("params", [{}, {"type": "inconnu"}])
def test_the_search_page_shows_the_words_typed_without_control_bytes(client, params):
    """A NUL byte typed (or pasted) is not written back into the page, whose HTML it would
    make invalid; the words around it are, as the search understood them. Also when a filter
    is refused."""
    response = client.get("/recherche/", {"q": "élus\x00budget\x07", **params})
    assert b"\x00" not in response.content and b"\x07" not in response.content
    assert 'value="élus budget' in response.content.decode()

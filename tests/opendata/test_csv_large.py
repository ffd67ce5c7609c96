"""A 10,000-row CSV export streams lazily, chunk by chunk, with a bounded number of queries."""

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from .builders import bulk_jobs

pytestmark = pytest.mark.django_db


def test_ten_thousand_rows_stream_with_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    bulk_jobs(10_000)
    with django_assert_max_num_queries(60):
        response = client.get("/export/jobdescriptionpage.csv")
        assert isinstance(response, StreamingHttpResponse)
        chunks = iter(response.streaming_content)
        with CaptureQueriesContext(connection) as first_rows:
            first = next(chunks)
            second = next(chunks)
        assert first.startswith(b"\xef\xbb\xbf") and second.endswith(b"\r\n")
        # Lazy: the first row needs one chunk of pages (page + themes + tags), not all of them.
        assert len(first_rows) <= 6
        with CaptureQueriesContext(connection) as rest:
            count = 1 + sum(1 for _ in chunks)
    assert count == 10_000
    # The rest is read chunk by chunk (1,000 pages a time): memory bounded by the chunk size.
    assert 9 * 3 <= len(rest) <= 12 * 3


def test_feeds_api_statistics_and_map_use_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    bulk_jobs(300)
    for url, budget in (
        ("/flux/rss/", 25),
        ("/flux/jobdescriptionpage/atom/?category=A", 15),
        ("/api/v2/pages/?limit=20", 25),
        ("/api/v2/pages/?type=practices.JobDescriptionPage&limit=20&fields=*", 25),
        ("/metiers/", 25),
        ("/territoires/", 20),
    ):
        with django_assert_max_num_queries(budget):
            response = client.get(url)
            assert response.status_code == 200, url

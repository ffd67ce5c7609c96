"""The index follows the pages: publish, unpublish, drafts, privacy, delete, move, tags, themes,
documents (PDF, DOCX and ODT text), and never holds what the public must not see."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from practices.models import Theme
from search.models import SearchDocument, SearchTerm
from search.query import SearchQuery

from .conftest import titles


def make_pdf(text):
    """A one-page PDF whose text is ``text`` (ASCII)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_publish_then_unpublish(publish, search, commit):
    page = publish(title="Les jardins partagés de Roubaix")
    assert titles(search("jardins partagés")) == ["Les jardins partagés de Roubaix"]
    with commit():
        page.unpublish()
    assert search("jardins partagés").total == 0
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_pages_changed_together_are_indexed_once_after_the_commit(
    publish, search, commit, backend, monkeypatch
):
    """A transaction changing many pages (a bulk action, a tag merge, the demo corpus) indexes
    them in one batch, as they are once it commits."""
    from django.db import transaction

    from search import indexing

    pages = [publish(title=f"Le budget citoyen de Wattrelos n°{n}") for n in (1, 2, 3)]
    batches = []
    index = backend.index
    monkeypatch.setattr(
        type(backend), "index", lambda self, records: batches.append(len(records)) or index(records)
    )
    with commit(), transaction.atomic(), indexing.batched():
        for page in pages:
            page.title = page.title.replace("budget", "jardin")
            page.save_revision().publish()
        pages[2].unpublish()
    assert batches == [2]
    assert titles(search("jardin citoyen Wattrelos")) == [
        "Le jardin citoyen de Wattrelos n°1",
        "Le jardin citoyen de Wattrelos n°2",
    ]
    assert search("budget").total == 0


def test_drafts_never_appear(publish, search, backend):
    publish(publish=False, title="Le zorglubisme municipal", summary="Une idée zorglubienne.")
    page = publish(title="Une page publiée", summary="Un résumé public.")
    page.summary = "Un brouillon qui parle de zorglubisme."
    page.save_revision()  # a draft of a live page
    assert search("zorglubisme").total == 0
    assert search("zorglubism").suggestion is None
    assert not SearchTerm.objects.filter(word__startswith="zorglub").exists()
    assert backend.autocomplete("zorglub") == []
    assert search("brouillon").total == 0
    assert search("résumé public").total == 1


def test_private_pages_never_appear(publish, search, commit):
    page = publish(title="Le conseil des sages de Tourcoing")
    assert search("sages Tourcoing").total == 1
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert search("sages Tourcoing").total == 0
    with commit():
        restriction.delete()
    assert search("sages Tourcoing").total == 1


def test_pages_under_a_private_section_never_appear(publish, search, commit):
    page = publish(title="Un atelier très confidentiel")
    with commit():
        PageViewRestriction.objects.create(
            page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    assert search("atelier confidentiel").total == 0


def test_deleted_pages_disappear(publish, search, commit, backend):
    page = publish(title="Le forum ouvert de Villeneuve")
    with commit():
        page.delete()
    assert search("forum ouvert Villeneuve").total == 0
    assert backend.autocomplete("villeneuve") == []


def test_moved_pages_get_their_new_url(publish, commit):
    page = publish(title="Une marche exploratoire", slug="marche-exploratoire")
    home = Page.objects.get(depth=2)
    with commit():
        page.move(home, pos="last-child")
    assert SearchDocument.objects.get(page_id=page.pk).url.endswith("/marche-exploratoire/")
    assert "/experiences/" not in SearchDocument.objects.get(page_id=page.pk).url


def test_renamed_tag_and_theme_are_reindexed(publish, search, commit):
    theme = Theme.objects.create(name="Tirage au sort", slug="tirage-au-sort")
    publish(title="Une assemblée citoyenne", themes=[theme], tags=["jury"])
    tag = Tag.objects.get(name="jury")
    with commit():
        tag.name = "panel aléatoire"
        tag.save()
    assert search("panel aléatoire").total == 1
    with commit():
        theme.name = "Sortition"
        theme.save()
    result = search("sortition")
    assert result.total == 1
    assert result.facets["theme"][0].label == "Sortition"


def test_pdf_text_is_searchable_and_follows_the_document(
    publish, search, commit, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Rapport d'évaluation",
        file=ContentFile(make_pdf("La sociocratie holacratique du quartier"), name="rapport.pdf"),
    )
    publish(
        title="Une expérience documentée",
        body=[{"type": "documents", "value": {"items": [{"document": document.pk}]}}],
    )
    result = search("holacratique")
    assert titles(result) == ["Une expérience documentée"]
    with commit():
        document.file = ContentFile(make_pdf("Le budget intergalactique"), name="rapport2.pdf")
        document.save()
    assert search("holacratique").total == 0
    assert search("intergalactique").total == 1


def test_resource_person_emails_are_not_indexed(publish, search):
    publish(
        title="Une démarche avec contacts",
        body=[
            {
                "type": "resource_persons",
                "value": {
                    "items": [
                        {"name": "Camille Martin", "email": "zygomar@courriel-prive.fr"},
                    ]
                },
            }
        ],
    )
    document = SearchDocument.objects.get(title="Une démarche avec contacts")
    assert "Camille Martin" in document.body
    assert "camille.secret" not in document.body
    assert search("zygomar@courriel-prive.fr").total == 0
    assert search("Camille Martin").total == 1


def test_rebuild_command_prints_counts(publish, capsys):
    publish(title="Première"), publish(title="Seconde")
    SearchDocument.objects.all().delete()
    call_command("search_index", "rebuild")
    out = capsys.readouterr().out
    assert "2 pages" in out
    assert SearchDocument.objects.count() == 2


def test_facet_postings_of_another_process_follow_the_change_log(publish, db):
    from search.facets import FacetIndex

    first = publish(title="Une première page", themes=["mobilite"])
    other = FacetIndex("default").refresh()  # as loaded by another worker
    assert first.pk in other.posting("theme", "mobilite")
    second = publish(title="Une seconde page", themes=["mobilite"])
    assert second.pk not in other.posting("theme", "mobilite")  # not refreshed yet
    other.checked_at = 0.0  # a second later, it reads the change log again
    other.refresh()
    posting = other.posting("theme", "mobilite")
    assert first.pk in posting and second.pk in posting


def test_a_parent_theme_finds_the_pages_of_its_sub_themes(publish, search):
    parent = Theme.objects.create(name="Démocratie locale", slug="democratie-locale")
    child = Theme.objects.create(name="Conseils de quartier", slug="cq", parent=parent)
    publish(title="Le conseil du quartier nord", themes=[child])
    assert titles(search("démocratie locale")) == ["Le conseil du quartier nord"]


def _office_file(kind, text):
    """A minimal DOCX or ODT whose two paragraphs hold ``text`` (a word split across runs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "docx":
            head, tail = text[:5], text[5:]
            archive.writestr(
                "word/document.xml",
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body><w:p><w:r><w:t>{head}</w:t></w:r><w:r><w:t>{tail}</w:t></w:r></w:p>"
                "<w:p><w:r><w:t>Fiche de poste</w:t></w:r></w:p></w:body></w:document>",
            )
        else:
            archive.writestr(
                "content.xml",
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
                ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                f"<office:text><text:h>Fiche de poste</text:h><text:p>{text}</text:p></office:text>"
                "</office:body></office:document-content>",
            )
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_docx_and_odt_text_is_searchable(kind, publish, search, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Fiche de poste",
        file=ContentFile(_office_file(kind, "Médiatrice ornithologique"), name=f"fiche.{kind}"),
    )
    publish(
        title="Une fiche jointe",
        body=[{"type": "documents", "value": {"items": [{"document": document.pk}]}}],
    )
    assert titles(search("ornithologique")) == ["Une fiche jointe"]


def test_a_broken_office_file_is_indexed_without_its_text(publish, search, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Fichier abîmé", file=ContentFile(b"PK\x03\x04 not a zip", name="abime.docx")
    )
    publish(
        title="Une fiche au fichier abîmé",
        body=[{"type": "documents", "value": {"items": [{"document": document.pk}]}}],
    )
    assert titles(search("abîmé")) == ["Une fiche au fichier abîmé"]


def _section(text):
    return {"type": "section", "value": {"kind": "context", "text": f"<p>{text}</p>", "items": []}}


def test_pages_naming_the_word_in_their_title_summary_or_tags_rank_first(publish, search, backend):
    """Above pages that only repeat it in their body, page after page of the ranking."""
    talkative = [
        publish(title=f"Compte rendu n°{n}", body=[_section("Le quorumètre, " * 30)])
        for n in range(3)
    ]
    titled = publish(title="Le quorumètre des conseils de quartier")
    summarised = publish(summary="Nous avons essayé un quorumètre en séance plénière.")
    tagged = publish(tags=["quorumètre"])
    ranked = search("quorumètre")
    head = {titled.pk, summarised.pk, tagged.pk}
    assert ranked.total == 6
    assert {hit.page_id for hit in ranked.hits[:3]} == head
    assert [hit.page_id for hit in ranked.hits[3:]] == sorted(p.pk for p in talkative)
    paged = [
        hit.page_id
        for number in (1, 2, 3)
        for hit in backend.search(SearchQuery(text="quorumètre", per_page=2, page=number)).hits
    ]
    assert paged == [hit.page_id for hit in ranked.hits]
    filtered = search("quorumètre", tag=["quorumètre"])
    assert [hit.page_id for hit in filtered.hits] == [tagged.pk]


def test_rich_text_written_in_the_editor_is_indexed_word_by_word(publish, search):
    """Wagtail's editor writes paragraphs and list items with nothing between them, and
    escapes "&": each paragraph's words stay words, and the snippet reads as the page does."""
    publish(
        title="Un compte rendu",
        body=[
            {
                "type": "section",
                "value": {
                    "kind": "context",
                    "text": '<p data-block-key="a1">Le vote des habitants</p>'
                    '<ul><li data-block-key="b2">Urbanisme</li><li data-block-key="c3">'
                    "Mobilités &amp; voirie</li></ul><p>Quorum&nbsp;atteint</p>",
                    "items": [],
                },
            }
        ],
    )
    for word in ("habitants", "urbanisme", "mobilités", "voirie", "quorum"):
        assert titles(search(word)) == ["Un compte rendu"], word
    snippet = search("voirie").hits[0].snippet
    assert "Mobilités &amp; <mark>voirie</mark>" in snippet
    assert "&amp;amp;" not in snippet

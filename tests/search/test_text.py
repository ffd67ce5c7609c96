"""French analysis and query parsing: what makes "élus" ≡ "elus" and "l'évaluation" ≡ "évaluation"."""

from search.query import parse
from search.text import Highlighter, analyse, fold


def test_accents_case_and_elisions_are_folded():
    assert analyse("Élus") == analyse("elus") == analyse("ÉLUS")
    assert analyse("l'évaluation") == analyse("L’Évaluation") == analyse("évaluation")
    assert analyse("qu'habitants") == analyse("habitants")
    assert fold("cœur Œuvre") == "coeur oeuvre"


def test_plurals_share_a_stem():
    assert analyse("budgets participatifs") == analyse("budget participatif")
    assert analyse("conseils citoyens") == analyse("conseil citoyen")
    assert analyse("lycées") == analyse("lycée")


def test_stop_words_are_dropped():
    assert analyse("le conseil de la ville") == analyse("conseil ville")


def test_snippet_highlights_the_original_words_not_the_stems():
    html = Highlighter(analyse("budget évaluation")).snippet(
        "Les Budgets participatifs des lycées <b>Hauts-de-France</b> : l’évaluation."
    )
    assert "<mark>Budgets</mark>" in html
    assert "l’<mark>évaluation</mark>" in html
    assert "<b>" not in html  # the original text is escaped
    assert "&lt;b&gt;" in html


def test_snippet_is_cut_around_the_match_in_a_long_text():
    text = "Introduction générale. " * 200 + "Le tirage au sort des citoyens." + " Suite." * 200
    html = Highlighter(analyse("tirage")).snippet(text)
    assert "<mark>tirage</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html) < 400


def test_snippet_highlights_forms_whose_stem_rewrites_the_ending():
    # Snowball stems "explications" as "expliqu" and "journaux" as "journal".
    html = Highlighter(analyse("explications journal consultations")).snippet(
        "Une explication des Journaux municipaux, sans consultation ni conseil."
    )
    assert "<mark>explication</mark>" in html
    assert "<mark>Journaux</mark>" in html
    assert "<mark>consultation</mark>" in html
    assert "<mark>conseil</mark>" not in html


def test_snippet_is_one_line_and_keeps_french_non_breaking_spaces():
    html = Highlighter(analyse("tirage")).snippet(
        "Le tirage au sort\n\n  des habitants\tpour une question\u00a0: qui décide\u202f?"
    )
    assert html == (
        "Le <mark>tirage</mark> au sort · des habitants pour une question\u00a0: qui décide\u202f?"
    )


def test_snippet_separates_the_lines_of_the_page_unless_a_sentence_ends():
    html = Highlighter(analyse("tirage")).snippet(
        "Missions\nOrganiser le tirage\nAnimer les ateliers.\nUn compte rendu suit."
    )
    assert html == (
        "Missions · Organiser le <mark>tirage</mark> · Animer les ateliers. Un compte rendu suit."
    )


def test_query_syntax():
    parsed = parse('"conseil citoyen" budget -quartier')
    assert parsed.phrases == [["conseil", "citoyen"]]
    assert parsed.words == ["budget"]
    assert parsed.excluded == ["quartier"]


def test_syntax_characters_are_plain_text():
    for text in ['"unbalanced', "a AND b OR NEAR(c)", "x* ^y :z", "!!& | ()", "\x00", "😀"]:
        parsed = parse(text)
        assert all(w.isalnum() for w in parsed.words + parsed.excluded)


def test_huge_queries_are_bounded():
    parsed = parse("participation " * 2000)
    assert len(parsed.words) <= 32

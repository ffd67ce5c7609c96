"""French text analysis shared by every backend: folding, elisions, stop words, stemming.

Documents and queries go through the same functions, so "élus" ≡ "elus", "l'évaluation" ≡
"évaluation" and "conseils citoyens" ≡ "conseil citoyen".
"""

import functools
import html
import re
import threading
import unicodedata

import snowballstemmer

# Elided articles and pronouns: l' d' qu' j' n' s' c' m' t' (straight or curly apostrophe).
ELISION_RE = re.compile(r"\b(?:qu|[ldjnsctm])['’ʼ]", re.IGNORECASE)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
    aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci
    cela ces cet cette d dans de des du elle en es est et etaient etais etait etant ete etes etiez
    etions etre eu eue eues eurent eus eusse eussent eusses eussiez eussions eut eux furent fus
    fusse fussent fusses fussiez fussions fut il ils j je l la le les leur lui m ma mais me meme
    mes moi mon n ne nos notre nous on ont ou par pas pour qu que qui s sa se ses son sont sur
    t ta te tes toi ton tu un une vos votre vous y
    """.split()  # noqa: SIM905
)

_SPECIAL_FOLDS = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o"}


def _slow_fold(text):
    text = "".join(_SPECIAL_FOLDS.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _build_fold_table():
    table = {}
    for code in range(0x00C0, 0x0250):
        folded = _slow_fold(chr(code))
        if folded.isascii():
            table[code] = folded
    table.update({ord("’"): "'", ord("ʼ"): "'"})
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text):
    """Lowercase and strip accents: "Élus" → "elus", "cœur" → "coeur"."""
    text = text.translate(_FOLD_TABLE).lower()
    return text if text.isascii() else _slow_fold(text)


@functools.lru_cache(maxsize=200_000)
def fold_word(word):
    return fold(word)


def _build_same_length_table():
    """A str.translate table that folds single characters without changing the text's length."""
    table = {}
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1:
            table[code] = base.lower()
    table.update({ord("œ"): "o", ord("Œ"): "o", ord("æ"): "a", ord("Æ"): "a"})
    return table


_SAME_LENGTH_FOLD = _build_same_length_table()

_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


@functools.lru_cache(maxsize=200_000)
def stem_folded(word):
    """The French Snowball stem of an already folded word."""
    if word.isdigit() or len(word) < 3:
        return word
    return _stemmer().stemWord(word)


def remove_elisions(text):
    return ELISION_RE.sub(" ", text)


def words(text):
    """The words of ``text`` as written (elisions removed), e.g. for the vocabulary."""
    return WORD_RE.findall(remove_elisions(text or ""))


@functools.lru_cache(maxsize=200_000)
def analyse_word(word):
    """The index term of one written word, or "" for a stop word."""
    folded = fold_word(word)
    if not folded or folded in STOP_WORDS:
        return ""
    return stem_folded(folded)


def analyse(text):
    """The index terms of ``text``, in order (stop words dropped)."""
    terms = []
    for word in words(text):
        term = analyse_word(word)
        if term:
            terms.append(term)
    return terms


def analysed_text(text):
    """What the SQLite full-text table stores: the terms separated by spaces."""
    return " ".join(analyse(text))


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text):
    """Text safe to store and show: no NUL or control characters, no highlight sentinels."""
    return CONTROL_RE.sub(" ", text or "").replace(MARK_START, "").replace(MARK_END, "")


MARK_START = "⟦"
MARK_END = "⟧"


# A line of the page ending with one of these reads on after a space; another one (a heading, a
# list item, a line of missions) after " · ".
SENTENCE_ENDS = frozenset(".!?:;…»)")


def collapse_spaces(text):
    """One line: the lines of the page (paragraphs, headings, list items) joined by " · ", or a
    space after a line ending a sentence; tabs and runs of spaces as one space; non-breaking
    spaces are kept (French typography). str.replace: a regular expression takes three times
    as long on an extract."""
    text = text.replace("\r", "\n").replace("\t", " ")
    if "\n" in text:
        lines = [line.strip(" ") for line in text.split("\n")]
        lines = [line for line in lines if line]
        text = "".join(
            line + (" " if line.rstrip(MARK_END)[-1:] in SENTENCE_ENDS else " · ")
            for line in lines[:-1]
        ) + (lines[-1] if lines else "")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def marks_to_html(text):
    """Escape ``text`` and turn the highlight sentinels into <mark> elements."""
    escaped = collapse_spaces(html.escape(text, quote=False))
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


MAX_SNIPPET_MATCHES = 40


def _latin1_fold_table():
    """bytes.translate table: Latin-1 letters to lowercase ASCII (one byte each)."""
    table = bytearray(range(256))
    for code in range(256):
        folded = _slow_fold(chr(code))
        if len(folded) == 1 and folded.isascii():
            table[code] = ord(folded)
    return bytes(table)


_LATIN1_FOLD = _latin1_fold_table()


_BYTES_WORD_RE = re.compile(rb"[a-z0-9\x80-\xff]*")
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789") | frozenset(range(0x80, 0x100))


def _stem_prefix(term):
    """What the folded written forms of ``term`` start with, to find them in a text. Snowball
    rewrites at most the last two letters of a stem ("explication" → "expliqu", "journaux" →
    "journal"): the rest, and never fewer than four letters. A longer prefix than four letters
    spares checking every "cons…" word when looking for "consign"."""
    return term[: max(4, len(term) - 2)]


class Highlighter:
    """Finds, in original texts, the words whose index term is one of ``terms``, and cuts around
    them an extract of about ``length`` characters. Built once per query, used for each hit."""

    def __init__(self, terms, length=240):
        self.terms = frozenset(t for t in terms if t)
        self.length = length
        # Looked for in a folded copy of the text with one byte per character.
        self.needles = tuple({_stem_prefix(t).encode("latin-1", "replace") for t in self.terms})

    def _matches(self, text):
        """(start, end) of the matching words of ``text``, in order, at most MAX_SNIPPET_MATCHES.

        Candidates are the words starting like a term in a folded copy of the text with one
        byte per character (Latin-1, others as "?"), so that positions are those of the
        original; then the original word is checked."""
        folded = text.encode("latin-1", "replace").translate(_LATIN1_FOLD)
        candidates = {}
        for needle in self.needles:
            position = folded.find(needle)
            count = 0
            while position >= 0 and count < 4 * MAX_SNIPPET_MATCHES:
                if position == 0 or folded[position - 1] not in _WORD_BYTES:
                    candidates[position] = _BYTES_WORD_RE.match(folded, position + len(needle))
                    count += 1
                position = folded.find(needle, position + 1)
        matches = []
        terms = self.terms
        for start in sorted(candidates):
            end = candidates[start].end()
            if analyse_word(text[start:end]) in terms:
                matches.append((start, end))
                if len(matches) >= MAX_SNIPPET_MATCHES:
                    break
        return matches

    def window(self, text):
        """(start, end, matches): the extract of ``text`` holding the most matching words, and
        the (start, end) of those words."""
        length = self.length
        matches = self._matches(text) if self.needles else []
        if matches:
            # The window of ``length`` characters holding the most matches.
            best_start, best_count = matches[0][0], 0
            j = 0
            for i, (start, _end) in enumerate(matches):
                while j < len(matches) and matches[j][1] <= start + length:
                    j += 1
                if j - i > best_count:
                    best_start, best_count = start, j - i
            start = max(0, best_start - length // 4)
            # Start on a word boundary.
            if start > 0:
                space = text.find(" ", start)
                start = space + 1 if 0 <= space < best_start else start
        else:
            start = 0
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        return start, end, [(s, e) for s, e in matches if s >= start and e <= end]

    def snippet(self, text):
        """A highlighted extract of the ORIGINAL ``text``: HTML (escaped text, matches in
        <mark>), or "" if ``text`` is empty."""
        if not text:
            return ""
        start, end, matches = self.window(text)
        pieces = []
        cursor = start
        for m_start, m_end in matches:
            pieces += (text[cursor:m_start], MARK_START, text[m_start:m_end], MARK_END)
            cursor = m_end
        pieces.append(text[cursor:end])
        # Stored text holds no sentinels (``clean``): the extract is escaped in one go.
        return with_ellipses(text, start, end, marks_to_html("".join(pieces)))


def with_ellipses(text, start, end, html_extract):
    """``html_extract`` (whitespace already collapsed) with "…" where ``text`` goes on."""
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + html_extract + suffix

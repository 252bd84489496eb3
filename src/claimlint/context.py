"""Context cues around a match: negation, mention, question, attribution and hedging.

Each cue is decided from the tokens of the match's sentence and clause, plus the block the
match sits in (a FAQ heading, a list introduced by "be wary of any clinic that:", a table
column headed "Myth"). Only matched spans are analysed, so the cost follows the number of
matches, not the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any, NamedTuple

from claimlint.document import Segment

SENTENCE_END = frozenset({".", "!", "?"})
CLAUSE_BREAK = frozenset(
    {
        ";",
        ":",
        "—",
        "–",
        "(",
        ")",
        "but",
        "however",
        "although",
        "though",
        "yet",
        "whereas",
        "except",
        "while",
        "unless",
    }
)
NEGATION = frozenset(
    {"not", "no", "never", "without", "cannot", "nor", "neither", "none", "nothing", "nobody", "n't", "non", "hardly"}
)
# Verbal negation scopes over the whole predicate, parentheticals included ("do not, as of this
# writing, suggest that…"); determiner negation ("no", "without") covers only its own phrase.
VERBAL_NEGATION = frozenset({"not", "n't", "never", "cannot", "hardly"})
NEGATION_PHRASES = (
    ("inaccurate", "to"),
    ("untrue",),
    ("false", "to"),
    ("wrong", "to"),
    ("misleading", "to"),
    ("far", "from"),
    ("in", "no", "way"),
    ("is", "a", "myth"),
    ("rather", "than"),
    ("instead", "of", "claiming"),
    ("instead", "of", "promising"),
    ("refrain", "from"),
    ("avoid", "claiming"),
    ("avoid", "promising"),
    ("stop", "short", "of"),
    ("let", "alone"),
)
# "No" before a comparative makes a superlative ("there is no better way to …"), not a denial.
NO_COMPARATIVES = ("better", "safer", "faster", "easier", "quicker")
PSEUDO_NEGATION = (
    ("not", "only"),
    ("not", "just"),
    ("no", "doubt"),
    ("no", "wonder"),
    ("not", "merely"),
    ("no", "longer", "have", "to"),
    ("nothing", "short", "of"),
    ("not", "to", "mention"),
    ("no", "matter"),
    ("without", "a", "doubt"),
    ("without", "question"),
    ("no", "question"),
    ("no", "more", "than"),
    ("not", "least"),
    # a superlative, not a denial: "there is no better way to …", "no safer choice"
    *(("no", word) for word in NO_COMPARATIVES),
    ("nothing", "better"),
    # rhetorical questions that sell: "Isn't it time for …?", "Don't you deserve …?"
    *((nt, *rest) for nt in ("n't", "n’t") for rest in (("it", "time"), ("you", "deserve"))),
)
VERDICTS = frozenset(
    """approved proven established supported recommended effective available authorised
    authorized allowed permitted licensed validated backed guaranteed true accurate substantiated
    shown demonstrated cleared possible realistic achievable something case real honest legal""".split()
)
NEGATIVE_VERDICTS = frozenset(
    {
        "unproven",
        "unapproved",
        "unsubstantiated",
        "untrue",
        "false",
        "misleading",
        "unsupported",
        "illegal",
        "prohibited",
        "banned",
        "unlicensed",
    }
)
ABSENT_SUPPORT = frozenset({"support", "evidence", "basis", "proof", "backing", "data"})
INDIRECT_IF = (
    ("see", "if"),
    ("ask", "if"),
    ("asks", "if"),
    ("test", "if"),
    ("tests", "if"),
    ("check", "if"),
    ("know", "if"),
    ("wonder", "if"),
    ("determine", "if"),
    ("tell", "if"),
    ("out", "if"),
)
NEW_CLAUSE = frozenset({"so", "therefore", "thus", "hence", "which", "and", "but", "yet", "while"})
SUBORDINATORS = frozenset({"if", "unless", "when", "whenever", "once", "until", "because", "since", "whether"})
NEGATION_WINDOW = 9
# Evidence that is denied, and products said not to exist, earlier in the clause: the claim after
# them is reported, not made ("There is no scientific evidence that these products can treat or
# cure coronavirus", "There are no … products available to treat or cure COVID-19") — but not
# "there is no better treatment for …" or "there is no need for surgery: …".
DENIED_EVIDENCE = re.compile(
    r"\b(?:no|not\s+any|little|insufficient|lack\s+of)\s+(?:[\w'’-]+\s+){0,4}?(?:evidence|studies|proof|data|trials?)\b"
    r"[^.;:!?]{0,40}?\b(?:that|showing|shows|establishing|demonstrat\w*|prov\w*|to\s+(?:show|support|suggest))\b"
    r"|\bthere\s+(?:is|are|was|were)\s+(?:currently\s+|presently\s+|still\s+|as\s+yet\s+)?no\s+"
    r"(?!(?:" + "|".join(NO_COMPARATIVES)
    + r"|greater|finer|more|other\s+way|substitute|need|reason|doubt|downtime|pain|risk)\b)"
    r"(?:[\w'’-]+,?\s+){0,12}?(?:approved|available|authori[sz]ed|licensed|proven|known|shown|cleared)\b",
    re.IGNORECASE,
)
DENIAL_WORDS = frozenset({"no", "any", "little", "insufficient", "lack"})
# What starts a new thought after a denial ("… available, so …"); "and" continues a list.
DENIAL_BREAKS = (NEW_CLAUSE - {"and"}) | {"because", "instead"}
VERBAL_WINDOW = 16
AUXILIARIES = frozenset(
    {
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "ca",
        "wo",
    }
)
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "„"})
TRAILING = SENTENCE_END | QUOTES  # what a sentence end takes along after its final punctuation
QUOTE_MARK = re.compile("[" + "".join(sorted(QUOTES)) + "]")
MENTION_CUES: tuple[tuple[str, ...], ...] = (
    ("terms", "like"),
    ("term",),
    ("terms",),
    ("words", "like"),
    ("phrases", "like"),
    ("phrase",),
    ("expressions", "like"),
    ("expression",),
    ("labels", "like"),
    ("label",),
    ("so", "-", "called"),
    ("so", "called"),
    ("called",),
    ("marketed", "as"),
    ("advertised", "as"),
    ("described", "as"),
    ("describe",),
    ("describes",),
    ("names", "like"),
    ("language", "of"),
    ("language", "like"),
    ("wording",),
    ("buzzwords",),
    ("slogans",),
    ("claims", "like"),
    # a regulator's or reviewer's wording about claims: "claims that a product can cure
    # baldness are medicinal claims", "Claims to reverse hair loss …"
    ("claims", "that"),
    ("claims", "to"),
    ("claims", "about"),
    ("claiming", "that"),
    ("claimed", "that"),
    ("advertise", "that"),
    ("advertising", "that"),
    ("promises", "like"),
    ("words",),
    ("word",),
    ("the", "word"),
    ("described",),
    ("labelled",),
    ("labeled",),
    ("dubbed",),
    ("touted", "as"),
    ("billed", "as"),
    ("branded", "as"),
    ("sold", "as"),
    ("offered", "as"),
)
# A quoted example of language is a mention: 'lines such as "only three places left"', 'phrases
# like 'clinically proven''. Unquoted ("conditions such as arthritis") or after other nouns ("our
# patients say things like 'my pain is gone'") it is still a claim, and so after "stories",
# "reviews" or "testimonials", which is how clinics introduce their own testimonials.
EXAMPLE_CUES: tuple[tuple[str, ...], ...] = (
    ("such", "as"),
    ("like",),
    ("e.g.",),
    ("for", "example"),
    ("for", "instance"),
    ("including",),
)
ATTRIBUTION_CUES: tuple[tuple[str, ...], ...] = (
    ("some", "clinics"),
    ("many", "clinics"),
    ("other", "clinics"),
    ("clinics", "that"),
    ("clinics", "which"),
    ("clinics", "who"),
    ("a", "clinic", "that"),
    ("any", "clinic"),
    ("providers", "that"),
    ("some", "providers"),
    ("many", "people"),
    ("some", "people"),
    ("be", "wary"),
    ("beware",),
    ("watch", "out"),
    ("red", "flag"),
    ("red", "flags"),
    ("warning", "sign"),
    ("warning", "signs"),
    ("they", "claim"),
    ("claimed", "that"),
    ("the", "brochure"),
    ("the", "ad"),
    ("the", "advert"),
    ("advertisements",),
    ("myth",),
    ("misconception",),
    ("avoid", "any"),
    ("you", "may", "read"),
    ("you", "might", "read"),
    ("you", "may", "hear"),
    ("you", "might", "hear"),
    ("you", "will", "hear"),
    ("you", "may", "see"),
    ("you", "might", "see"),
    ("you", "may", "be", "told"),
    ("you", "might", "be", "told"),
    ("you", "may", "come", "across"),
    ("steer", "clear"),
)
WARNING_HEADERS = (
    "sounds like",
    "wording",
    "phrasing",
    "phrases",
    "language",
    "come across",
    "you may see",
    "you might see",
    "you'll hear",
    "you will hear",
    "pitch",
    "example claim",
    "what clinics",
    "what sellers",
    "what ads",
    "myth",
    "misconception",
    "red flag",
    "warning",
    "claim",
    "avoid",
    "what they say",
    "marketing",
    "hype",
    "misleading",
    "don't",
    "do not",
    "unsafe",
    "unregulated",
    "low safety",
)
CITATION = re.compile(
    r"\bn\s?=\s?\d|\bet\s+al\b|\bPMID\b|\bdoi\b|\bNCT\d|\((?:[^()]*?,\s?)?(?:19|20)\d\d[a-z]?\)|\bp\s?[<=]\s?0?\.\d"
    r"|\[\d+(?:[,–-]\d+)*\]|\bpublished in\b|\b(?:19|20)\d\d (?:study|trial|review|meta-analysis)\b",
    re.IGNORECASE,
)
AUX_QUESTION = frozenset(
    {
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "has",
        "have",
    }
)
WH_WORDS = frozenset({"how", "what", "why", "when", "who", "which", "where", "whom", "whose"})
# Questions that sell rather than ask ('Why settle for less than the leading name in …?', 'Tired
# of …?'): the claim inside stands.
RHETORICAL_OPENINGS = (
    ("why", "settle"),
    ("why", "wait"),
    ("why", "suffer"),
    ("why", "live"),
    ("why", "put"),
    ("why", "go"),
    ("why", "look"),
    ("why", "risk"),
    ("why", "keep"),
    ("tired", "of"),
    ("sick", "of"),
    ("fed", "up"),
    ("ready", "to"),
    ("isn't", "it"),
    ("don't", "you"),
    ("who", "else"),
    ("what", "are", "you", "waiting"),
)
# A question the page answers itself with a yes ('Could it be the answer to your Parkinson's? For
# many of our patients, yes.') asserts what it asks.
ANSWERED_YES = re.compile(
    r"[ \t]*(?:[-–—:][ \t]*)?(?:a[:.][ \t]*)?"
    r"(?:(?:for|in)\s+(?:many|most|the\s+majority(?:\s+of)?)(?:\s+[\w'’]+){0,3},?\s+)?"
    r"(?:yes|yep|absolutely|definitely|certainly|of\s+course)\b(?!\s*,?\s*(?:but|however))",
    re.IGNORECASE,
)
AGENCIES = frozenset(
    {
        "fda",
        "ftc",
        "cofepris",
        "mhra",
        "tga",
        "ahpra",
        "asa",
        "mfds",
        "mhlw",
        "regulator",
        "regulators",
        "agency",
        "isscr",
        "nih",
        "who",
        "cdc",
    }
)
SELLER_NOUNS = frozenset(
    """clinic clinics provider providers seller sellers salesperson salespeople rep reps
    representative representatives host hosts presenter presenters promoter promoters brochure brochures
    flyer flyers leaflet leaflets mailer mailers ad ads advert adverts advertisement advertisements
    website websites site sites marketer marketers influencer influencers lounge lounges spa spas
    company companies vendor vendors operator operators chain chains franchise franchises seminar
    seminars campaign campaigns listing listings outfit outfits competitor competitors receptionist
    receptionists coordinator coordinators consultant consultants advisor advisors adviser advisers
    salesman salesmen saleswoman agent agents recruiter recruiters staffer staffers""".split()
)
THIRD_PARTY_DETERMINERS = frozenset(
    """the a an some many other these those such certain several most
    one another few their its""".split()
)
FIRST_PERSON = frozenset({"our", "my", "we", "us", "i", "me"})
# "The clinic offers…" is usually the advertiser speaking of itself: these nouns count as third
# parties only with a quantifier ("some clinics", "a clinic", "other providers").
COULD_BE_US = frozenset(
    """clinic clinics provider providers website websites site sites lounge lounges spa
    spas company companies chain chains franchise franchises operator operators outfit outfits campaign
    campaigns""".split()
)
QUANTIFIERS = frozenset("some many other these those such certain several most one another few a an any".split())
AGENCY_VERBS = frozenset(
    "said says state states stated observed observes found finds noted notes warned warns alleged alleges "
    "concluded determined considers considered advises advised".split()
)
REPORTING_VERBS = frozenset(
    form
    for verb in """claim promise advertise tout boast pitch market insist assure tell say suggest dangle
        invite lure push sell offer guarantee trumpet imply brand bill label describe call""".split()
    for form in (
        verb,
        verb + "s",
        verb + "d",
        verb + "ed",
        verb + "ing",
        verb[:-1] + "ing",
        verb[:-1] + "ies",
        verb[:-1] + "ied",
    )
) | {"told", "said", "sold", "sells", "selling"}
CRITICAL_CUES = (
    "be wary",
    "beware",
    "red flag",
    "warning sign",
    "be cautious",
    "be skeptical",
    "be sceptical",
    "misleading",
    "unproven",
    "no evidence",
    "has not been shown",
    "scam",
    "be careful",
    "watch out",
    "too good to be true",
    "consumer alert",
    "fda warns",
)
# In a header, "Promise" or "Offer" is usually the clinic's own column; only saying, hearing and
# past-tense reporting verbs mark other people's words.
HEADER_VERBS = frozenset(
    """say says said hear heard told tell tells claim claims claimed pitch pitched
    promised advertised touted boasted marketed suggested""".split()
)
ENUMERATION_MARKS = frozenset({"—", "–", ":"})
# "the marketing register broadens — longevity, biological-age reversal": nouns that, followed by a
# dash or colon, introduce a list of words rather than claims.
LANGUAGE_NOUNS = frozenset(
    """register rhetoric vocabulary messaging wording phrasing language buzzwords
    slogans taglines terms terminology jargon""".split()
)
EXAMPLE_NOUNS = LANGUAGE_NOUNS | frozenset(
    """line lines claim claims phrase phrases term word words statement statements slogan
    promise promises ad ads advert adverts advertisement advertisements headline headlines tagline
    buzzword expression expressions label labels assertion assertions copy boast boasts pitch
    pitches""".split()
)
HEADER_WORDS = frozenset(
    """hear heard hearing sounds claim claims claimed myth myths misconception
    misconceptions hype pitch pitches warning warnings flag flags avoid beware wording phrasing phrases
    language slogan slogans buzzword buzzwords marketing elsewhere unregulated unproven""".split()
)
HEDGES = frozenset(
    {
        "may",
        "might",
        "could",
        "can",
        "possibly",
        "potentially",
        "perhaps",
        "likely",
        "help",
        "helps",
        "support",
        "supports",
    }
)


@dataclass
class Cues:
    """Which context cues hold for one match, with a human-readable reason for each."""

    found: dict[str, str] = field(default_factory=dict)
    negation_at: int = -1
    negation_char: int = -1

    def __contains__(self, kind: str) -> bool:
        return kind in self.found


# A hash stands for the same string in every vocabulary: the few NORMs that differ from a
# word's lower case ("am", "day", "n't" -> "not") are shared by all documents.
STRINGS: dict[int, str] = {}


class Sentence(NamedTuple):
    """What every match in one sentence shares: its text, first words, citation, quote marks."""

    text: str
    opening: list[str]
    citation: str | None
    quoted: bool  # whether it holds any quote mark


class Tokens:
    """Plain-Python columns of a spaCy Doc's tokens, with the sentence breaks found once.

    The cue functions read these lists instead of ``doc[i]``: each ``doc[i]`` builds a spaCy
    Token object, and that was most of the time spent deciding context. Offsets, spaces and
    sentence breaks cover the whole document; the word columns (``text``, ``lower``,
    ``negation``, ``verbal``) are filled a block (the text between blank lines) at a time by
    ``load``, because most blocks hold no match and are never read.
    """

    def __init__(self, doc: Any, prose: str) -> None:
        import numpy as np
        from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, NORM

        self.prose = prose
        array = doc.to_array([IDX, LENGTH, LOWER, NORM, IS_SPACE])
        n = len(array)
        self.idx: list[int] = array[:, 0].tolist()
        self.ends: list[int] = (array[:, 0] + array[:, 1]).tolist()
        self.space: list[bool] = array[:, 4].astype(bool).tolist()
        self.text: list[str] = [""] * n
        self.lower: list[str] = [""] * n
        self.negation: list[bool] = [False] * n
        self.verbal: list[bool] = [False] * n
        # Few tokens have a NORM other than their lower case ("n't" -> "not", inflected rule words).
        # Their strings are looked up only for the blocks that get loaded.
        self._strings = doc.vocab.strings
        self._norm_at, norm_ids = _differing(array[:, 2], array[:, 3])
        self._norm_ids: dict[int, int] = dict(zip(self._norm_at, norm_ids, strict=True))
        spaces = np.flatnonzero(array[:, 4]).tolist()
        idx, ends = self.idx, self.ends
        self._blank_lines = [i for i in spaces if "\n\n" in prose[idx[i] : ends[i]]]
        self._loaded: set[int] = set()
        self._ready = (0, 0)  # the tokens the last ``load`` covered
        self._sentences: dict[tuple[int, int], Sentence] = {}
        # Punctuation has no case: the LOWER ids of final punctuation are its ORTH ids.
        self._stops, self._sentence_ends = self._breaks(array[:, 2])

    def __len__(self) -> int:
        return len(self.idx)

    def load(self, start: int, end: int) -> None:
        """Fill the word columns for the blocks that tokens [start, end) lie in, and the blank
        lines around them."""
        ready = self._ready
        if ready[0] <= start < ready[1] and end <= ready[1]:
            return  # a document's hits come in text order: most lie in the blocks loaded last
        first = bisect_left(self._blank_lines, start)
        last = bisect_left(self._blank_lines, max(start, end - 1))
        for block in range(first, last + 1):
            if block not in self._loaded:
                self._loaded.add(block)
                lo = self._blank_lines[block - 1] if block else 0
                hi = self._blank_lines[block] + 1 if block < len(self._blank_lines) else len(self.idx)
                self._fill(lo, hi)
        # The blank line before the first block belongs to the block before it.
        lo = self._blank_lines[first - 1] + 1 if first else 0
        hi = self._blank_lines[last] + 1 if last < len(self._blank_lines) else len(self.idx)
        self._ready = (lo, hi)

    def _fill(self, lo: int, hi: int) -> None:
        text = [self.prose[a:b] for a, b in zip(self.idx[lo:hi], self.ends[lo:hi], strict=True)]
        # A blank pipeline's LOWER is str.lower() of the text (tokenizer exceptions set only NORM).
        lower = [word.lower() for word in text]
        self.text[lo:hi] = text
        self.lower[lo:hi] = lower
        self.negation[lo:hi] = map(NEGATION.__contains__, lower)
        self.verbal[lo:hi] = map(VERBAL_NEGATION.__contains__, lower)
        for i in self._norm_at[bisect_left(self._norm_at, lo) : bisect_left(self._norm_at, hi)]:
            norm = self._string(self._norm_ids[i])
            self.negation[i] = self.negation[i] or norm in NEGATION
            self.verbal[i] = self.verbal[i] or norm in VERBAL_NEGATION

    @cached_property
    def critical(self) -> bool:
        """Whether the document warns about claims (``critical_stance``), decided on first use."""
        return critical_stance(self.prose)

    def sentence(self, lo: int, hi: int) -> Sentence:
        """The text, opening words and citation of the sentence tokens [lo, hi), found once."""
        found = self._sentences.get((lo, hi))
        if found is None:
            text = self.span_text(lo, hi).strip()
            opening = [w.lower().rstrip(".:,").replace("’", "'") for w in text.split(maxsplit=4)[:4]]
            quoted = QUOTE_MARK.search(text) is not None
            found = self._sentences[lo, hi] = Sentence(text, opening, _citation(text), quoted)
        return found

    def norm(self, i: int) -> str:
        """The NORM of token i."""
        norm_id = self._norm_ids.get(i)
        return (self._string(norm_id) if norm_id is not None else "") or self._word(i).lower()

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as ``doc[start:end].text``."""
        if end <= start:
            return ""
        return self.prose[self.idx[start] : self.ends[end - 1]]

    def sentence_start(self, start: int) -> int:
        """Where the sentence of token ``start`` begins: after final punctuation or a blank line."""
        k = bisect_left(self._stops, start)
        return self._stops[k - 1] + 1 if k else 0

    def sentence_end(self, end: int) -> int:
        """Where a sentence reaching ``end`` stops: before a blank line, or after final
        punctuation and the run of punctuation and closing quotes that follows it."""
        k = bisect_left(self._stops, end)
        return self._sentence_ends[k] if k < len(self._sentence_ends) else len(self.idx)

    def _string(self, string_id: int) -> str:
        """The string a spaCy string id (hash) stands for."""
        string = STRINGS.get(string_id)
        if string is None:
            string = STRINGS[string_id] = self._strings[string_id]
        return string

    def _word(self, i: int) -> str:
        """The text of token i, whether or not its block is loaded."""
        return self.prose[self.idx[i] : self.ends[i]]

    def _breaks(self, lowers: Any) -> tuple[list[int], list[int]]:
        """The tokens that end a sentence (final punctuation, blank-line space), with the end
        offset of each such sentence."""
        import numpy as np

        final = np.zeros(len(lowers), dtype=bool)
        for word_id in _ids(SENTENCE_END):
            final |= lowers == word_id
        stops = set(np.flatnonzero(final).tolist())
        n = len(self.idx)
        ends = []
        breaks = sorted(stops.union(self._blank_lines))
        for i in breaks:
            end = i
            if i in stops:
                end += 1
                while end < n and self.prose[self.idx[end] : self.ends[end]] in TRAILING:
                    end += 1
            ends.append(end)
        return breaks, ends


def _differing(lowers: Any, norms: Any) -> tuple[list[int], list[int]]:
    """The positions where two id columns differ, with the second column's ids there."""
    import numpy as np

    at = np.flatnonzero(lowers != norms)
    return at.tolist(), norms[at].tolist()


@cache
def _ids(words: frozenset[str]) -> tuple[int, ...]:
    """The string ids (hashes) spaCy's arrays hold for words."""
    from spacy.strings import get_string_id

    return tuple(get_string_id(w) for w in sorted(words))


def sentence_bounds(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """Token range of the sentence around [start, end), bounded by blocks and final punctuation."""
    return tokens.sentence_start(start), tokens.sentence_end(end)


def reported_speech(words: list[str]) -> str | None:
    """A reporting verb earlier in the clause, with no first-person speaker before it."""
    for i, word in enumerate(words):
        if word in REPORTING_VERBS and not FIRST_PERSON.intersection(words[:i]):
            return word
    return None


def reports_others(header: str) -> bool:
    """A column header over other people's words: 'Myth', 'Red flag', 'What the ad says',
    'What you may hear elsewhere' — but not 'What we promise'."""
    words = set(re.findall(r"[a-z']+", header.lower()))
    if words & FIRST_PERSON:
        return False
    if words & (HEADER_VERBS | SELLER_NOUNS | HEADER_WORDS):
        return True
    return any(cue in header for cue in WARNING_HEADERS)


def agency_report(words: list[str]) -> str | None:
    """'The FDA has observed that you offer …', 'The CDC states …': a regulator reporting."""
    if AGENCIES.isdisjoint(words):  # the common case, decided in C
        return None
    for i, word in enumerate(words):
        if word in AGENCIES:
            verb = next((w for w in words[i + 1 : i + 4] if w in AGENCY_VERBS), None)
            if verb is not None:
                return f"{word} {verb}"
    return None


def seller_report(words: list[str]) -> str | None:
    """'some lounges dangle …', 'the host told …', 'mailers inviting …': a third-party seller
    as the subject of a marketing or reporting verb, earlier in the same clause."""
    if SELLER_NOUNS.isdisjoint(words):  # the common case, decided in C
        return None
    for i, word in enumerate(words):
        if word not in SELLER_NOUNS:
            continue
        before = words[i - 1] if i else ""
        bare_plural = word.endswith("s") and before not in FIRST_PERSON | THIRD_PARTY_DETERMINERS
        allowed = QUANTIFIERS if word in COULD_BE_US else THIRD_PARTY_DETERMINERS
        if before not in allowed and not bare_plural:
            continue
        for verb in words[i + 1 : i + 9]:
            if verb in REPORTING_VERBS:
                return f"{before} {word} {verb}".strip()
    return None


def _listed_language(words: list[str]) -> str | None:
    """A language noun followed by a dash or colon that lists words: 'the register — longevity'."""
    if LANGUAGE_NOUNS.isdisjoint(words):  # the common case, decided in C
        return None
    for i, word in enumerate(words):
        if word in LANGUAGE_NOUNS and any(w in ENUMERATION_MARKS for w in words[i + 1 :]):
            return word
    return None


def _is_question_opening(words: list[str]) -> bool:
    """A heading that reads as a question without its '?': 'Does it hurt', 'What are the risks',
    but not 'What our patients are saying'."""
    if not words:
        return False
    if words[0] in AUX_QUESTION:
        return True
    return words[0] in WH_WORDS and any(w in AUX_QUESTION for w in words[1:3])


def _sells_by_asking(tokens: Tokens, opening: list[str], sent_end: int) -> bool:
    """Whether a question is rhetorical ('Why settle for less?') or answered yes right after."""
    if any(opening[: len(p)] == list(p) for p in RHETORICAL_OPENINGS):
        return True
    if sent_end == 0 or sent_end >= len(tokens.idx):
        return False
    after = tokens.ends[sent_end - 1]
    return ANSWERED_YES.match(tokens.prose, after, after + 80) is not None


def _clause_start(tokens: Tokens, sent_start: int, start: int) -> int:
    """The first token after the last clause break before ``start``."""
    lower, text = tokens.lower, tokens.text
    i = start
    while i > sent_start and lower[i - 1] not in CLAUSE_BREAK and text[i - 1] not in (".", ";"):
        i -= 1
    return i


def _clause_words(tokens: Tokens, sent_start: int, start: int) -> list[str]:
    """Lower-cased words from the last clause break before ``start`` up to it."""
    return tokens.lower[_clause_start(tokens, sent_start, start) : start]


NEGATION_PHRASE_STARTS = frozenset(p[0] for p in NEGATION_PHRASES)
MENTION_STARTS = frozenset(p[0] for p in MENTION_CUES)
EXAMPLE_STARTS = frozenset(p[0] for p in EXAMPLE_CUES)
ATTRIBUTION_STARTS = frozenset(p[0] for p in ATTRIBUTION_CUES)


def _led_by(
    phrases: tuple[tuple[str, ...], ...], starts: frozenset[str], words: Collection[str]
) -> list[tuple[str, ...]]:
    """The phrases, in their order, whose first word (one of ``starts``) is among ``words``."""
    if starts.isdisjoint(words):  # the common case, decided in C
        return []
    present = set(words)
    return [p for p in phrases if p[0] in present]


def _quoted_example(before: list[str]) -> str | None:
    """The language noun a quoted match is an example of ('claims such as "…"'), if any."""
    for phrase in _led_by(EXAMPLE_CUES, EXAMPLE_STARTS, before):
        at = _find(before, phrase)
        nouns = [w for w in before[max(0, at - 3) : at] if w in EXAMPLE_NOUNS] if at != -1 else []
        if nouns:
            return f"'{nouns[-1]}'"
    return None


def _find(words: list[str], phrase: tuple[str, ...]) -> int:
    if phrase[0] not in words:  # the common case, decided in C
        return -1
    k = len(phrase)
    for i in range(len(words) - k + 1):
        if words[i] == phrase[0] and tuple(words[i : i + k]) == phrase:
            return i
    return -1


def inner_negation(tokens: Tokens, start: int, end: int, literals: frozenset[str]) -> int | None:
    """A negation word inside the match that the pattern did not spell out (it filled a gap)."""
    tokens.load(start, end)
    negation, lower = tokens.negation, tokens.lower
    if True not in negation[start:end]:
        return None  # the common case, decided in C
    for i in range(start, end):
        if not negation[i] or lower[i] in literals or tokens.norm(i) in literals:
            continue  # not a negation, or one the pattern spells out
        if not _is_pseudo(tokens, i, end):
            return i
    return None


def _starts_clause(tokens: Tokens, sent_start: int, i: int) -> bool:
    return i == sent_start or tokens.text[i - 1] in (",", ";", ":", "(", "—") or tokens.space[i - 1]


def post_negation(tokens: Tokens, end: int, sent_end: int) -> str | None:
    """A negated verdict after the match: '… for anti-ageing are not approved', '… is unproven'."""
    words = tokens.lower[end : min(sent_end, end + 7)]
    for i, word in enumerate(words):
        if word in CLAUSE_BREAK or word in (",", ".", "but"):
            return None
        if word in ("not", "n't", "never") and i + 1 < len(words):
            rest = words[i + 1 : i + 4]
            verdict = next((w for w in rest if w in VERDICTS), None)
            if verdict:
                return f"{word} {verdict}"
        if word in NEGATIVE_VERDICTS and i <= 3:
            return word
        if word in ("no", "little") and i + 1 < len(words) and words[i + 1] in ABSENT_SUPPORT:
            return f"{word} {words[i + 1]}"  # "… have no support from human trials"
    return None


def _in_subordinate_clause(tokens: Tokens, sent_start: int, i: int) -> bool:
    """Whether token i sits in a fronted 'if/unless/when …,' clause (its negation stays there)."""
    for j in range(i - 1, sent_start - 1, -1):
        word = tokens.lower[j]
        if tokens.text[j] == "," or word in CLAUSE_BREAK:
            return False
        if word in SUBORDINATORS:
            return True
    return False


def _is_pseudo(tokens: Tokens, i: int, limit: int) -> bool:
    if tokens.lower[i] == "no" and i + 1 < len(tokens) and tokens.text[i + 1] == "-":
        return True  # a compound adjective: "no-obligation consult", "no-strings credit"
    following = tuple(tokens.lower[i : min(i + 4, limit)])
    return any(following[: len(p)] == p for p in PSEUDO_NEGATION)


def negation_cue(tokens: Tokens, sent_start: int, start: int, self_negating: bool = False) -> tuple[str, int] | None:
    """The negation cue (text, token index) governing a match starting at ``start``, if any.

    A match that carries its own negation ("no downtime", "doesn't hurt") is a claim in itself; an
    earlier negation cancels it only from inside the same comma-free clause, and a coordinated
    "no X and no Y" list does not ("no scars and no downtime").
    """
    lower, text, space, negation = tokens.lower, tokens.text, tokens.space, tokens.negation
    lo = max(sent_start, start - VERBAL_WINDOW)
    after_comma = False
    coordinated = False
    for i in range(start - 1, lo - 1, -1):
        word = lower[i]
        if word in CLAUSE_BREAK or (space[i] and "\n" in text[i]):
            break
        if text[i] == ",":
            after_comma = True
            if self_negating or (i + 1 < start and lower[i + 1] in NEW_CLAUSE):
                break  # ", so the treatment is safe": a new clause the negation does not reach
            continue
        if word in ("and", "or", "&", "/"):
            coordinated = True
        if not negation[i] or _is_pseudo(tokens, i, start):
            continue
        verbal = tokens.verbal[i]
        if self_negating and (coordinated or not verbal):
            continue
        if start - i <= NEGATION_WINDOW and not after_comma:
            return text[i], i
        if not after_comma and _starts_clause(tokens, sent_start, i):
            return text[i], i  # "No stem cell therapy is authorised to be offered as a cure"
        if verbal and not _in_subordinate_clause(tokens, sent_start, i):
            return text[i], i
        break
    lo = max(sent_start, start - NEGATION_WINDOW)
    words = lower[lo:start]
    for phrase in _led_by(NEGATION_PHRASES, NEGATION_PHRASE_STARTS, words):
        at = _find(words, phrase)
        if at != -1:
            return " ".join(phrase), lo + at
    return None if self_negating else _denied_evidence(tokens, sent_start, start)


def _denied_evidence(tokens: Tokens, sent_start: int, start: int) -> tuple[str, int] | None:
    """'no scientific evidence that …', 'there are no … products available to …' before the match."""
    clause = _clause_start(tokens, sent_start, start)
    if DENIAL_WORDS.isdisjoint(tokens.lower[clause:start]):  # the common case, decided in C
        return None
    found = DENIED_EVIDENCE.search(tokens.prose, tokens.idx[clause], tokens.idx[start])
    if found is None:
        return None
    # The denial reaches the match only when nothing starts a new thought between them: "There
    # is no vaccine available, so boosting your immune system is vital" keeps its claim.
    gap = tokens.prose[found.end() : tokens.idx[start]].lower().split()
    if len(gap) > 8 or DENIAL_BREAKS.intersection(gap):
        return None
    at = bisect_left(tokens.idx, found.start())
    return found.group(0), at


DOUBLE_QUOTES = frozenset({'"', "“", "”", "«", "»", "„"})
SINGLE_QUOTES = frozenset({"'", "‘", "’"})
OPENERS = frozenset({"(", "[", ":", "—", "–"})


def inside_quotes(tokens: Tokens, sent_start: int, start: int, end: int, sent_end: int) -> bool:
    """Whether the match sits inside a quoted stretch of its sentence."""
    text = tokens.text
    opened = sum(map(DOUBLE_QUOTES.__contains__, text[sent_start:start]))
    if opened % 2 == 1:
        return not DOUBLE_QUOTES.isdisjoint(text[end:sent_end])
    if start > sent_start and text[start - 1] in QUOTES and end < sent_end and text[end] in QUOTES:
        return True
    return _inside_single_quotes(tokens, sent_start, start, end, sent_end)


def _inside_single_quotes(tokens: Tokens, sent_start: int, start: int, end: int, sent_end: int) -> bool:
    """Whether the match lies between an opening single quote (after a space, before a word) and
    a closing one (after a word): an apostrophe ("don't", "patients' knees") is neither."""
    text, idx, ends = tokens.text, tokens.idx, tokens.ends
    opening = -1
    for i in range(start - 1, sent_start - 1, -1):
        if text[i] in SINGLE_QUOTES:
            attached_after = ends[i] == idx[i + 1]
            detached_before = i == sent_start or ends[i - 1] < idx[i] or text[i - 1] in OPENERS
            if attached_after and detached_before:
                opening = i
            break
    if opening == -1:
        return False
    for i in range(end, sent_end):
        if text[i] in SINGLE_QUOTES:
            return ends[i - 1] == idx[i]
    return False


def critical_stance(text: str) -> bool:
    """Whether a document warns about claims (a consumer article, a 'red flags' page) rather
    than only making them; only then is reported speech read as someone else's claim."""
    lowered = text.lower()
    return sum(lowered.count(cue) for cue in CRITICAL_CUES) >= 2


@lru_cache(maxsize=4096)
def _citation(sentence: str) -> str | None:
    """The citation a sentence carries, if any (every match in the sentence asks)."""
    found = CITATION.search(sentence)
    return found.group(0) if found else None


@lru_cache(maxsize=1024)
def block_attribution(kind: str, column_header: str, lead: str) -> str | None:
    """Why a block frames its words as others': a column headed 'Myth', a list led by 'be wary of'."""
    header = column_header.lower()
    if header and reports_others(header):
        return f"in a table column headed '{column_header}'"
    if kind != "list_item":
        return None
    lead_words = lead.lower().replace(":", " ").split()
    led = _led_by(ATTRIBUTION_CUES, ATTRIBUTION_STARTS, lead_words)
    if any(_find(lead_words, p) != -1 for p in led):
        return f"in a list introduced by '{lead[:60]}'"
    return None


def analyse(
    tokens: Tokens,
    start: int,
    end: int,
    segment: Segment | None,
    self_negating: bool = False,
) -> Cues:
    """Decide every context cue for the match tokens [start, end)."""
    tokens.load(start, end)
    cues = Cues()
    s_lo, s_hi = sentence_bounds(tokens, start, end)
    before = tokens.lower[s_lo:start]
    neg = negation_cue(tokens, s_lo, start, self_negating)
    if neg is None:
        after = post_negation(tokens, end, s_hi)
        if after:
            cues.found["negated"] = f"negated afterwards ('{after}')"
    if neg:
        cues.found["negated"] = f"negated by '{neg[0]}'"
        at = neg[1]
        if at > s_lo and tokens.lower[at - 1] in AUXILIARIES:
            at -= 1
        cues.negation_at = at
        cues.negation_char = tokens.idx[at]
    sentence = tokens.sentence(s_lo, s_hi)
    clause = _clause_words(tokens, s_lo, start)
    opening = sentence.opening
    first = opening[0] if opening else ""
    heading_question = bool(segment and segment.kind == "heading" and _is_question_opening(opening))
    if sentence.text.endswith("?") or heading_question or first == "q":
        if not _sells_by_asking(tokens, opening, s_hi):
            cues.found["question"] = "in a question"
    # Every INDIRECT_IF phrase ends in "if": without one there is nothing to look for.
    elif "whether" in clause or ("if" in clause and any(_find(clause, p) != -1 for p in INDIRECT_IF)):
        cues.found["question"] = "in an indirect question ('whether/if …')"
    quoted = sentence.quoted and inside_quotes(tokens, s_lo, start, end, s_hi)
    for phrase in _led_by(MENTION_CUES, MENTION_STARTS, before):
        at = _find(before, phrase)
        if at == -1:
            continue
        # A cue governs a quoted term anywhere after it, or the (list of) words that follow it
        # within its clause: 'sold under language of immune support, vitality or anti-ageing'.
        enumerated = any(w in ENUMERATION_MARKS for w in before[at + len(phrase) :])
        if quoted or enumerated or len(before) - at <= 6 or (len(phrase) > 1 and _find(clause, phrase) != -1):
            cues.found["mention"] = f"mentioned after '{' '.join(phrase)}'"
            break
    else:
        noun = _listed_language(before)
        example = _quoted_example(before) if quoted and noun is None else None
        if noun is not None:
            cues.found["mention"] = f"listed as language after '{noun}'"
        elif example is not None:
            cues.found["mention"] = f"quoted as an example of {example}"
    for phrase in _led_by(ATTRIBUTION_CUES, ATTRIBUTION_STARTS, before):
        if _find(before, phrase) != -1:
            cues.found["attributed"] = f"attributed to others ('{' '.join(phrase)}')"
            break
    else:
        seller = seller_report(clause) or agency_report(clause)
        if seller:
            cues.found["attributed"] = f"attributed to others ('{seller}')"
        elif quoted and tokens.critical:
            verb = reported_speech(clause)
            if verb:
                cues.found["attributed"] = f"quoted as reported speech ('{verb}')"
    if "attributed" not in cues and segment is not None and segment.kind == "blockquote":
        words = set(tokens.lower[s_lo:s_hi]) | set(segment.lead.lower().split())
        agency = words & AGENCIES
        if agency:
            cues.found["attributed"] = f"quoting a regulator ({sorted(agency)[0]})"
    if "attributed" not in cues and segment is not None:
        framed = block_attribution(segment.kind, segment.column_header, segment.lead)
        if framed is not None:
            cues.found["attributed"] = framed
    if sentence.citation is not None:
        cues.found["cited"] = f"the sentence cites a source ('{sentence.citation}')"
    for i in range(start - 1, max(s_lo, start - 6) - 1, -1):
        if tokens.lower[i] in HEDGES:
            cues.found["hedged"] = f"hedged by '{tokens.text[i]}'"
            break
    return cues

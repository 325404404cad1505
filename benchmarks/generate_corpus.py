"""A generated data folder of about N passages, for benchmarks at 10k, 100k and 1M passages.

    python benchmarks/generate_corpus.py OUT_DIR --passages N [--seed S] [--queries 20]

OUT_DIR becomes a complete data folder (`KAZSEC_DATA=OUT_DIR kazsec build` builds it): the
bundled data copied unchanged (sources/, their sources.toml entries, kb/, whose citations
quote those sources), then generated documents appended to sources/ and sources.toml one by
one (streamed: memory stays flat whatever N is) until the corpus holds exactly N passages
(the bundled five included; N below their count gives no generated document).

A generated document is a "web" source of 80-120 paragraphs (100 on average, so 1M passages
is about 10,000 documents), one paragraph a line with blank lines between, as the bundled
pages are. Every line becomes one passage: a title, for half the documents a dateline or
byline, section headings every 8-20 paragraphs, body paragraphs of ~400 characters (from
about 200 to 600), for a tenth of the documents interviewer questions between the answers,
for a quarter a closing run of numbered endnotes. 70% of the documents are English-like
(Latin script), 30% Russian-like (Cyrillic).

Body text is filler: sentences of 5-20 words drawn from a generated vocabulary with a
natural frequency curve (Zipf-Mandelbrot, p(rank) ~ 1/(rank + 2.7)), one vocabulary per
script: 24,000 Latin forms (the 30 commonest English function words on top, then
syllable-built stems with English-like suffixes) and 16,000 Cyrillic forms (Russian
function words, then stems with Russian-like endings), shorter forms tending to be commoner.
Commas, a year or a figure now and then, sentence ends mostly '.', some '!' and ';' ('?' ends
only an interviewer's questions: in an interview the build takes a paragraph ending so for one). One in 32
body paragraphs is a quote (in “” or «»).
Mentions of the knowledge base's people and bodies (data/kb/people.toml, agencies.toml:
`name`, `native_ru`, `native_kk`, curator aliases, the aliases the sources use, and
surnames) are put at random places: half the paragraphs have none, a quarter one, the
rest two to five; prominent entities (those with many aliases) are named far more often
(Zipf over entities). English documents name them in Latin script (3% with the Cyrillic
form in brackets after), Russian ones in Cyrillic (surnames in -ов/-ев/-ин sometimes
declined: Масимова, Масимову).

Deterministic: the same --seed and N give byte-identical folders. Each document draws from
its own random generator, seeded by (seed, document number), so any document can be made
again alone (sample_queries does, and bench_scale adds document N+1 to a corpus).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import multiprocessing
import random
import re
import shutil
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import _cyrillic_name, romanize

BUNDLED = Path(__file__).resolve().parents[1] / "data"
PARAGRAPH_CHARS = 400  # a body paragraph's mean length
DOCUMENT_LINES = (80, 120)  # passages per generated document, uniform; 100 on average
LATIN_FORMS = 24_000
CYRILLIC_FORMS = 16_000
RUSSIAN_SHARE = 0.3
TABLE_BITS = 18  # the inverse-CDF table of a vocabulary has 2**18 slots
ZIPF_SHIFT = 2.7  # Zipf-Mandelbrot: p(rank) ~ 1 / (rank + 2.7), rank from 1
GENERATED_NOTE = "Generated for benchmarks by benchmarks/generate_corpus.py (seed {seed}, document {number}); not a real document."

# -- vocabularies ---------------------------------------------------------------------------

ENGLISH_TOP = (  # noqa: SIM905
    "the of and to in a is that for on with as by at from it was be are this which an not or "
    "have has its but were their"
).split()
RUSSIAN_TOP = (  # noqa: SIM905
    "и в не на что с по как а к из у за от о же для до это его при так но все был она они также"
).split()
LATIN_ONSETS = (  # noqa: SIM905
    "b c d f g h k l m n p r s t v w y z bl br ch cl cr dr fl fr gl gr pl pr sc sh sl sp st str th tr "
    "b d g l m n p r s t"
).split() + [""] * 6
LATIN_NUCLEI = "a e i o u a e i o u ea ee ai ou oo io au".split()  # noqa: SIM905
LATIN_CODAS = ("",) * 4 + tuple("n r s t l m nd st ng nt rd ck th x".split())  # noqa: SIM905
LATIN_SUFFIXES = ("s", "ed", "ing", "er", "ly", "ion", "al", "ment", "ness", "able", "ity", "ive")
CYRILLIC_ONSETS = (  # noqa: SIM905
    "б в г д ж з к л м н п р с т ф х ц ч ш щ бр вл гр др кр пр ст тр сл зв пл св сп "
    "б в д к л м н п р с т"
).split() + [""] * 4
CYRILLIC_NUCLEI = "а е и о у ы я ю а е и о о а".split()  # noqa: SIM905
CYRILLIC_CODAS = ("", "", "", "", "н", "р", "с", "т", "л", "м", "к", "ст", "нт", "в")
CYRILLIC_ENDINGS = (  # noqa: SIM905
    "а ы у ом ой ов ами ах е ий ая ое ые ого ому ть ет ют ал ала или ение ости ный ная"
).split()
LATIN_WORD = re.compile(r"[a-z]+")
CYRILLIC_WORD = re.compile(r"[а-яё]+")


@dataclass
class Vocabulary:
    """Word forms by rank (commonest first) and a table to draw them with the Zipf weights."""

    script: str
    words: list[str]
    table: list[str]  # 2**TABLE_BITS slots; a form fills a share of them equal to its weight
    mean_length: float  # mean length of a drawn form
    rank: dict[str, int] = field(default_factory=dict)  # form -> rank, from 1

    def draw(self, rng: random.Random, count: int) -> list[str]:
        """`count` forms drawn with the Zipf weights (C-speed: random bytes mapped through the table)."""
        shift = (32 - TABLE_BITS).__rrshift__
        slots = memoryview(rng.randbytes(4 * count)).cast("I")
        return list(map(self.table.__getitem__, map(shift, slots)))


def _stem(
    rng: random.Random, onsets: list[str], nuclei: list[str], codas: tuple[str, ...], syllables: int
) -> str:
    """Syllables of an onset and a nucleus, a coda after the last; only the first may lack an onset."""
    parts = []
    for i in range(syllables):
        onset = rng.choice(onsets)
        while i and not onset:
            onset = rng.choice(onsets)
        parts.append(onset + rng.choice(nuclei))
    return "".join(parts) + rng.choice(codas)


def _forms(rng: random.Random, script: str, count: int, top: list[str]) -> list[str]:
    """`count` distinct forms: `top` first, then stems with endings, shorter ones tending commoner."""
    if script == "latin":
        onsets, nuclei, codas, endings, word = (
            LATIN_ONSETS,
            LATIN_NUCLEI,
            LATIN_CODAS,
            LATIN_SUFFIXES,
            LATIN_WORD,
        )
    else:
        onsets, nuclei, codas, endings, word = (
            CYRILLIC_ONSETS,
            CYRILLIC_NUCLEI,
            CYRILLIC_CODAS,
            CYRILLIC_ENDINGS,
            CYRILLIC_WORD,
        )
    seen = set(top)
    made: list[tuple[float, str]] = []
    while len(made) < count - len(top):
        stem = _stem(rng, onsets, nuclei, codas, rng.choice((1, 1, 2, 2, 2, 3, 3)))
        if len(stem) < 2:
            continue
        inflected = script == "cyrillic"
        variants = [stem] if not inflected or rng.random() < 0.3 else []
        variants += [stem + e for e in rng.sample(endings, rng.randint(1, 4 if inflected else 2))]
        for form in variants:
            if form not in seen and word.fullmatch(form) and len(made) < count - len(top):
                seen.add(form)
                made.append((len(form) + rng.gauss(0, 2.5), form))
    made.sort()
    return top + [form for _, form in made]


def _vocabulary(script: str, forms: list[str]) -> Vocabulary:
    slots = 1 << TABLE_BITS
    weights = [1 / (rank + ZIPF_SHIFT) for rank in range(1, len(forms) + 1)]
    total = sum(weights)
    counts = [max(1, round(w / total * slots)) for w in weights]
    counts[0] += slots - sum(counts)  # the commonest form absorbs the rounding
    table = list(
        itertools.chain.from_iterable(
            itertools.repeat(f, c) for f, c in zip(forms, counts, strict=True)
        )
    )
    mean = sum(len(f) * c for f, c in zip(forms, counts, strict=True)) / slots
    return Vocabulary(script, forms, table, mean, {f: r for r, f in enumerate(forms, 1)})


@lru_cache(maxsize=4)
def vocabularies(seed: int) -> dict[str, Vocabulary]:
    """The Latin and the Cyrillic vocabulary of a seed."""
    rng = random.Random(seed * 7919 + 17)
    return {
        "latin": _vocabulary("latin", _forms(rng, "latin", LATIN_FORMS, ENGLISH_TOP)),
        "cyrillic": _vocabulary("cyrillic", _forms(rng, "cyrillic", CYRILLIC_FORMS, RUSSIAN_TOP)),
    }


# -- the knowledge base's names -----------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A person or body of the knowledge base and the forms its name is written in."""

    id: str
    kind: str  # "person" or "agency"
    name: str
    latin: tuple[str, ...]
    cyrillic: tuple[str, ...]


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


@lru_cache(maxsize=4)
def known_entities(data: Path = BUNDLED) -> tuple[Entity, ...]:
    """People and bodies of data/kb, the most prominent (most name forms) first."""
    found: list[Entity] = []
    for file, table, kind in (
        ("people.toml", "person", "person"),
        ("agencies.toml", "agency", "agency"),
    ):
        document = tomllib.loads((data / "kb" / file).read_text(encoding="utf-8"))
        for record in document.get(table, []):
            names = [record["name"], record.get("native_ru", ""), record.get("native_kk", "")]
            names += record.get("curator_aliases", [])
            names += [alias["name"] for alias in record.get("aliases", [])]
            if kind == "person":  # surnames, as texts name people after the first time
                for full in names[:3]:
                    if " " in full and len(full.split()[-1]) >= 4:
                        names.append(full.split()[-1])
            latin: dict[str, None] = {}
            cyrillic: dict[str, None] = {}
            for name in names:
                name = " ".join(name.split())
                if name:
                    (cyrillic if _is_cyrillic(name) else latin).setdefault(name, None)
            found.append(Entity(record["id"], kind, record["name"], tuple(latin), tuple(cyrillic)))
    found.sort(key=lambda e: (-(len(e.latin) + len(e.cyrillic)), e.id))
    return tuple(found)


class EntityTable:
    """Draw entities with Zipf weights over prominence, and a form of each in a script."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = entities
        self.cumulative = list(itertools.accumulate(1 / (r + 1.5) for r in range(len(entities))))
        self.latin = [e for e in entities if e.latin]
        self.cyrillic_forms = [(e, f) for e in entities for f in e.cyrillic]

    def mention(self, rng: random.Random, script: str) -> str:
        entity = self.entities[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]
        if script == "cyrillic" and entity.cyrillic:
            form = rng.choice(entity.cyrillic)
            if entity.kind == "person" and form.endswith(("ов", "ев", "ин")) and rng.random() < 0.4:
                form += rng.choice(("а", "у", "ым", "е"))
            return form
        forms = entity.latin or entity.cyrillic
        form = forms[0] if rng.random() < 0.4 else rng.choice(forms)
        if script == "latin" and entity.cyrillic and rng.random() < 0.03:
            form += f" ({entity.cyrillic[0]})"
        return form


# -- documents ------------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (  # noqa: SIM905
    "January February March April May June July August September October November December"
).split()
MONTHS_RU = (  # noqa: SIM905
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
PUBLISHERS_LATIN = (
    "The Steppe Review", "Central Asia Security Monitor", "Eurasia Policy Brief", "The Astana Observer",
    "Caspian Affairs Quarterly", "Kazakhstan Analytical Digest", "Almaty Policy Institute",
    "Journal of Post-Soviet Security", "Nomad Strategic Forum", "The Diplomat's Almanac",
    "Silk Road Research Centre", "Eurasian Studies Review", "Tengri Security Notes", "Open Steppe Media",
)  # fmt: skip
PUBLISHERS_CYRILLIC = (
    "Центр стратегических исследований", "Казахстанская правда", "Время Востока", "Экспертный клуб Евразии",
    "Вестник Центральной Азии", "Степной аналитический центр", "Журнал Безопасность и право", "Открытая Азия",
)  # fmt: skip
KINDS = ("analysis", "report", "news", "commentary", "field report", "academic article", "brief")
SENTENCE_LENGTHS = (5, 6, 7, 8, 9, 10, 10, 11, 12, 12, 13, 14, 15, 16, 18, 20)
SENTENCE_ENDS = (".",) * 26 + ("?", "!", ";", ".", ".", ".")  # 32 entries
MENTIONS_PER_PARAGRAPH = (0,) * 64 + (1,) * 32 + (2,) * 16 + (3,) * 9 + (4,) * 4 + (5,) * 3  # 128


class Document(NamedTuple):
    number: int
    id: str
    script: str
    kind: str
    lines: list[str]
    body: list[int]  # indices of filler paragraphs (body text and answers) in `lines`


def document_rng(seed: int, number: int) -> random.Random:
    return random.Random((seed << 32) | number)


def document_length(seed: int, number: int) -> int:
    """The passages document `number` has when whole (its generator's first draw)."""
    return document_rng(seed, number).randint(*DOCUMENT_LINES)


def document_id(number: int) -> str:
    return f"gen-{number:05d}"


class Writer:
    """Makes documents: filler paragraphs, headings, notes, mentions."""

    def __init__(self, seed: int, data: Path = BUNDLED) -> None:
        self.seed = seed
        self.vocabularies = vocabularies(seed)
        self.entities = EntityTable(known_entities(data))
        # Words a paragraph of PARAGRAPH_CHARS needs: a form, its space, and punctuation now and then.
        self.words_per_paragraph = {
            s: PARAGRAPH_CHARS / (v.mean_length + 1.4) for s, v in self.vocabularies.items()
        }

    def document(self, number: int, lines: int | None = None) -> Document:
        """Document `number`, cut to `lines` passages when given (the corpus's last one)."""
        rng = document_rng(self.seed, number)
        whole = rng.randint(*DOCUMENT_LINES)
        size = whole if lines is None else min(lines, whole)
        script = "cyrillic" if rng.random() < RUSSIAN_SHARE else "latin"
        interview = rng.random() < 0.1
        kind = "interview" if interview else KINDS[rng.randrange(len(KINDS))]
        vocabulary = self.vocabularies[script]
        out = [self.title(rng, script)]
        if rng.random() < 0.5 and size > 3:
            out.append(self.dateline(rng, script))
        notes = rng.randint(3, 10) if rng.random() < 0.25 and size > 30 else 0
        body: list[int] = []
        next_heading = len(out) + rng.randint(8, 20)
        question = interview
        while len(out) < size - notes:
            if len(out) >= next_heading:
                out.append(self.heading(rng, vocabulary))
                next_heading = len(out) + rng.randint(8, 20)
            elif question:
                out.append(self.paragraph(rng, vocabulary, 0.3, question=True))
                question = False
            else:
                body.append(len(out))
                out.append(
                    self.paragraph(
                        rng, vocabulary, rng.choice((0.5, 0.7, 0.85, 1.0, 1.0, 1.15, 1.3, 1.5))
                    )
                )
                question = interview
        out += [self.note(rng, n, script) for n in range(1, size - len(out) + 1)]
        return Document(number, document_id(number), script, kind, out, body)

    def paragraph(
        self, rng: random.Random, vocabulary: Vocabulary, share: float, question: bool = False
    ) -> str:
        """Filler sentences of about `share` x PARAGRAPH_CHARS, with mentions; a question ends asking."""
        count = max(4, round(self.words_per_paragraph[vocabulary.script] * share))
        words = vocabulary.draw(rng, count)
        bits, random_ = rng.getrandbits, rng.random
        for _ in range(MENTIONS_PER_PARAGRAPH[bits(7)]):
            words.insert(
                int(random_() * (len(words) + 1)), self.entities.mention(rng, vocabulary.script)
            )
        # Sentences are marked in place: a capital on the first word, an end on the last.
        size = len(words)
        start, capital = 0, True
        while start < size:
            stop = start + SENTENCE_LENGTHS[bits(4)]
            if stop > size - 3:  # no sentence shorter than 3 words at the end
                stop = size
            length = stop - start
            extra = bits(5)
            if extra < 12 and length > 5:
                words[start + 2 + int(random_() * (length - 4))] += ","
            elif extra == 13:
                words[start + 1 + int(random_() * (length - 1))] = str(1991 + bits(5))
            elif extra == 14:
                words[start + 1 + int(random_() * (length - 1))] = f"{2 + bits(6)}%"
            if capital:
                first = words[start]
                words[start] = first[:1].upper() + first[1:]
            end = SENTENCE_ENDS[bits(5)]
            if stop == size:
                end = "?" if question else "."
            elif end == "?" and not question:
                end = "."  # only an interview's questions ask
            words[stop - 1] += end
            capital = end != ";"
            start = stop
        text = " ".join(words)
        if not question and bits(5) == 0:
            return ("«" + text + "»") if vocabulary.script == "cyrillic" else ("“" + text + "”")
        return text

    def heading(self, rng: random.Random, vocabulary: Vocabulary) -> str:
        words = [w for w in vocabulary.draw(rng, 12) if len(w) > 3][: rng.randint(2, 6)] or [
            "Summary"
        ]
        return " ".join(w[:1].upper() + w[1:] for w in words)

    def title(self, rng: random.Random, script: str) -> str:
        vocabulary = self.vocabularies[script]
        words = [w for w in vocabulary.draw(rng, 20) if len(w) > 3][: rng.randint(3, 7)]
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words) + 1), self.entities.mention(rng, script))
        words = words or ["Untitled"]
        title = " ".join(words)
        return title[:1].upper() + title[1:]

    def dateline(self, rng: random.Random, script: str) -> str:
        if rng.random() < 0.4:
            return "by " + self.author(rng, script)
        day, month, year = rng.randint(1, 28), rng.randrange(12), rng.randint(1998, 2024)
        if script == "cyrillic":
            return f"{day} {MONTHS_RU[month]} {year}"
        weekday = f"{WEEKDAYS[rng.randrange(7)]}, " if rng.random() < 0.5 else ""
        return f"{weekday}{day} {MONTHS[month]} {year}"

    def author(self, rng: random.Random, script: str) -> str:
        name = _cyrillic_name(rng)
        return name if script == "cyrillic" else romanize(name, "bgn")

    def note(self, rng: random.Random, number: int, script: str) -> str:
        words = self.vocabularies[script].draw(rng, 8)
        title = " ".join(w for w in words if len(w) > 2) or "notes"
        return f"{number}. {self.author(rng, script)}, {title[:1].upper() + title[1:]} ({rng.randint(1998, 2024)})."

    def metadata(self, document: Document, text: bytes) -> dict[str, object]:
        """The sources.toml entry of a written document."""
        rng = random.Random((self.seed << 32) ^ (document.number * 2654435761) ^ 0x5EED)
        publishers = PUBLISHERS_CYRILLIC if document.script == "cyrillic" else PUBLISHERS_LATIN
        year, month, day = rng.randint(1998, 2024), rng.randint(1, 12), rng.randint(1, 28)
        precision = rng.random()
        if precision < 0.7:
            date = f"{year}-{month:02d}-{day:02d}"
        elif precision < 0.85:
            date = f"{year}-{month:02d}"
        elif precision < 0.95:
            date = str(year)
        else:
            date = ""
        publisher = publishers[rng.randrange(len(publishers))]
        return {
            "id": document.id,
            "file": f"{document.id}.txt",
            "sha256": hashlib.sha256(text).hexdigest(),
            "title": document.lines[0],
            "publisher": publisher,
            "author": self.author(rng, document.script) if rng.random() < 0.6 else "",
            "date": date,
            "kind": document.kind,
            "format": "web",
            "notes": GENERATED_NOTE.format(seed=self.seed, number=document.number),
            "url": f"https://bench.example/{year}/{document.id}",
        }


def toml_entry(meta: dict[str, object]) -> str:
    """A [[source]] table; JSON string escapes are valid TOML basic strings."""
    lines = ["", "[[source]]"]
    lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    lines.append("boilerplate = []")
    return "\n".join(lines) + "\n"


def document_bytes(document: Document) -> bytes:
    return ("\n\n".join(document.lines) + "\n").encode("utf-8")


# -- the folder -----------------------------------------------------------------------------


@lru_cache(maxsize=4)
def bundled_passage_texts(data: Path = BUNDLED) -> tuple[tuple[str, str], ...]:
    """(passage id, text) of the bundled sources' passages, through kazsec's own repair pipeline."""
    from kazsec.corpus.pipeline import repair_source
    from kazsec.corpus.sources import load_source_metadata, read_pinned_source

    return tuple(
        (passage.id, passage.text)
        for meta in load_source_metadata(data)
        for passage in repair_source(meta, read_pinned_source(data, meta)).passages
    )


def bundled_passages(data: Path = BUNDLED) -> int:
    """How many passages the bundled sources make."""
    return len(bundled_passage_texts(data))


def plan(passages: int, seed: int, data: Path = BUNDLED) -> list[int]:
    """Passages of each generated document, in order, so the corpus holds exactly `passages`.

    Every document is whole but the last, which is cut to what is still wanted.
    """
    wanted = passages - bundled_passages(data)
    sizes: list[int] = []
    while wanted > 0:
        sizes.append(min(document_length(seed, len(sizes)), wanted))
        wanted -= sizes[-1]
    return sizes


def generated_documents(passages: int, seed: int, data: Path = BUNDLED) -> Iterator[Document]:
    writer = Writer(seed, data)
    for number, size in enumerate(plan(passages, seed, data)):
        yield writer.document(number, size)


_WORKER: tuple[Writer, Path] | None = None  # a worker process's writer and sources folder


def _start_worker(writer: Writer, folder: Path) -> None:
    global _WORKER
    _WORKER = (writer, folder)


def _write_document(job: tuple[int, int]) -> tuple[str, int, int]:
    """Make and write one document; its catalogue entry, bytes and passages."""
    assert _WORKER is not None
    writer, folder = _WORKER
    document = writer.document(*job)
    text = document_bytes(document)
    (folder / f"{document.id}.txt").write_bytes(text)
    return toml_entry(writer.metadata(document, text)), len(text), len(document.lines)


def generate(
    out: Path, passages: int, seed: int = 0, data: Path = BUNDLED, jobs: int = 1
) -> dict[str, object]:
    """Write the data folder; returns what was made (documents, passages, bytes, seconds).

    With `jobs` > 1, worker processes make and write the documents; the catalogue is still
    written in document order, so the folder is the same byte for byte.
    """
    started = time.perf_counter()
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"generate_corpus: {out} is not empty")
    (out / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copytree(data / "kb", out / "kb")
    for source in sorted((data / "sources").iterdir()):
        shutil.copy2(source, out / "sources" / source.name)
    writer = Writer(seed, data)
    work = list(enumerate(plan(passages, seed, data)))
    documents = written = lines = 0
    pool = None
    if jobs > 1 and len(work) > 1:
        context = multiprocessing.get_context("fork")
        pool = context.Pool(jobs, _start_worker, (writer, out / "sources"))
        made: Iterator[tuple[str, int, int]] = pool.imap(_write_document, work, chunksize=4)
    else:
        _start_worker(writer, out / "sources")
        made = map(_write_document, work)
    try:
        with (out / "sources.toml").open("w", encoding="utf-8") as catalogue:
            catalogue.write((data / "sources.toml").read_text(encoding="utf-8"))
            catalogue.write(
                "\n# Generated documents follow "
                f"(benchmarks/generate_corpus.py --passages {passages} --seed {seed}).\n"
            )
            for entry, size, count in made:
                catalogue.write(entry)
                documents += 1
                written += size
                lines += count
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return {
        "documents": documents,
        "generated_passages": lines,
        "passages": lines + bundled_passages(data),
        "generated_bytes": written,
        "jobs": jobs,
        "seconds": round(time.perf_counter() - started, 2),
    }


def append_document(out: Path, seed: int, number: int) -> str:
    """Write generated document `number` (whole) into a data folder and its catalogue entry; its id."""
    writer = Writer(seed, BUNDLED)
    document = writer.document(number)
    text = document_bytes(document)
    (out / "sources" / f"{document.id}.txt").write_bytes(text)
    with (out / "sources.toml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(toml_entry(writer.metadata(document, text)))
    return document.id


def corpus_passages(
    passages: int, seed: int = 0, data: Path = BUNDLED
) -> Iterator[tuple[str, str]]:
    """(passage id, text) of every passage of the corpus, bundled ones first, as the build has them."""
    yield from bundled_passage_texts(data)
    yield from generated_passages(passages, seed, data)


def generated_passages(
    passages: int, seed: int = 0, data: Path = BUNDLED
) -> Iterator[tuple[str, str]]:
    """(passage id, text) of every generated passage, without writing or repairing anything.

    The ids are those the build gives (`gen-00012/p007`): a generated line needs no repair,
    so the text is the passage's text as stored.
    """
    for document in generated_documents(passages, seed, data):
        for seq, text in enumerate(document.lines, 1):
            yield f"{document.id}/p{seq:03d}", text


# -- sample queries -------------------------------------------------------------------------


class Query(NamedTuple):
    kind: str  # name | word | phrase | prefix | cyrillic
    text: str
    band: str = ""  # for words: frequent | middling | rare; for cyrillic: name | word


BANDS = {"frequent": (1, 100), "middling": (1_000, 5_000), "rare": (10_000, 10**9)}
QUERY_KINDS = ("name", "word", "phrase", "prefix", "cyrillic")


def sample_queries(
    passages: int, seed: int = 0, per_kind: int = 30, data: Path = BUNDLED
) -> dict[str, list[Query]]:
    """Queries of each kind that the corpus of (`passages`, `seed`) answers, `per_kind` of each.

    Chosen deterministically (from the seed) among up to 40 generated documents spread evenly
    over the corpus, made again in memory (nothing is read from the folder):
      - name: a known person's or body's `name` (data/kb), entities drawn evenly;
      - word: a Latin filler word of a body paragraph, a third from each frequency band by the
        word's rank in its vocabulary: frequent (ranks 1-100, the function words included),
        middling (1,000-5,000), rare (10,000 and after: in a 10k corpus a few hits each);
      - phrase: 2 or 3 consecutive words of a body paragraph (either script), no punctuation
        between them, a mention never part of one;
      - prefix: the first 3-5 letters of a Latin filler word of 6+ letters (at least two letters
        left off), from any band;
      - cyrillic: half a known name as a Russian or Kazakh text writes it (native_ru, native_kk,
        Cyrillic aliases), half a Cyrillic filler word from any band.
    Every word, phrase and prefix comes from a paragraph of the corpus, so it has a hit.
    """
    rng = random.Random(seed * 104729 + per_kind)
    sizes = plan(passages, seed, data)
    if not sizes:
        raise ValueError(f"a corpus of {passages} passages has no generated document to sample")
    writer = Writer(seed, data)
    vocab = writer.vocabularies
    step = max(1, len(sizes) // 40)
    tokens: dict[str, list[list[str]]] = {"latin": [], "cyrillic": []}
    for number in range(0, len(sizes), step):
        document = writer.document(number, sizes[number])
        for index in document.body:
            tokens[document.script].append(document.lines[index].split())
    entities = known_entities(data)
    queries: dict[str, list[Query]] = {kind: [] for kind in QUERY_KINDS}
    for entity in rng.sample(entities, min(per_kind, len(entities))):
        queries["name"].append(Query("name", entity.name))

    def words_of(script: str) -> list[str]:
        forms = vocab[script].rank
        return [w for paragraph in tokens[script] for w in paragraph if w in forms]

    latin_words = sorted(set(words_of("latin")), key=vocab["latin"].rank.__getitem__)
    by_band = {
        band: [w for w in latin_words if low <= vocab["latin"].rank[w] <= high]
        for band, (low, high) in BANDS.items()
    }
    for i in range(per_kind):
        band = tuple(BANDS)[i % 3]
        if by_band[band]:
            queries["word"].append(Query("word", rng.choice(by_band[band]), band))
    long_words = [w for w in latin_words if len(w) >= 6]
    for _ in range(per_kind):
        word = rng.choice(long_words)
        queries["prefix"].append(Query("prefix", word[: rng.randint(3, min(5, len(word) - 2))]))
    paragraphs = tokens["latin"] + tokens["cyrillic"]
    while len(queries["phrase"]) < per_kind:
        paragraph = rng.choice(paragraphs)
        size = rng.choice((2, 3))
        start = rng.randrange(max(1, len(paragraph) - size))
        run = paragraph[start : start + size]
        words = [w.rstrip(",.;?!»”").lstrip("«“").lower() for w in run]
        clean = all(w in vocab["latin"].rank or w in vocab["cyrillic"].rank for w in words)
        if len(run) == size and clean and not any(w[-1] in ",.;?!»”" for w in run[:-1]):
            queries["phrase"].append(Query("phrase", " ".join(words)))
    cyrillic_names = [f for e in entities for f in e.cyrillic]
    cyrillic_words = sorted(set(words_of("cyrillic")), key=vocab["cyrillic"].rank.__getitem__)
    for i in range(per_kind):
        if i % 2 == 0 or not cyrillic_words:
            queries["cyrillic"].append(Query("cyrillic", rng.choice(cyrillic_names), "name"))
        else:
            queries["cyrillic"].append(Query("cyrillic", rng.choice(cyrillic_words), "word"))
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="the data folder to make (absent or empty)")
    parser.add_argument(
        "--passages", type=int, required=True, help="passages in all, bundled ones included"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="worker processes making documents (same output for any number)",
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=0,
        metavar="N",
        help="also print N sample queries of each kind (JSON lines)",
    )
    args = parser.parse_args()
    made = generate(args.out, args.passages, args.seed, jobs=args.jobs)
    print(
        json.dumps(
            {"benchmark": "generate-corpus", "out": str(args.out), "seed": args.seed, **made}
        ),
        flush=True,
    )
    if args.queries:
        for queries in sample_queries(args.passages, args.seed, args.queries).values():
            for query in queries:
                print(json.dumps(query._asdict(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extractor: articles in, events out, streaming and in input order."""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Article, Event, Extraction, merge_events
from loaders.extract import classifier, component  # noqa: F401  (component registers the geokg_events factory)
from loaders.extract.component import INPUT_KEY, OUTPUT_KEY
from loaders.extract.nlp import load_nlp


class Extractor:
    """Typed events from articles with spaCy.

        ex = Extractor(workers=2)
        for extraction in ex.extract(articles):
            extraction.events   # merged within the article, each with the sentences that state it
    """

    def __init__(self, workers: int = 1, batch_size: int = 32, gazetteer_dir: str | None = None) -> None:
        # Settings are checked here, once, so a bad value stops the run before any article is read.
        classifier.enabled(), classifier.min_p()
        self.workers = max(1, int(workers))
        self.batch_size = batch_size
        self.gazetteer_dir = gazetteer_dir
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            nlp = load_nlp()
            if "geokg_events" not in nlp.pipe_names:
                nlp.add_pipe("geokg_events", last=True, config={"gazetteer_dir": self.gazetteer_dir})
            self._nlp = nlp
        return self._nlp

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        if self.workers > 1 and "fork" in mp.get_all_start_methods():
            yield from self._extract_forked(articles)
            return
        nlp = self.nlp
        queue: deque[Article] = deque()

        def docs() -> Iterator[Doc]:
            for art in articles:
                queue.append(art)
                yield _doc_for(nlp, art)

        for doc in nlp.pipe(docs(), batch_size=self.batch_size, n_process=self.workers):
            art = queue.popleft()
            yield _extraction(art, doc.user_data.get(OUTPUT_KEY, []))

    def _extract_forked(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        # Not spaCy's own n_process: it needs Doc inputs here (the component reads the article's
        # date from user_data), so the parent would tokenise every text alone and ship whole Docs
        # both ways; that serial share held two workers to ~0.7 of bare nlp.pipe. Forked workers
        # inherit the loaded pipeline and gazetteer, take batches of articles and send back only
        # event dicts. At most 2 batches per worker are in flight, so input streams.
        global _FORKED_NLP
        _FORKED_NLP = self.nlp
        it = iter(articles)
        with mp.get_context("fork").Pool(self.workers) as pool:
            pending: deque = deque()

            def submit() -> bool:
                batch = list(islice(it, self.batch_size))
                if batch:
                    pending.append((batch, pool.apply_async(_events_of_batch, (batch,))))
                return bool(batch)

            while len(pending) < 2 * self.workers and submit():
                pass
            while pending:
                batch, result = pending.popleft()
                submit()
                for art, dicts in zip(batch, result.get(), strict=True):
                    yield _extraction(art, dicts)

    def extract_one(self, article: Article) -> Extraction:
        return next(iter(self.extract([article])))


_FORKED_NLP: Language | None = None


def _doc_for(nlp: Language, art: Article) -> Doc:
    doc = nlp.make_doc(art.text or "")
    doc.user_data[INPUT_KEY] = {
        "id": art.id,
        "published": art.published.isoformat() if art.published else None,
        "source": art.source,
    }
    return doc


def _events_of_batch(batch: list[Article]) -> list[list[dict]]:
    nlp = _FORKED_NLP
    assert nlp is not None, "the pipeline is set before the pool forks"
    docs = (_doc_for(nlp, art) for art in batch)
    return [doc.user_data.get(OUTPUT_KEY, []) for doc in nlp.pipe(docs, batch_size=len(batch) or 1)]


def _extraction(art: Article, dicts: list[dict]) -> Extraction:
    return Extraction(article=art, events=merge_events([Event.from_dict(d) for d in dicts]))

"""Extractor: articles in, events out, streaming and in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

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
        nlp = self.nlp
        queue: deque[Article] = deque()

        def docs() -> Iterator[Doc]:
            for art in articles:
                queue.append(art)
                doc = nlp.make_doc(art.text or "")
                doc.user_data[INPUT_KEY] = {
                    "id": art.id,
                    "published": art.published.isoformat() if art.published else None,
                    "source": art.source,
                }
                yield doc

        for doc in nlp.pipe(docs(), batch_size=self.batch_size, n_process=self.workers):
            art = queue.popleft()
            events = [Event.from_dict(d) for d in doc.user_data.get(OUTPUT_KEY, [])]
            yield Extraction(article=art, events=merge_events(events))

    def extract_one(self, article: Article) -> Extraction:
        return next(iter(self.extract([article])))

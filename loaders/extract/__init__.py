"""Extraction: articles -> typed events with roles, places, time, attribution and provenance.

    from loaders.extract import Extractor, load_nlp, NoModelError
    for extraction in Extractor(workers=2).extract(articles):
        extraction.events
"""

from loaders.extract.classifier import ClassifierSettingError
from loaders.extract.nlp import NoModelError, load_nlp
from loaders.extract.pipeline import Extractor

__all__ = ["ClassifierSettingError", "Extractor", "NoModelError", "load_nlp"]

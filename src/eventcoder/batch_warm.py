"""Imported once by the forkserver before it forks the extraction workers.

The spaCy model and the engine's lazily loaded data (gazetteers, trigger lists) are then
in memory before any worker exists: each worker starts as a fork of this clean,
single-threaded server, so the load is paid once and the pages are shared copy-on-write
instead of every worker reading the model again.
"""

from __future__ import annotations

import logging

from eventcoder import events, nlp
from eventcoder.schema import Article

log = logging.getLogger(__name__)

WARM_UP = "Une attaque a fait deux morts mardi à Bagdad, selon la police."

try:
    nlp.load("fr")
    list(events.extract([Article(id="warm-up", text=WARM_UP, language="fr")]))
except Exception:  # the server must live: each worker then meets the error itself
    log.warning("warm-up of the extraction engine failed", exc_info=True)

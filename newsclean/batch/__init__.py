"""Many pages at once: :func:`clean_many` (worker processes, one result per input, nothing
lost), the record readers and writers of the ``newsclean batch`` and ``newsclean warc``
commands (:mod:`.records`), and those commands (:mod:`.command`)."""

from newsclean.batch.pool import BadRecord, Fields, clean_many, default_workers
from newsclean.batch.results import Cleaned, Failed, Result

__all__ = ["BadRecord", "Cleaned", "Failed", "Fields", "Result", "clean_many", "default_workers"]

"""Many pages at once: :func:`clean_many` (worker processes, one result per input, nothing
lost), the record readers and writers of the ``newsclean batch`` and ``newsclean warc``
commands (:mod:`.records`), and those commands (:mod:`.command`)."""

from newsclean.batch.pool import BadRecord, Fields, Result, clean_many, default_workers

__all__ = ["BadRecord", "Fields", "Result", "clean_many", "default_workers"]

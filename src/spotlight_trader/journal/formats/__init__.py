"""Readers of fill files, one per format, behind :func:`~.detect.detect_journal_format`
(the same shape as ``feeds/files``). Layouts and provenance: docs/journal.md."""

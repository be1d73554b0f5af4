"""Scoring extraction and merging against gold annotations (docs/evaluation.md)."""

from eventcoder.evaluation.gold import GoldArticle, GoldError, GoldEvent, load_gold
from eventcoder.evaluation.report import (
    Counts,
    ErrorRecord,
    EvaluationReport,
    FieldScore,
    format_table,
)
from eventcoder.evaluation.scoring import evaluate

__all__ = [
    "Counts",
    "ErrorRecord",
    "EvaluationReport",
    "FieldScore",
    "GoldArticle",
    "GoldError",
    "GoldEvent",
    "evaluate",
    "format_table",
    "load_gold",
]

"""The evaluation report: every figure together, as JSON or as a table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ErrorKind = Literal["miss", "false_positive", "field", "merge_false_link", "merge_missed_link"]


def _ratio(num: int, den: int) -> float:
    """An empty denominator gives 0.0, so that "nothing predicted" reads as a zero score."""
    return num / den if den else 0.0


@dataclass
class Counts:
    """True positives, false positives and misses, and what follows from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": round(self.accuracy, 4)}


@dataclass
class ErrorRecord:
    """One thing a developer should look at: a miss, a false positive, a wrong field."""

    kind: ErrorKind
    article: str
    key: str | None = None
    mention: str | None = None
    field: str | None = None
    expected: Any = None
    predicted: Any = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "article": self.article}
        for name in ("key", "mention", "field"):
            if getattr(self, name) is not None:
                d[name] = getattr(self, name)
        if self.kind in ("field", "false_positive", "merge_false_link", "merge_missed_link"):
            d["expected"] = self.expected
            d["predicted"] = self.predicted
        return d

    def __str__(self) -> str:
        who = " ".join(x for x in (self.key or "", self.mention or "") if x)
        where = f"{self.article} {who}".strip()
        if self.kind == "field":
            return (f"{where}: {self.field} predicted {self.predicted!r}, "
                    f"gold {self.expected!r}")
        if self.kind == "miss":
            return f"{where}: missed"
        if self.kind == "false_positive":
            return f"{where}: false positive {self.predicted!r}"
        link = self.expected if self.kind == "merge_missed_link" else self.predicted
        articles = " + ".join((link or {}).get("articles", []))
        if self.kind == "merge_missed_link":
            return f"{self.key}: not merged across {articles}"
        keys = " / ".join((link or {}).get("keys", []))
        return f"{articles}: merged different occurrences {keys}"


@dataclass
class EvaluationReport:
    events: Counts = field(default_factory=Counts)
    fields: dict[str, FieldScore] = field(default_factory=dict)
    merge: Counts = field(default_factory=Counts)
    errors: list[ErrorRecord] = field(default_factory=list)
    scored: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    without_gold: list[str] = field(default_factory=list)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "events": self.events.to_dict(),
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "merge": self.merge.to_dict(),
            "articles": {"scored": self.scored, "gold_not_given": self.missing,
                         "given_without_gold": self.without_gold},
        }
        if errors:
            d["errors"] = [e.to_dict() for e in self.errors]
        return d


def _counts_row(name: str, c: Counts) -> str:
    return (f"{name:<16}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
            f"{c.precision:>11.3f}{c.recall:>9.3f}{c.f1:>8.3f}")


def format_table(report: EvaluationReport, errors: bool = False) -> str:
    """What a person reads at the terminal; the JSON has the same figures."""
    lines = [f"{'':<16}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>9}{'f1':>8}",
             _counts_row("events", report.events), _counts_row("merge links", report.merge),
             "", f"{'field':<16}{'correct':>8}{'total':>8}{'accuracy':>10}"]
    for name, score in report.fields.items():
        lines.append(f"{name:<16}{score.correct:>8}{score.total:>8}{score.accuracy:>10.3f}")
    lines.append("")
    lines.append(f"articles scored: {len(report.scored)}")
    if report.missing:
        lines.append(f"gold articles not given ({len(report.missing)}): "
                     + ", ".join(report.missing))
    if report.without_gold:
        lines.append(f"given articles without gold ({len(report.without_gold)}): "
                     + ", ".join(report.without_gold))
    if errors:
        lines.append("")
        lines.append(f"errors ({len(report.errors)}):")
        lines.extend(f"  {e}" for e in report.errors)
    return "\n".join(lines)

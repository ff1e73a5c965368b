"""Precision, recall and F1 of a yes/no label, as scoreboard figures."""

from __future__ import annotations

from .common import Figure, SetReport


class LabelCounts:
    """Counts of one binary label's predictions against its gold."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: bool, predicted: bool) -> None:
        self.tp += gold and predicted
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    def figures(self, report: SetReport, key: str, label: str) -> list[Figure]:
        """Adds precision, recall and F1 (in points, printed as 0-1) to `report`."""
        precision = report.figure(f"{key}/precision", f"{label} precision")
        precision.hits, precision.total = self.tp, self.tp + self.fp
        recall = report.figure(f"{key}/recall", f"{label} recall")
        recall.hits, recall.total = self.tp, self.tp + self.fn
        f1 = report.figure(f"{key}/f1", f"{label} F1", unit="F1")
        f1.value = 100.0 * 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return [precision, recall, f1]

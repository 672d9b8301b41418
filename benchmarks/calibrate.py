"""Fit the answer score and choose its threshold on the DEV half of the development set only.

    python -m benchmarks.calibrate [--home DIR] [--write]

The dev data: the dev half of tests/data/devset/questions.jsonl, plus the project's older
labelled set about dates (tests/data/labelled_questions.jsonl, written for the earlier
rules, over the reference statements and samples/).

1. Every dev question's candidate sentences are scored for their features; a candidate is a
   positive when it (with its shown context) holds the question's expected facts.
2. A logistic regression (numpy, L2) over those features gives the weights.
3. The threshold is swept over the dev questions, asked end to end; the one with the best
   dev utility (right answers and abstentions, less WRONG_COST per wrong answer: a wrong
   answer is worse than none) among those abstaining on MIN_ABSTAIN of the dev
   unanswerable questions is kept; within UTILITY_NOISE of that utility, the highest
   threshold (the safest) is kept instead. Precision and recall per threshold
   are printed for benchmarks/README.md. The held-out half is never read here.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.answer.question import analyse
from assistant.answer.scoring import CALIBRATION, FEATURES, Model, default_model
from assistant.engine import Assistant
from assistant.settings import Settings
from benchmarks.devset import DEVSET, SHARED, halves, holds, ingest, judge, load

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LEGACY = Path(__file__).resolve().parents[1] / "tests" / "data" / "labelled_questions.jsonl"
WRONG_COST = 2.0
"""A wrong answer costs this many abstentions (the utility column the threshold is chosen by)."""
MIN_ABSTAIN = 0.8
"""The chosen threshold abstains on at least this share of the dev unanswerable questions
(the target is 0.9 on held-out; 0.8 on dev leaves recall)."""

UTILITY_NOISE = 0.02
"""Utilities this close to the best are not told apart (about half a standard error over
the dev questions): among them the highest, safest threshold is kept."""

THRESHOLDS = (0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def dev_questions(extra: tuple[Path, ...] = ()) -> list[dict[str, object]]:
    """The questions about documents of the dev half, of the development set and of the
    `extra` labelled sets in its format (the fresh set, the probes)."""
    half_of = halves()
    items = [q for data in (DEVSET, *extra) for q in load("questions.jsonl", data)]
    return [q for q in items if half_of[str(q["doc"])] == "dev"]


def legacy_questions() -> list[dict[str, object]]:
    """The older labelled set in the dev set's shape (corpus: reference or samples)."""
    items = []
    for line in LEGACY.read_text(encoding="utf-8").splitlines():
        old = json.loads(line)
        answerable = old["expected"] == "answered"
        items.append(
            {
                "question": old["question"],
                "answerable": answerable,
                "expect": [old["accept"]] if answerable else [],
                "type": "legacy",
                "corpus": old["corpus"],
            }
        )
    return items


def dev_sets(
    home: Path, extra: tuple[Path, ...] = ()
) -> list[tuple[Assistant, list[dict[str, object]]]]:
    """(index, its questions): the dev set's (with `extra` sets' dev halves), and the older
    set's two indexes."""
    main = Assistant(Settings(home=home / "devset"), create=True)
    ingest(main)  # unchanged files are skipped
    reference = Assistant(Settings(home=home / "reference"), create=True)
    reference.ingest([SHARED / "corpus"])
    combined = Assistant(Settings(home=home / "samples"), create=True)
    combined.ingest([SHARED / "corpus", SAMPLES])
    legacy = legacy_questions()
    return [
        (main, dev_questions(extra)),
        (reference, [q for q in legacy if q["corpus"] == "reference"]),
        (combined, [q for q in legacy if q["corpus"] == "samples"]),
    ]


def labelled_candidates(
    assistant: Assistant, questions: list[dict]
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 labels of every candidate of every dev question."""
    answerer = assistant.answerer
    rows, labels = [], []
    _, passages = assistant.store.counts()
    for item in questions:
        question = analyse(str(item["question"]))
        vector = assistant.embedder.embed_one(question.text)
        hits = assistant.searcher.search(question.text, top_k=10, query_vector=vector)
        selection = answerer.selector.select(question, vector, hits, passages)
        expect = item.get("expect") or []
        groups = expect if item["type"] not in ("list", "multi", "summary") else None
        for candidate in selection.scored:
            text = candidate.text + " " + candidate.context_text
            if not item["answerable"]:
                positive = False
            elif groups is not None:
                positive = holds(text, groups)
            else:
                positive = any(holds(text, [g]) for g in expect)
            rows.append([candidate.features[n] for n in FEATURES])
            labels.append(float(positive))
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.float64)


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 50
) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method to convergence; positives weighted to half
    the loss, a small L2 penalty on the weights (not the bias)."""
    n, k = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    pos = max(y.sum(), 1.0)
    weight = np.where(y > 0, n / (2 * pos), n / (2 * max(n - pos, 1.0)))
    penalty = np.full(k + 1, l2 * n)
    penalty[-1] = 0.0
    beta = np.zeros(k + 1)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(design @ beta, -30, 30)))
        gradient = design.T @ ((p - y) * weight) + penalty * beta
        hessian = (design * (weight * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian + 1e-9 * np.eye(k + 1), gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta[:k], float(beta[k])


def sweep(sets: list[tuple[Assistant, list[dict]]], model: Model) -> list[dict[str, float]]:
    """Accuracy, precision, recall and utility on the dev questions at each threshold."""
    table = []
    for threshold in THRESHOLDS:
        right = answered = answered_right = answerable = abstained = unanswerable = total = 0
        for assistant, questions in sets:
            answerer = assistant.answerer
            answerer.selector.model = replace(model, threshold=threshold)
            for item in questions:
                answer = answerer.ask(str(item["question"]))
                ok, _ = judge(answer, item)
                total += 1
                right += ok
                answered += answer.status == "answered"
                answered_right += ok and answer.status == "answered"
                answerable += bool(item["answerable"])
                unanswerable += not item["answerable"]
                abstained += (not item["answerable"]) and ok
        wrong = answered - answered_right
        table.append(
            {
                "threshold": threshold,
                "accuracy": right / total,
                "precision": answered_right / max(answered, 1),
                "recall": answered_right / max(answerable, 1),
                "abstained": abstained / max(unanswerable, 1),
                "utility": (right - WRONG_COST * wrong) / total,
            }
        )
        print(json.dumps({k: round(v, 3) for k, v in table[-1].items()}), flush=True)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--write", action="store_true", help="save calibration.json")
    parser.add_argument(
        "--extra", type=Path, action="append", default=[], help="another set's dev half too"
    )
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="calibrate-"))
    sets = dev_sets(home, tuple(args.extra))
    xs, ys = zip(*(labelled_candidates(a, qs) for a, qs in sets), strict=True)
    x, y = np.vstack(xs), np.concatenate(ys)
    count = sum(len(qs) for _, qs in sets)
    print(f"{len(y)} candidates, {int(y.sum())} positive, from {count} dev questions")
    w, b = fit(x, y)
    weights = {n: round(float(v), 4) for n, v in zip(FEATURES, w, strict=True)}
    print("weights", weights, "bias", round(b, 4))
    model = Model(weights, float(b), default_model().threshold)
    table = sweep(sets, model)
    safe = [r for r in table if r["abstained"] >= MIN_ABSTAIN] or table[-1:]
    top = max(r["utility"] for r in safe)
    best = max(
        (r for r in safe if r["utility"] >= top - UTILITY_NOISE), key=lambda r: r["threshold"]
    )
    print("chosen threshold", best["threshold"], "dev accuracy", round(best["accuracy"], 3))
    if args.write:
        data = {
            "note": "fitted by python -m benchmarks.calibrate on the dev half only",
            "weights": weights,
            "bias": round(float(b), 4),
            "threshold": best["threshold"],
            "dev_sweep": [{k: round(v, 3) for k, v in r.items()} for r in table],
        }
        CALIBRATION.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""The development set (tests/data/devset) scored on its dev and held-out halves.

    python -m benchmarks.devset [--home DIR] [--json] [--show wrong] [--data DIR]

`--data tests/data/fresh` scores the set written last, by helpers who never saw the rules,
with the same split by document; `--data tests/data/reference-fresh --reference-only`
scores the one written over the two reference statements, on an index of those alone.

Ingests ../shared/corpus (with its manifest) and ../shared/corpus-dev/docs (without one),
then asks every question, checks every claim and plays every conversation as /v1/chat does.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.answer.models import Answer
from assistant.conversation import Turn, resolve
from assistant.conversation.asking import ask_resolved
from assistant.conversation.unresolved import unresolved_answer
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.settings import Settings
from index import Filters

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "data" / "devset"
SHARED = ROOT.parent / "shared"
SOURCES = (SHARED / "corpus", SHARED / "corpus-dev" / "docs")
_SPACE = re.compile(r"\s+")


@dataclass
class Tally:
    """Right and wrong counts for one half and one kind of item."""

    right: int = 0
    total: int = 0
    wrong_fact: int = 0
    abstained_right: int = 0
    unanswerable: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    type_total: Counter[str] = field(default_factory=Counter)

    def add(self, ok: bool, kind: str = "") -> None:
        self.total += 1
        self.right += ok
        self.type_total[kind] += 1
        self.by_type[kind] += ok

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


def load(name: str, data: Path = DEVSET) -> list[dict[str, object]]:
    """One data file of a labelled set (the development set unless told)."""
    lines = (data / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def halves() -> dict[str, str]:
    """Document -> "dev" or "heldout"."""
    split = json.loads((DEVSET / "split.json").read_text(encoding="utf-8"))
    return {doc: half for half in ("dev", "heldout") for doc in split[half]}


def of_halves(items: list[dict[str, object]], half_of: dict[str, str]) -> list[dict[str, object]]:
    """The items whose document is in the halves being scored."""
    return [item for item in items if str(item["doc"]) in half_of]


def norm(text: str) -> str:
    """Lower case, one space, plain quotes, days without "th": how fragments are matched
    ("25th November 2016" is the date an answer writes "25 November 2016")."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = _ORDINAL_DAY.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip().lower()


_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)


def holds(text: str, expect: list[list[str]]) -> bool:
    """Every group has an alternative in the text, as whole words ("adequate" is not found
    in "inadequate")."""
    found = norm(text)
    return all(any(_as_words(norm(alt)).search(found) for alt in group) for group in expect)


def _as_words(fragment: str) -> re.Pattern[str]:
    """The fragment, not inside a longer word."""
    return re.compile(rf"(?<!\w){re.escape(fragment)}(?!\w)")


def answer_text(answer: Answer) -> str:
    """What a reader sees: the answer with its quotes (and any shown context)."""
    return answer.answer + " " + " ".join(c.evidence.quote for c in answer.citations)


def judge(answer: Answer, item: dict[str, object]) -> tuple[bool, bool]:
    """(right, answered with a wrong fact) for one question or turn."""
    expect = item.get("expect") or []
    if not item["answerable"]:
        return answer.status == "not_found", answer.status == "answered"
    if answer.status != "answered":
        return False, False
    ok = holds(answer_text(answer), expect)  # type: ignore[arg-type]
    return ok, not ok


def ingest(assistant: Assistant, sources: tuple[Path, ...] = SOURCES) -> None:
    """Both sources (or those given) into the index (unchanged files are skipped)."""
    assistant.ingest([p for p in sources if p.exists()])


def run_questions(
    assistant: Assistant, half_of: dict[str, str], show: set[str], data: Path = DEVSET
) -> dict:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item in of_halves(load("questions.jsonl", data), half_of):
        half = half_of[str(item["doc"])]
        answer = assistant.ask(str(item["question"]))
        ok, wrong = judge(answer, item)
        tally = tallies[half]
        tally.add(ok, str(item["type"]))
        tally.wrong_fact += wrong
        if not item["answerable"]:
            tally.unanswerable += 1
            tally.abstained_right += ok
        if ("wrong" in show and not ok) or "all" in show:
            _show(item, answer, ok)
    return tallies


def run_claims(
    assistant: Assistant, half_of: dict[str, str], show: set[str], data: Path = DEVSET
) -> dict:
    checker = FactChecker.of(assistant)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item in of_halves(load("claims.jsonl", data), half_of):
        result = checker.check(str(item["claim"]))
        verdict = result.verdict
        quotes = " ".join(c.evidence.quote for c in result.citations)
        ok = verdict == item["verdict"] and (
            verdict == "not_found" or holds(quotes, item.get("expect") or [])  # type: ignore[arg-type]
        )
        tally = tallies[half_of[str(item["doc"])]]
        tally.add(ok, str(item["verdict"]))
        tally.wrong_fact += verdict != item["verdict"] and verdict != "not_found"
        if ("wrong" in show and not ok) or "all" in show:
            mark = "right" if ok else "MISS"
            said = f"want {item['verdict']} got {verdict}: {item['claim']}"
            print(f"CLAIM {item['id']} {mark} {said}")
    return tallies


def run_conversations(
    assistant: Assistant, half_of: dict[str, str], show: set[str], data: Path = DEVSET
) -> dict:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item in of_halves(load("conversations.jsonl", data), half_of):
        turns: list[Turn] = []
        right = True
        for turn in item["turns"]:  # type: ignore[attr-defined]
            turns.append(Turn("user", str(turn["question"])))
            resolution = resolve(  # as /v1/chat does
                turns, lambda q: assistant.ask(q).answer, assistant.is_common_name
            )
            if resolution.unresolved:
                documents, passages = assistant.store.counts()
                answer = unresolved_answer(resolution, Filters(), documents, passages)
            else:
                answer = ask_resolved(resolution, assistant.ask)
            ok, _ = judge(answer, turn)
            right &= ok
            turns_tally = tallies[half_of[str(item["doc"])]]
            turns_tally.by_type["turns"] += ok  # turns right, beside whole conversations
            turns_tally.type_total["turns"] += 1
            if ("wrong" in show and not ok) or "all" in show:
                print(f"TURN {item['id']} {'right' if ok else 'MISS'} -> {resolution.question!r}")
                _show(turn, answer, ok)
            turns.append(Turn("assistant", answer.answer))
        tallies[half_of[str(item["doc"])]].add(right, "conversation")
    return tallies


def _show(item: dict[str, object], answer: Answer, ok: bool) -> None:
    print(
        f"--- {item.get('id', '')} {'right' if ok else 'MISS'} [{item.get('type', '')}]"
        f" answerable={item['answerable']}"
        f" expect={item.get('expect')}\n  Q: {item['question']}\n  {answer.status}"
        f" ({answer.confidence}): {answer.answer[:400]}"
    )


def summary(name: str, tallies: dict[str, Tally]) -> dict[str, object]:
    out: dict[str, object] = {}
    for half in ("dev", "heldout"):
        t = tallies.get(half, Tally())
        out[half] = {
            "right": t.right,
            "total": t.total,
            "share": round(t.share, 3),
            "wrong_fact": t.wrong_fact,
            "abstained": f"{t.abstained_right}/{t.unanswerable}",
            "by_type": {k: f"{t.by_type[k]}/{n}" for k, n in sorted(t.type_total.items())},
        }
    return {name: out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", default="", help="wrong|all: print items")
    parser.add_argument("--only", default="questions,claims,conversations")
    parser.add_argument("--half", choices=("dev", "heldout"), help="score one half only")
    parser.add_argument(
        "--data", type=Path, default=DEVSET, help="a labelled set in the same format"
    )
    parser.add_argument(
        "--reference-only",
        action="store_true",
        help="index only ../shared/corpus (the two reference statements); use a new --home",
    )
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="devset-"))
    assistant = Assistant(Settings(home=home), create=True)
    ingest(assistant, SOURCES[:1] if args.reference_only else SOURCES)
    half_of, show = halves(), set(args.show.split(","))
    if args.half:
        half_of = {doc: half for doc, half in half_of.items() if half == args.half}
    report: dict[str, object] = {}
    runners = {
        "questions": run_questions,
        "claims": run_claims,
        "conversations": run_conversations,
    }
    for name in args.only.split(","):
        report |= summary(name, runners[name](assistant, half_of, show, args.data))
    if args.json:
        print(json.dumps(report))
    else:
        for name, halves_ in report.items():
            for half, figures in halves_.items():  # type: ignore[attr-defined]
                print(f"{name:14} {half:8} {json.dumps(figures)}")


if __name__ == "__main__":
    main()

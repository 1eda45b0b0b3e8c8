"""The skeleton check: every starter file is its solution with only the marked regions changed.

usage: python3 tools/exercises/check_skeletons.py [--starter DIR] [--solution DIR]

A region runs from a line containing `TODO(student) BEGIN` to the next line containing `TODO(student) END`;
those two lines belong to the skeleton. Outside the regions the starter and the solution must be the same
line for line, so a fix made to one and forgotten in the other fails here. Each starter must also call
todo("ID", ...) for its exercise, so that an unsolved exercise fails with a message, not a crash. One line
per problem; exit status 1 if there is any.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BEGIN, END = "TODO(student) BEGIN", "TODO(student) END"


class Unbalanced(Exception):
    pass


def skeleton(lines: list[str]) -> list[tuple[int, str]]:
    """The lines outside the regions, as (line number, text), with each region's place kept as one line."""
    kept, inside = [], False
    for number, line in enumerate(lines, start=1):
        if BEGIN in line:
            if inside:
                raise Unbalanced(f"line {number}: a region begins inside another")
            inside = True
            kept.append((number, line))
        elif END in line:
            if not inside:
                raise Unbalanced(f"line {number}: a region ends that never began")
            inside = False
            kept.append((number, line))
        elif not inside:
            kept.append((number, line))
    if inside:
        raise Unbalanced("a region never ends")
    return kept


def compare(exercise: dict, starter: Path, solution: Path) -> list[str]:
    name = f"{exercise['name']}.cpp"
    problems = []
    texts = {}
    for label, folder in (("starter", starter), ("solution", solution)):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: no {label} at {path}")
            continue
        texts[label] = path.read_text(encoding="utf-8").splitlines()
    if problems:
        return problems
    try:
        ours, theirs = skeleton(texts["starter"]), skeleton(texts["solution"])
    except Unbalanced as problem:
        return [f"{name}: {problem}"]
    if not any(BEGIN in line for line in texts["starter"]):
        problems.append(f"{name}: the starter has no {BEGIN} region")
    if f'todo("{exercise["id"]}"' not in "\n".join(texts["starter"]):
        problems.append(f'{name}: the starter never calls todo("{exercise["id"]}", ...), so it would not say what to do')
    for (s_number, s_line), (o_number, o_line) in zip(ours, theirs):
        if s_line != o_line:
            problems.append(f"{name}: starter line {s_number} and solution line {o_number} differ outside the "
                            f"regions:\n  starter:  {s_line}\n  solution: {o_line}")
            break
    else:
        if len(ours) != len(theirs):
            problems.append(f"{name}: the starter and the solution differ in length outside the regions")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description="Checks that the starters are their solutions with only the regions changed.")
    parser.add_argument("--starter", type=Path, default=ROOT / "exercises/starter")
    parser.add_argument("--solution", type=Path, default=ROOT / "exercises/solution")
    args = parser.parse_args()
    catalogue = json.loads((ROOT / "exercises/exercises.json").read_text(encoding="utf-8"))["exercises"]
    problems = [p for exercise in catalogue for p in compare(exercise, args.starter, args.solution)]
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"skeletons: all {len(catalogue)} starters match their solutions outside the TODO(student) regions")
    return 0


if __name__ == "__main__":
    sys.exit(main())

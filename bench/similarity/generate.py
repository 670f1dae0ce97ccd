#!/usr/bin/env python3
"""Generates a synthetic cohort for the near-duplicate benchmark (never committed).

    bench/similarity/generate.py OUT_DIR [--students 1000] [--reflections 60]
                                 [--copies 0.01] [--own-copies 0.002] [--seed 7]

Every student gets --reflections reflections of 80-250 words drawn from a
Zipf-distributed vocabulary of 6,000 words (so unrelated reflections share a
few common phrases, as real ones do). A fraction --copies of reflections is
another student's reflection pasted with 2-6 words changed, and --own-copies
one of the student's own; OUT_DIR/planted.txt lists every planted pair
("student/file student/file", one per line), which the benchmark checks it
finds. Output is deterministic for a given seed.
"""
import argparse
import datetime as dt
import os
import random

COMMON = ("the a and i to of in was it my we that for on with at this but not they me "
          "so what how when because after about felt learned team first time next week").split()


def make_vocabulary(rng, n):
    letters = "abcdefghiklmnoprstuvy"
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    return COMMON + sorted(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--students", type=int, default=1000)
    ap.add_argument("--reflections", type=int, default=60)
    ap.add_argument("--copies", type=float, default=0.01)
    ap.add_argument("--own-copies", type=float, default=0.002)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vocab = make_vocabulary(rng, 6000)
    weights = [1.0 / (i + 1) for i in range(len(vocab))]  # Zipf

    def text(n):
        return rng.choices(vocab, weights=weights, k=n)

    def render(words):
        lines, line = [], []
        for i, w in enumerate(words):
            line.append(w)
            if len(line) >= 14:
                lines.append(" ".join(line) + ("." if i % 3 == 0 else ","))
                line = []
        if line:
            lines.append(" ".join(line) + ".")
        return "\n".join(lines) + "\n"

    os.makedirs(os.path.join(a.out, "students"), exist_ok=True)
    with open(os.path.join(a.out, "cohort.yaml"), "w") as f:
        f.write("school: Benchmark Lyceum\nlanguage: en\nstart: 2026-09-01\nend: 2028-04-15\n"
                "requirements: { similarity: 0.8 }\n")

    ids = ["s%04d" % i for i in range(a.students)]
    texts = {}  # (student, file) -> words
    keys = []
    planted = []
    start = dt.date(2026, 9, 10)
    for sid in ids:
        folder = os.path.join(a.out, "students", sid)
        os.makedirs(os.path.join(folder, "reflections"), exist_ok=True)
        with open(os.path.join(folder, "portfolio.yaml"), "w") as f:
            f.write("name: Student %s\nlanguage: en\n" % sid)
        own = []
        for r in range(a.reflections):
            date = start + dt.timedelta(days=9 * r)
            name = "reflections/%s-%02d.md" % (date.isoformat(), r)
            roll = rng.random()
            source = None
            if roll < a.copies and keys:
                source = rng.choice(keys)  # another (earlier) student's
                if source[0] == sid:
                    source = None
            elif roll < a.copies + a.own_copies and own:
                source = rng.choice(own)
            if source:
                words = list(texts[source])
                for _ in range(rng.randint(2, 6)):
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                planted.append("%s/%s %s/%s" % (source[0], source[1], sid, name))
            else:
                words = text(rng.randint(80, 250))
            texts[(sid, name)] = words
            keys.append((sid, name))
            own.append((sid, name))
            with open(os.path.join(folder, name), "w") as f:
                f.write("---\ndate: %s\n---\n%s" % (date.isoformat(), render(words)))
    with open(os.path.join(a.out, "planted.txt"), "w") as f:
        f.write("\n".join(sorted(planted)) + "\n")
    print("%d students, %d reflections, %d planted near-duplicates" % (a.students, a.students * a.reflections, len(planted)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generates a synthetic cohort for benchmarks (never committed).

    bench/gen_cohort.py OUT_DIR --students 200 [--experiences 9] [--reflections 4]
                        [--general 9] [--seed 1] [--images 0]

Default shape (issue 6): 200 students, 9 experiences with 4 reflections each,
9 general reflections and one interview per student: about 11,000 Markdown
files. Text is random words, so no two reflections are near-duplicates.
Output is deterministic for a given seed.
"""
import argparse
import datetime as dt
import os
import random
import struct
import zlib

WORDS = {
    "en": ("the we I learned team practice river week felt hard because children shelter guitar music "
           "training match coach plan goal volunteer community time help friends school project idea "
           "share new skill challenge next better problem solve together listen improve notice change "
           "reflect proud tired happy nervous decided should would could really first last").split(),
    "ru": ("мы я научился команда тренировка река неделя было трудно потому дети приют гитара музыка "
           "матч тренер план цель волонтёр сообщество время помощь друзья школа проект идея навык "
           "вызов лучше проблема вместе слушать понял изменить гордость устал радость решил").split(),
    "kk": ("біз мен үйрендім команда жаттығу өзен апта қиын себебі балалар баспана гитара музыка "
           "жаттықтырушы жоспар мақсат ерікті қауымдастық уақыт көмек достар мектеп жоба идея дағды "
           "сынақ жақсы мәселе бірге тыңдау түсіндім өзгерту мақтаныш шаршадым қуаныш шештім").split(),
}
STRANDS = ["creativity", "activity", "service"]
START = dt.date(2026, 9, 9)


def paragraph(rng, lang, sentences):
    words = WORDS[lang]
    out = []
    for _ in range(sentences):
        n = rng.randint(8, 18)
        s = " ".join(rng.choice(words) for _ in range(n))
        out.append(s[0].upper() + s[1:] + ".")
    return " ".join(out)


def body(rng, lang, paragraphs=4):
    return "\n\n".join(paragraph(rng, lang, rng.randint(3, 6)) for _ in range(paragraphs)) + "\n"


def tiny_png(rng):
    """A valid 16x16 PNG with random colours (no image library needed)."""
    raw = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(16 * 3)) for _ in range(16))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(text, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--students", type=int, default=200)
    ap.add_argument("--experiences", type=int, default=9)
    ap.add_argument("--reflections", type=int, default=4)
    ap.add_argument("--general", type=int, default=9)
    ap.add_argument("--images", type=int, default=0, help="PNG evidence files per experience")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)

    write(os.path.join(a.out, "cohort.yaml"), f"""school: Benchmark Lyceum
programme: IB Diploma Programme
cohort: 2026-2028
language: en
languages: [en]
start: {START}
end: 2028-04-15
calendar:
  - {{ date: 2026-09-30, kind: reflection }}
  - {{ date: 2026-10-30, kind: reflection }}
  - {{ date: 2026-10-30, kind: interview, interview: first }}
social_gpa:
  model: cumulative
""")
    langs = ["kk", "ru", "en"]
    for s in range(a.students):
        lang = langs[s % 3]
        sid = f"student-{s:04d}"
        root = os.path.join(a.out, "students", sid)
        write(os.path.join(root, "portfolio.yaml"),
              f"name: Student {s}\nlanguage: {lang}\ngrade: 11\nclass: 11{'ABCD'[s % 4]}\nadvisor: Adviser {s % 7}\n"
              f"candidate: \"{100000 + s}\"\nemail: s{s}@school.example\n"
              "interests: [music, sport]\nstrengths: [patience]\ngrowth: [planning]\ngoals: [finish CAS]\n")
        for e in range(a.experiences):
            start = START + dt.timedelta(days=7 * e + rng.randint(0, 6))
            end = start + dt.timedelta(days=rng.randint(35, 120))
            strand = STRANDS[e % 3]
            edir = os.path.join(root, "experiences", f"exp-{e}")
            project = "project: true\ncollaborators: [Team]\nstages:\n" + "".join(
                f"  {st}: {paragraph(rng, lang, 1)}\n" for st in
                ["investigation", "preparation", "action", "reflection", "demonstration"]) if e == 0 else ""
            imgs = ""
            for i in range(a.images):
                write(os.path.join(edir, f"photo-{i}.png"), tiny_png(rng))
                imgs += f"\n![photo {i}](photo-{i}.png)\n"
            write(os.path.join(edir, "index.md"),
                  f"---\ntitle: Experience {e} of student {s}\nstrands: [{strand}]\nstart: {start}\nend: {end}\n"
                  f"outcomes: [{e % 7 + 1}, {(e + 3) % 7 + 1}]\nhours: {rng.randint(5, 40)}\n{project}---\n\n"
                  + body(rng, lang, 2) + imgs)
            for r in range(a.reflections):
                day = start + dt.timedelta(days=7 * r + 1)
                write(os.path.join(edir, f"{day}-note-{r}.md"),
                      f"---\ntitle: Reflection {r}\noutcomes: [{(e + r) % 7 + 1}]\n---\n\n" + body(rng, lang))
        for g in range(a.general):
            day = START + dt.timedelta(days=30 * g + 10)
            write(os.path.join(root, "reflections", f"{day}-month-{g}.md"),
                  f"---\ntitle: Month {g}\noutcomes: [{g % 7 + 1}]\n---\n\n" + body(rng, lang))
        write(os.path.join(root, "interviews", "2026-10-20-first.md"),
              "---\ndate: 2026-10-20\nkind: first\n---\n\n" + body(rng, lang, 1))


if __name__ == "__main__":
    main()

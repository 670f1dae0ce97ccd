#!/usr/bin/env python3
"""Regenerates the committed seed corpora in fuzz/corpus/<target>/ from the
sample cohort (content/) and the test fixtures (tests/fixtures/).

Usage: fuzz/make_corpus.py [BUNDLE.zip ...]
Real bundles named on the command line (made with `casfolio bundle`) are
added to the verify seeds when they are under 64 KB. Seeds are small on
purpose: libFuzzer mutates them, it does not need many.
"""
import hashlib
import io
import json
import pathlib
import shutil
import stat
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
MAX_SEED = 16 * 1024


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    (CORPUS / target).mkdir(parents=True, exist_ok=True)
    (CORPUS / target / name).write_bytes(data)


def text_files():
    for base in (ROOT / "content", ROOT / "tests" / "fixtures"):
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in (".md", ".yaml") and p.stat().st_size <= MAX_SEED:
                yield p


def seed_name(p):
    return str(p.relative_to(ROOT)).replace("/", "_")


def front_matter_and_markdown():
    seen = set()
    for p in text_files():
        data = p.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        if p.suffix != ".md" or digest in seen:
            continue
        seen.add(digest)
        put("front_matter_fuzz", seed_name(p), data)
        # The renderer sees the body only.
        text = data.decode("utf-8", "replace")
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            text = text[4:].split("\n---\n", 1)[1]
        if text.strip():
            put("markdown_fuzz", seed_name(p), text)
    for name, text in {
        "bom-crlf.md": "\ufeff---\r\ntitle: x\r\n---\r\nbody\r\n",
        "unterminated.md": "---\ntitle: x\nno end",
        "dots.md": "---\ntitle: x\n...\nbody",
        "only-dashes.md": "---",
    }.items():
        put("front_matter_fuzz", name, text)
    for name, text in {
        "gfm.md": "| a | b |\n|---|:-:|\n| 1 | **2** |\n\n- [x] done\n- [ ] todo\n\n~~gone~~ www.example.com "
                  "https://a.example/x?y=1 mail@example.com\n",
        "hostile.md": "<script>alert(1)</script>\n[x](javascript:alert(1)) [y](JaVaScRiPt:1) ![i](http://e.example/a.png)\n"
                      "<img src=x onerror=alert(1)> [z](data:text/html,1) [f](file:///etc/passwd) [up](../../../x.pdf)\n"
                      "![ok](photo.jpg) [doc](notes.pdf) [abs](/etc/passwd) [pct](%2e%2e/x.jpg)\n",
        "headings.md": "# one\n## two\n###### six\n\nSetext\n===\n\n> quote\n>> nested\n\n```cpp\ncode\n```\n",
        "refs.md": "[a][1] ![b][2]\n\n[1]: notes.pdf \"t\"\n[2]: <photo one.jpg>\n",
    }.items():
        put("markdown_fuzz", name, text)


def loader():
    cut = "\n=====\n"
    portfolios = sorted(p for p in (ROOT / "content").rglob("portfolio.yaml"))
    cohort = (ROOT / "content" / "cohort.yaml").read_text()
    n = 0
    for pf in portfolios:
        for index in sorted(pf.parent.glob("experiences/*/index.md")):
            reflections = sorted(q for q in index.parent.glob("*.md") if q.name not in ("index.md", "review.md"))
            if not reflections:
                continue
            parts = [pf.read_text(), index.read_text(), reflections[0].read_text()]
            if sum(len(x) for x in parts) > MAX_SEED:
                continue
            n += 1
            put("loader_fuzz", f"{pf.parent.name}-{index.parent.name}", cut.join(parts))
            if n % 2 == 0 and sum(len(x) for x in parts) + len(cohort) <= 2 * MAX_SEED:
                put("loader_fuzz", f"{pf.parent.name}-{index.parent.name}-cohort", cut.join(parts + [cohort]))
    for case in sorted((ROOT / "tests" / "fixtures" / "invalid").iterdir()):
        pf = case / "portfolio.yaml"
        if not pf.exists():
            pf = next(iter(sorted(case.rglob("portfolio.yaml"))), None)
        if pf is None:
            continue
        idx = next(iter(sorted(case.rglob("index.md"))), None)
        parts = [pf.read_text("utf-8", "replace"), idx.read_text("utf-8", "replace") if idx else ""]
        put("loader_fuzz", "invalid-" + case.name, cut.join(parts))
    bomb = "name: Ana\nl0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"l{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]\n" for i in range(1, 6))
    put("loader_fuzz", "aliases", bomb)
    put("loader_fuzz", "deep", "name: Ana\ntags: " + "[" * 70 + "]" * 70 + "\n")


def sha(data):
    return hashlib.sha256(data).hexdigest()


def bundle(files, folder="ana-cas-portfolio", kind="student", extra=None, manifest_files=None, deflate=True):
    """A zip with `files` under `folder`/ and a manifest listing them."""
    listed = manifest_files if manifest_files is not None else [
        {"path": p, "size": len(d), "sha256": sha(d)} for p, d in sorted(files.items())]
    manifest = {"schema": 1, "kind": kind, "language": "kk", "files": listed}
    out = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(out, "w", method) as z:
        z.writestr(f"{folder}/manifest.json", json.dumps(manifest, indent=1))
        for p, d in sorted(files.items()):
            z.writestr(f"{folder}/{p}", d)
        for name, data in (extra or []):
            z.writestr(name, data)
    return out.getvalue()


def verify(real_bundles):
    site = {"site/index.html": b"<!doctype html><title>Ana</title><p>CAS</p>\n",
            "sources/portfolio.yaml": "name: Ана\n".encode()}
    good = bundle(site)
    put("verify_fuzz", "good-deflated.zip", good)
    put("verify_fuzz", "good-stored.zip", bundle(site, deflate=False))
    put("verify_fuzz", "cohort-nested.zip",
        bundle({"site/index.html": b"<p>cohort</p>", "students/ana-cas-portfolio.zip": good},
               folder="cohort-cas-portfolios", kind="cohort"))
    put("verify_fuzz", "checksum-mismatch.zip",
        bundle(site, manifest_files=[{"path": "site/index.html", "size": 45, "sha256": "0" * 64}]))
    put("verify_fuzz", "unsafe-names.zip",
        bundle(site, extra=[("../evil.txt", b"x"), ("/abs.txt", b"x"), ("ana-cas-portfolio/a\\b", b"x")]))
    put("verify_fuzz", "bad-manifest.zip", bundle(site, manifest_files=[{"path": 1}]))
    link = io.BytesIO()
    with zipfile.ZipFile(link, "w") as z:
        info = zipfile.ZipInfo("ana-cas-portfolio/site/index.html")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(info, "/etc/passwd")
        z.writestr("ana-cas-portfolio/manifest.json", json.dumps({"schema": 1, "files": []}))
    put("verify_fuzz", "symlink.zip", link.getvalue())
    put("verify_fuzz", "truncated.zip", good[: len(good) // 2])
    put("verify_fuzz", "not-a-zip.zip", b"PK\x03\x04 but nothing else")
    for path in real_bundles:
        data = pathlib.Path(path).read_bytes()
        if len(data) <= 64 * 1024:
            put("verify_fuzz", "real-" + pathlib.Path(path).name, data)


def dictionaries():
    yaml_words = ["---", "...", "name:", "title:", "strands:", "start:", "end:", "outcomes:", "project: true",
                  "hours:", "supervisor:", "collaborators:", "stages:", "investigation:", "evidence:", "date:",
                  "stage:", "draft: true", "paid: true", "achievements:", "kind:", "level:", "private:",
                  "social_gpa:", "calendar:", "requirements:", "framework:", "from:", "to:", "interview:",
                  "language:", "languages:", "2026-10-01", "2027-02-30", "creativity", "activity", "service",
                  "LO1", "1.2", "&a", "*a", "<<: *a", "!!str", "? ", "- ", "|", ">-", "[", "]", "{", "}", "'", "\"",
                  "#", "\\x09", "\\x0A=====\\x0A"]
    md_words = ["](", "![", "[x]: ", "<", ">", "`", "```", "~~~", "**", "~~", "| --- |", "- [ ] ", "- [x] ",
                "http://", "https://", "mailto:", "javascript:", "www.", "&amp;", "&#", "\\\\", "../", ".jpg",
                ".pdf", "# ", "    ", "\\x0A\\x0A", "<script>", "<img "]
    zip_words = ["PK\\x03\\x04", "PK\\x01\\x02", "PK\\x05\\x06", "manifest.json", "site/index.html", "\"schema\"",
                 "\"files\"", "\"sha256\"", "\"size\"", "\"path\"", "\"kind\"", "cohort", "students/", ".zip", "../"]
    for target, words in (("loader_fuzz", yaml_words), ("front_matter_fuzz", ["---", "...", "\\x0D\\x0A", "\\xEF\\xBB\\xBF"]),
                          ("markdown_fuzz", md_words), ("verify_fuzz", zip_words)):
        path = ROOT / "fuzz" / "dict" / f"{target}.dict"
        path.write_text("".join(f'"{w}"\n' for w in words))


if __name__ == "__main__":
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    front_matter_and_markdown()
    loader()
    verify(sys.argv[1:])
    dictionaries()
    for d in sorted(CORPUS.iterdir()):
        files = list(d.iterdir())
        print(f"{d.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files) // 1024} KB")

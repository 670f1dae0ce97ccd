#!/usr/bin/python3
"""The JSON Schemas `casfolio schema --out` writes, checked with a real
validator (Debian's python3-jsonschema) against what the loader accepts and
refuses (docs/editor.md):

- each schema is a valid draft-07 schema, and the same bytes on every run;
- every file of the sample content/ and of the valid fixtures is accepted;
- in tests/fixtures/invalid/, every file whose expected findings include a
  key or type error (unknown key, wrong type, missing required key) is
  refused, and every file the loader reports nothing about is accepted.

Usage: validate_schemas.py CASFOLIO_BINARY SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

# Loader codes that say a key or a value's type is wrong: a schema knows those.
KEY_AND_TYPE_CODES = {
    "unknown-key", "misspelled-key", "missing-key", "not-text", "not-a-list", "not-a-map",
    "not-a-number", "not-a-whole-number", "not-a-boolean", "file-not-a-map", "framework-unknown-key",
    "framework-unknown-key-typo", "private-not-a-list", "unknown-value",
}


class Loader(yaml.SafeLoader):
    """YAML as an editor reads it (YAML 1.2, like yaml-language-server): dates
    stay text (YYYY-MM-DD is a string in JSON), and only true and false are
    booleans (`on:` is a key, `yes` a word)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))


def as_json(value):
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def front_matter(text):
    """The YAML between the opening and closing --- lines, as the loader splits it ('' when none)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines[0].rstrip(" \t\r") != "---":
        return ""
    for i in range(1, len(lines)):
        if lines[i].rstrip(" \t\r") in ("---", "..."):
            return "\n".join(lines[1:i])
    return "\n".join(lines[1:])


def document(path, markdown):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    data = yaml.load(front_matter(text) if markdown else text, Loader=Loader)
    return {} if data is None else as_json(data)


def ignored(name):
    return name.startswith(".") or name.startswith("_")


def portfolio_files(root, rel=""):
    """(kind, path) of every file of the portfolio at `root` that has a schema."""
    out = [("portfolio", os.path.join(root, "portfolio.yaml"))]
    experiences = os.path.join(root, "experiences")
    if os.path.isdir(experiences):
        for exp in sorted(os.listdir(experiences)):
            folder = os.path.join(experiences, exp)
            if ignored(exp) or not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                if ignored(name) or not name.endswith(".md"):
                    continue
                kind = {"index.md": "experience", "review.md": "review"}.get(name, "reflection")
                out.append((kind, os.path.join(folder, name)))
    for sub, kind in (("reflections", "reflection"), ("interviews", "interview")):
        top = os.path.join(root, sub)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if not ignored(d))
            out += [(kind, os.path.join(dirpath, n)) for n in sorted(filenames) if n.endswith(".md") and not ignored(n)]
    return out


def staff_files(staff):
    out = []
    for student in sorted(os.listdir(staff)):
        folder = os.path.join(staff, student)
        if ignored(student) or not os.path.isdir(folder):
            continue
        for sub, kind in (("confirmations", "staff-confirmation"), ("approvals", "staff-approval"),
                          ("feedback", "staff-feedback"), ("interviews", "staff-interview")):
            d = os.path.join(folder, sub)
            if os.path.isdir(d):
                out += [(kind, os.path.join(d, n)) for n in sorted(os.listdir(d)) if not ignored(n)]
        for n in ("status.yaml", "status.yml"):
            if os.path.isfile(os.path.join(folder, n)):
                out.append(("staff-status", os.path.join(folder, n)))
    return out


def tree_files(top):
    """(kind, path) of every file below `top` (a cohort or a portfolio) that has a schema."""
    out = []
    staff = None
    cohort = os.path.join(top, "cohort.yaml")
    if os.path.isfile(cohort):
        out.append(("cohort", cohort))
        config = document(cohort, False)
        if isinstance(config, dict):
            framework = config.get("framework")
            if isinstance(framework, str) and framework.strip().lower() != "ib-cas":
                path = os.path.join(top, framework.strip())
                if os.path.isfile(path):
                    out.append(("framework", path))
            if isinstance(config.get("staff"), str):
                staff = os.path.normpath(os.path.join(top, config["staff"].strip()))
                if os.path.isdir(staff):
                    out += staff_files(staff)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not ignored(d) and os.path.join(dirpath, d) != staff)
        if "portfolio.yaml" in filenames:
            out += portfolio_files(dirpath)
            dirnames[:] = []
    return out


def expected_findings(case):
    """file (relative to the case) -> the codes expected.txt lists for it."""
    out = {}
    with open(os.path.join(case, "expected.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            where, _, rest = line.partition(": ")
            code = rest.split(": ", 1)[-1].strip()
            out.setdefault(where.split(":")[0], set()).add(code)
    return out


def main():
    binary, source = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        first, second = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        for out in (first, second):
            subprocess.run([binary, "schema", "--out", out], check=True)
        names = sorted(os.listdir(first))
        listed = subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout.split("\n")
        kinds = [line.split()[0] for line in listed if line.strip()]
        if names != sorted(k + ".schema.json" for k in kinds):
            failures.append(f"--out wrote {names}, the kinds are {kinds}")
        schemas = {}
        for name in names:
            with open(os.path.join(first, name), "rb") as a, open(os.path.join(second, name), "rb") as b:
                data = a.read()
                if data != b.read():
                    failures.append(f"{name}: not the same bytes on a second run")
            schema = json.loads(data)
            jsonschema.Draft7Validator.check_schema(schema)
            schemas[name[: -len(".schema.json")]] = jsonschema.Draft7Validator(schema)
        for lang in ("kk", "ru"):
            printed = subprocess.run([binary, "schema", "experience", "--lang", lang], check=True, capture_output=True).stdout
            jsonschema.Draft7Validator.check_schema(json.loads(printed))

    def errors(kind, path):
        doc = document(path, path.endswith(".md"))
        return sorted(e.message for e in schemas[kind].iter_errors(doc))

    checked = refused = 0
    valid = [os.path.join(source, "content")] + sorted(
        os.path.join(source, "tests/fixtures", d) for d in os.listdir(os.path.join(source, "tests/fixtures"))
        if d != "invalid")
    for top in valid:
        for kind, path in tree_files(top):
            if kind == "experience" and document(path, True).get("draft") is True:
                continue  # left out of the build (no --drafts), so the loader judges nothing in it
            checked += 1
            for message in errors(kind, path):
                failures.append(f"{os.path.relpath(path, source)} ({kind}): refused: {message}")

    invalid = os.path.join(source, "tests/fixtures/invalid")
    for case in sorted(os.listdir(invalid)):
        top = os.path.join(invalid, case)
        expected = expected_findings(top)
        for kind, path in tree_files(top):
            if not os.path.isfile(path):
                continue
            rel = os.path.relpath(path, top)
            codes = expected.get(rel, set())
            try:
                found = errors(kind, path)
            except (yaml.YAMLError, UnicodeDecodeError):
                continue  # not YAML (or not UTF-8) at all: no schema's business
            checked += 1
            if codes & KEY_AND_TYPE_CODES:
                refused += 1
                if not found:
                    failures.append(f"invalid/{case}/{rel} ({kind}): accepted, but the loader reports "
                                    f"{', '.join(sorted(codes & KEY_AND_TYPE_CODES))}")
            elif not codes and found:
                failures.append(f"invalid/{case}/{rel} ({kind}): the loader accepts it, the schema refuses: {found[0]}")

    for f in failures:
        print("FAIL:", f)
    print(f"{checked} files checked against {len(schemas)} schemas; {refused} with key or type errors refused as expected")
    # Too few files would mean the walk above lost its way, not that all is well.
    if checked < 100 or refused < 10:
        print("FAIL: fewer files than the sample and the fixtures hold")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

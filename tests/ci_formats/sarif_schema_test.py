"""`casfolio check --format sarif` against the official SARIF 2.1.0 schema.

Run by CTest (tests/CMakeLists.txt) with Debian's /usr/bin/python3, which has
python3-jsonschema and python3-rfc3987 (the "uri"/"uri-reference" formats):
    sarif_schema_test.py CASFOLIO_BINARY SOURCE_DIR
It checks the sample cohort (content/), every valid fixture and every invalid
fixture under tests/fixtures/, and prints 'N passed, N failed'.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema

AS_OF = "2027-06-15"  # one fixed day: the findings must not depend on today


def run_check(binary, folder, cwd):
    args = [binary, "check", str(folder), "--format", "sarif", "--as-of", AS_OF]
    return subprocess.run(args, cwd=cwd, capture_output=True, timeout=120)


def problems_of(log, folder):
    """What is wrong with one log beyond the schema: casfolio's own promises."""
    found = []
    if len(log["runs"]) != 1:
        return [f"{len(log['runs'])} runs, not 1"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    if driver["name"] != "casfolio" or not driver.get("version"):
        found.append(f"tool.driver is {driver.get('name')} {driver.get('version')}")
    rule_ids = [r["id"] for r in driver["rules"]]
    if rule_ids != sorted(set(rule_ids)):
        found.append("rules are not sorted by code, or repeat one")
    used = sorted({r["ruleId"] for r in run["results"]})
    if used != rule_ids:
        found.append(f"rules {rule_ids} are not the codes the results use {used}")
    root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    if not (root.startswith("file:///") and root.endswith("/")):
        found.append(f"SRCROOT {root} is not an absolute file: URI of a folder")
    if pathlib.Path(folder).resolve().as_uri() + "/" != root:
        found.append(f"SRCROOT {root} is not the checked folder {folder}")
    for result in run["results"]:
        rule = driver["rules"][result["ruleIndex"]]
        if rule["id"] != result["ruleId"]:
            found.append(f"ruleIndex of {result['ruleId']} points at {rule['id']}")
        if rule["defaultConfiguration"]["level"] != result["level"]:
            found.append(f"{result['ruleId']}: level {result['level']} is not its rule's")
        for location in result.get("locations", []):
            artifact = location["physicalLocation"]["artifactLocation"]
            uri = artifact["uri"]
            if artifact.get("uriBaseId") != "SRCROOT" or uri.startswith("/") or "://" in uri:
                found.append(f"{result['ruleId']}: {uri} is not relative to SRCROOT")
    return found


def main():
    binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads((source / "tests/schemas/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()
    # Without rfc3987 jsonschema skips URI formats silently: fail instead.
    for fmt in ("uri", "uri-reference"):
        if fmt not in checker.checkers:
            print(f"jsonschema cannot check the '{fmt}' format: apt-get install python3-rfc3987")
            return 1
    validator = jsonschema.Draft4Validator(schema, format_checker=checker)

    fixtures = source / "tests/fixtures"
    folders = [source / "content", fixtures / "valid-minimal", fixtures / "golden-cohort"]
    folders += sorted(p for p in (fixtures / "invalid").iterdir() if p.is_dir())
    passed = failed = 0
    results_in_invalid = 0
    for folder in folders:
        name = folder.relative_to(source)
        first = run_check(binary, folder, source)
        errors = []
        if first.returncode not in (0, 1):
            errors.append(f"exit code {first.returncode}: {first.stderr.decode(errors='replace')}")
        else:
            log = json.loads(first.stdout.decode("utf-8"))
            errors += [f"schema: {e.message} at {list(e.absolute_path)}" for e in validator.iter_errors(log)]
            if not errors:
                errors += problems_of(log, folder)
            if "invalid" in folder.parts:
                results_in_invalid += len(log["runs"][0]["results"])
                if first.returncode != 1 and not log["runs"][0]["results"]:
                    errors.append("an invalid fixture with no finding")
            # The same input twice gives the same bytes, from another folder too
            # (the relative paths do not depend on where casfolio runs).
            again = run_check(binary, folder.resolve(), "/")
            if again.stdout != first.stdout:
                errors.append("a second run, from /, printed other bytes")
        if errors:
            failed += 1
            print(f"FAIL {name}")
            for e in errors[:20]:
                print(f"    {e}")
        else:
            passed += 1
            print(f"ok   {name}")
    if results_in_invalid == 0:
        failed += 1
        print("FAIL the invalid fixtures gave no result at all")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

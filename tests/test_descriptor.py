"""The descriptor covers every shipped file, and every file matches it."""

import csv
import json

import pytest

from tests.builders import SHIPPED

DESCRIPTOR = json.loads((SHIPPED / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["path"]: r for r in DESCRIPTOR["resources"]}
SHIPPED_FILES = sorted(str(p.relative_to(SHIPPED)) for p in SHIPPED.rglob("*")
                       if p.is_file() and p.name not in ("datapackage.json", "README.md"))


def test_every_shipped_file_is_described():
    undescribed = [f for f in SHIPPED_FILES if f not in RESOURCES]
    assert undescribed == [], f"files in data/ that datapackage.json does not describe: {undescribed}"


def test_every_described_file_exists():
    missing = [p for p in RESOURCES if not (SHIPPED / p).is_file()]
    assert missing == [], f"datapackage.json describes files that are not in data/: {missing}"


@pytest.mark.parametrize("path", sorted(RESOURCES))
def test_resource_names_publisher_licence_source_and_processing(path):
    resource = RESOURCES[path]
    for key in ("title", "publisher", "retrieved", "processing"):
        assert resource.get(key), f"{path}: '{key}' is empty"
    assert resource["licenses"] and all(lic.get("name") for lic in resource["licenses"]), path
    assert resource["sources"] and all(src.get("title") for src in resource["sources"]), path


@pytest.mark.parametrize("path", sorted(RESOURCES))
def test_file_matches_its_description(path):
    resource, file = RESOURCES[path], SHIPPED / path
    assert file.stat().st_size == resource["bytes"], f"{path} changed: rebuild the descriptor"
    if path.endswith(".csv"):
        with open(file, encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in resource["schema"]["fields"]]

"""Downloads carry credit and licence and read back to the same rows."""

import json

import tests.builders as b
from geo.export import downloads


def rows():
    return b.incidents([{"dead": 2, "location": b.HOSTILE[3], "survivors": 40},
                        {"dead": 0, "missing": 3, "source": "=HYPERLINK(\"http://x\")", "source_quality": "45"}])


def test_csv_has_credit_and_reads_back():
    data = downloads.to_csv(rows(), "test rows")
    head = data.decode().splitlines()[:4]
    assert head[0] == "# Channel Routes export: test rows"
    assert "IOM Missing Migrants Project" in head[1] and head[2].startswith("# Licence:")
    back = downloads.read_back(data)
    assert back["dead_missing"].tolist() == [2, 3]
    assert back["location"][0] == b.HOSTILE[3]
    assert back["source"][1].startswith("'=")
    assert "Mixed grades 4 to 5" in back["source_quality_words"][1]


def test_geojson_has_credit_on_the_collection_and_every_feature():
    collection = json.loads(downloads.to_geojson(rows(), "test rows"))
    assert "IOM Missing Migrants Project" in collection["metadata"]["credit"]
    assert all("licence" in f["properties"] for f in collection["features"])
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [1.6, 50.77]}
    assert collection["features"][0]["properties"]["survivors"] == 40
    assert collection["features"][1]["properties"]["survivors"] is None


def test_uploaded_rows_are_credited_to_the_user():
    assert "uploaded" in downloads.sidecar("x", uploaded=True).decode()

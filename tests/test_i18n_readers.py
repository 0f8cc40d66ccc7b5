"""What a French or German reader sees of the parts translated last: reasons with values, the route map's
drive times and tables, chart notes, the update report."""

from geo import i18n


def test_a_reason_with_a_value_is_shown_in_the_readers_language():
    from geo.data.upload import read_upload
    data = b"date,latitude,longitude,dead,missing\n2024-09-03,50.9,1.6,-1,0\n2024-09-04,5.9,1.6,1,0\n"
    result = read_upload("mine.csv", data)
    with i18n.use_language("de"):
        table = result.issue_table()
        assert list(table.columns) == ["Zeile", "Spalte", "Wert", "Grund"]
        reasons = dict(zip(table["Spalte"], table["Grund"]))
    assert reasons["dead"] == "muss mindestens 0 sein"
    assert reasons["latitude"].startswith("muss mindestens 35 sein: außerhalb Europas, das diese Karte abdeckt")
    with i18n.use_language("fr"):
        assert str(result.issues[0]) == "mine.csv, ligne 2, colonne 'dead': doit être au moins 0 (valeur : '-1')"
        assert "acceptées comme CSV générique" in result.summary()


def test_a_limit_in_a_reason_is_a_number_in_the_readers_format():
    from geo.data.upload import read_upload
    with i18n.use_language("fr"):
        error = read_upload("big.csv", b"date\n" + b"2024-09-03\n" * 200_002).error
    assert error.startswith("big.csv ne peut pas être lu : a plus de 200\u202f000 lignes.")
    with i18n.use_language("de"):
        error = read_upload("big.csv", b"date\n" + b"2024-09-03\n" * 200_002).error
    assert error.startswith("big.csv kann nicht gelesen werden: hat mehr als 200.000 Zeilen.")


def test_a_semicolon_file_says_how_it_was_read_in_german():
    from geo.data.upload import read_upload
    result = read_upload("x.csv", b"date;latitude;longitude;dead;missing\n2024-09-03;50,9;1,6;1;0\n\n")
    with i18n.use_language("de"):
        assert "Gelesen als: getrennt durch Semikolon, Dezimalkommas als Punkte gelesen" in result.summary()

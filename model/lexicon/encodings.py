"""Text encodings of the field's sources, by name: data only (`model.ingest.decode` reads files with them)."""

# Legacy encodings the field's files come in, tried first when a file is not UTF-8: Russian (Windows-1251, KOI8-R),
# Chinese (GB18030, a superset of GBK and GB2312; Big5) and Western (Windows-1252). Short texts are told apart
# reliably only among a few candidates; a file none of these fits is detected among every encoding.
FIELD_ENCODINGS = ["cp1251", "koi8_r", "gb18030", "big5", "cp1252"]

# An encoding a page declares → the one to decode it with (as browsers do: Latin-1 pages are Windows-1252 and
# GB2312/GBK pages GB18030, the superset).
DECLARED_AS = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}

# How a note names an encoding (Python's codec name → the usual name); others are shown upper case.
SHOWN_AS = {
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1252": "Windows-1252",
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "gb18030": "GB18030",
    "big5": "Big5",
    "shift_jis": "Shift_JIS",
    "euc_kr": "EUC-KR",
}

"""The characters article text may not carry onto a screen or into the database: one definition,
shared by ingest (model.ingest.sources) and the browser's renderer (tui.text), in a module light enough
for the browser to import at start-up."""

# C0 and C1 controls except \t and \n, DEL, bidi embeddings/overrides/isolates, and BOMs.
UNSAFE_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb"  # a regex class body

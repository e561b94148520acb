"""sinorus-tui model: everything that is not UI. Never imports textual or rich."""

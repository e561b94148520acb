"""The one error of the corpus's writer side."""


class StoreError(Exception):
    """A database that cannot be used: one line for the user."""

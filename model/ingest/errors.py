"""The errors of an ingest that the command reports in one line."""


class ClusterError(Exception):
    """A Dask cluster that cannot be used (a scheduler out of reach, a bad `local:N`), in one line."""

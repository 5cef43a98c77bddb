"""govextract: quantified claims from Chinese government work reports, as validated Parquet."""

__version__ = "0.1.0"

"""newsfigures: humanitarian figures from news articles, with where, when and who says so."""

__version__ = "0.1.0"

"""The package's version: `newsfigures.__version__`, and the User-Agent of fetched pages."""

__version__ = "0.1.0"

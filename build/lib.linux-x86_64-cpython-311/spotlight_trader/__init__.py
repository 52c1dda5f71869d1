"""Spotlight Trader: a real-time intraday trading coach."""

__version__ = "0.1.0"

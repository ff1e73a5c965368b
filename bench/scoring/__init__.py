"""Scorers for bench/scoreboard.py: one module per labelled set in ../shared/data."""

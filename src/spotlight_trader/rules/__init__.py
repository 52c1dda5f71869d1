"""Alerts: indicators, built-in and custom rules, the rules engine."""

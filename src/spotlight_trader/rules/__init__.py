"""Alerts: indicators, built-in and custom rules, the rule model, the rules engine."""

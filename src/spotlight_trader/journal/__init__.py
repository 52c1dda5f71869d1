"""The trading journal's domain: executions (fills), round trips, statistics, excursions
and the importers of broker files. Pure: no I/O beyond reading the text it is given."""

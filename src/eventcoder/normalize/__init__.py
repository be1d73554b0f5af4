"""Normalisation of dates, places, actors and outlets to the spec's canonical values."""

"""``python -m responsibility`` runs the command-line interface."""

from .cli import run

run()

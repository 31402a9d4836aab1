"""`python -m plandoc` runs the command-line interface."""

from plandoc.cli import run

run()

from tieout.linter.cli import run

run()

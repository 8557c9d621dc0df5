"""The metadata and settings are in pyproject.toml; this only lists the packages, found: every
package under xorlab/ (a new subpackage needs no line anywhere) and the top-level resources/
folder as xorlab.resources (mapped there by pyproject's package-dir), which pyproject's
packages.find cannot add."""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["xorlab", "xorlab.*"]) + ["xorlab.resources"])

"""Runs pytest on the given test files for CTest: exit 77 (CTest's
SKIP_RETURN_CODE) when nothing ran or every test was skipped, so a suite
that could not run is reported as skipped, never as passed."""
import sys

import pytest


class Outcomes:
    def __init__(self):
        self.passed = self.skipped = self.failed = 0

    def pytest_runtest_logreport(self, report):
        if report.skipped:
            self.skipped += 1
        elif report.when == "call":
            if report.passed:
                self.passed += 1
            else:
                self.failed += 1


def main():
    outcomes = Outcomes()
    code = pytest.main(["-v", "-rs", "-p", "no:cacheprovider"] + sys.argv[1:],
                       plugins=[outcomes])
    if code == pytest.ExitCode.NO_TESTS_COLLECTED:
        return 77
    if code == pytest.ExitCode.OK and outcomes.passed == 0 and outcomes.skipped > 0:
        return 77
    return int(code)


if __name__ == "__main__":
    sys.exit(main())

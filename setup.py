"""Builds twicetold._twicetold with CMake (pyproject.toml has the metadata).

The extension is the CMake target _twicetold (python/python.cmake). When
TWICETOLD_CMAKE_BUILD_DIR names a configured CMake tree (CTest sets it),
that tree builds it; otherwise a Release tree under setuptools' build_temp
is configured with tests, benchmarks and evaluations off. The PostgreSQL
store's module, libtwicetold_postgres.so, goes beside the extension: the
library looks for it there (and loads it, and libpq, for postgres:// URLs
only).
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        tree = os.environ.get("TWICETOLD_CMAKE_BUILD_DIR")
        if not tree:
            tree = str(Path(self.build_temp).resolve() / "cmake")
            subprocess.check_call([
                "cmake", "-S", str(ROOT), "-B", tree,
                "-DCMAKE_BUILD_TYPE=Release",
                f"-DPYTHON_EXECUTABLE={sys.executable}",
                "-DTWICETOLD_BUILD_TESTS=OFF", "-DTWICETOLD_BUILD_BENCHMARKS=OFF",
                "-DTWICETOLD_BUILD_EVALS=OFF", "-DTWICETOLD_BUILD_PYTHON=ON"])
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.check_call(["cmake", "--build", tree, "--target", "_twicetold",
                               "twicetold_postgres_module", "-j", jobs])
        built = next(Path(tree).glob("_twicetold*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)
        module = "libtwicetold_postgres.so"
        shutil.copyfile(Path(tree) / module, target.parent / module)


# setuptools' own scratch stays out of the CMake tree named "build".
_tree = os.environ.get("TWICETOLD_CMAKE_BUILD_DIR")
_scratch = str(Path(_tree) / "python-setuptools") if _tree else "build-python"

setup(ext_modules=[CMakeExtension("twicetold._twicetold")],
      cmdclass={"build_ext": CMakeBuild},
      options={"build": {"build_base": _scratch}})

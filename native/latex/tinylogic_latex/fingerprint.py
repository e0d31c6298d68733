"""What decides a parse, hashed: compares the grammar compiled here with the installed latex2sympy's.
Imports nothing of the extension, so generate.sh runs it before the extension is built."""

from __future__ import annotations

import hashlib
import json
import sys


def grammar_fingerprint(parser_cls: type, lexer_cls: type) -> str:
    """SHA-256 of both serialized ATNs and the rule and token names of ANTLR-generated Python classes."""
    atns = [sys.modules[cls.__module__].serializedATN() for cls in (parser_cls, lexer_cls)]
    names = [parser_cls.ruleNames, parser_cls.literalNames, parser_cls.symbolicNames]
    return hashlib.sha256(json.dumps([atns, names]).encode()).hexdigest()

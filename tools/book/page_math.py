"""The formulas of a page's Markdown, as KaTeX's auto-render finds them in the built page (theme/head.hbs):
display math between $$ and $$, inline math between $ and $ within one paragraph, neither inside code
(auto-render skips <pre> and <code>).

math_preprocessor.py hands every formula to mdBook with its punctuation escaped, so that Markdown passes it
through as written; the browser test counts the formulas; the claims check leaves them out of the prose it
searches for typed numbers."""

import re

INLINE = re.compile(r"\$(?:[^$\n]|\n(?![ \t]*\n))+?\$")  # no blank line inside: one paragraph
# Scanned left to right, code first: a dollar inside code is not math.
TOKENS = re.compile(rf"(?P<code>```.*?```|`[^`]*`)|(?P<display>\$\$.*?\$\$)|(?P<inline>{INLINE.pattern})", re.S)
ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # the characters a Markdown backslash escapes


def display_formulas(source: str) -> list[str]:
    return [token["display"] for token in TOKENS.finditer(source) if token["display"]]


def inline_formulas(source: str) -> list[str]:
    return [token["inline"] for token in TOKENS.finditer(source) if token["inline"]]


def escape_math(source: str) -> str:
    """SOURCE with every ASCII punctuation character inside a formula backslash-escaped, so that Markdown
    outputs it as it is: no backslash taken as an escape (\\{, \\,), no * or _ taken as emphasis, no ' turned
    into a curly quote, no | taken as a table's column."""
    def escaped(token: re.Match) -> str:
        if token["code"]:
            return token[0]
        edge = 2 if token["display"] else 1
        return token[0][:edge] + ASCII_PUNCTUATION.sub(r"\\\g<0>", token[0][edge:-edge]) + token[0][-edge:]
    return TOKENS.sub(escaped, source)

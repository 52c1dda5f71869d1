"""The custom rule expression language: parsed with lark (LALR), compiled to closures.

Grammar (lowest precedence first)::

    expr       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | FIELD | "true" | "false" | "(" expr ")"

Types are checked when compiling: ``and``/``or``/``not`` take conditions, comparisons and
arithmetic take numbers, and a rule must be a condition. Nothing is ever ``eval``-ed: the
tree is turned into nested Python closures over a snapshot ``dict``. A field that is not
warmed up yet is ``None``; arithmetic with ``None`` gives ``None``, a comparison with
``None`` is false, division by zero gives ``None``. Cost is bounded by
:data:`MAX_CHARS`, :data:`MAX_NODES` and :data:`MAX_DEPTH`.
"""

from __future__ import annotations

import difflib
import math
import operator
from collections.abc import Callable, Mapping
from typing import Any, Final

import msgspec
from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from spotlight_trader.errors import InputError
from spotlight_trader.rules.indicators import FIELDS

MAX_CHARS: Final = 500
MAX_NODES: Final = 64
MAX_DEPTH: Final = 24

Value = float | bool | None
Evaluator = Callable[[Mapping[str, float | None]], Any]

GRAMMAR = r"""
?start: or_expr
?or_expr: and_expr (_OR and_expr)*
?and_expr: not_expr (_AND not_expr)*
?not_expr: _NOT not_expr -> not_
         | comparison
?comparison: sum (COMP_OP sum)?
?sum: product (ADD_OP product)*
?product: unary (MUL_OP unary)*
?unary: "-" unary -> neg
      | atom
?atom: NUMBER -> number
     | TRUE -> true
     | FALSE -> false
     | NAME -> field
     | "(" or_expr ")"

_OR.2: /or\b/
_AND.2: /and\b/
_NOT.2: /not\b/
TRUE.2: /true\b/
FALSE.2: /false\b/
COMP_OP: ">=" | "<=" | "==" | "!=" | ">" | "<"
ADD_OP: "+" | "-"
MUL_OP: "*" | "/"
NAME: /[a-z_][a-z0-9_]*/
NUMBER: /(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/
%ignore /[ \t\r\n]+/
"""

_PARSER = Lark(GRAMMAR, parser="lalr", propagate_positions=True, maybe_placeholders=False)

_READABLE = {
    "_OR": "or",
    "_AND": "and",
    "_NOT": "not",
    "TRUE": "true",
    "FALSE": "false",
    "COMP_OP": "comparison (< <= > >= == !=)",
    "ADD_OP": "+ or -",
    "MUL_OP": "* or /",
    "MINUS": "-",
    "NAME": "field",
    "NUMBER": "number",
    "LPAR": "(",
    "RPAR": ")",
    "$END": "end of expression",
}


class ExpressionError(msgspec.Struct, frozen=True):
    """Why an expression is not valid: a message, the 0-based character position and the
    kinds of token that would have been accepted there."""

    message: str
    position: int
    expected: list[str]


class InvalidExpression(InputError):
    """Raised by :func:`compile_expression`; ``error`` holds the details."""

    def __init__(self, error: ExpressionError) -> None:
        super().__init__(f"{error.message} (at {error.position})")
        self.error = error


class Compiled(msgspec.Struct, frozen=True):
    """A checked expression: the evaluator and the fields it reads (in order of use)."""

    source: str
    evaluate: Evaluator
    fields: list[str]


def _expected(names: set[str] | frozenset[str]) -> list[str]:
    return sorted({_READABLE.get(n, n.lower()) for n in names})


def _fail(message: str, position: int, expected: list[str] | None = None) -> InvalidExpression:
    return InvalidExpression(ExpressionError(message, position, expected or []))


def _parse_error(text: str, exc: UnexpectedInput) -> InvalidExpression:
    if isinstance(exc, UnexpectedEOF):
        return _fail("unexpected end of expression", len(text), _expected(set(exc.expected)))
    if isinstance(exc, UnexpectedCharacters):
        pos = int(exc.pos_in_stream or 0)
        char = text[pos] if pos < len(text) else ""
        allowed = exc.allowed or set()
        return _fail(f"unexpected character {char!r}", pos, _expected(set(allowed)))
    token = getattr(exc, "token", None)
    accepts = getattr(exc, "accepts", None) or getattr(exc, "expected", None) or set()
    start = getattr(token, "start_pos", None)
    if token is None or start is None or getattr(token, "type", "") == "$END":
        return _fail("unexpected end of expression", len(text), _expected(set(accepts)))
    return _fail(f"unexpected {str(token)!r}", int(start), _expected(set(accepts)))


def _num(node: Tree[Any] | Token) -> int:
    meta = getattr(node, "meta", None)
    if meta is not None and not getattr(meta, "empty", True):
        return int(meta.start_pos)
    return int(getattr(node, "start_pos", 0) or 0)


class _Compiler:
    def __init__(self, fields: Mapping[str, str]) -> None:
        self.known = fields
        self.nodes = 0
        self.used: dict[str, None] = {}
        self.consts: dict[Evaluator, float] = {}
        self.field_of: dict[Evaluator, str] = {}

    def compile(self, node: Tree[Any] | Token, depth: int) -> tuple[str, Evaluator]:
        """(type, evaluator) where type is "num" or "bool"."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _fail(f"expression too large (more than {MAX_NODES} terms)", _num(node))
        if depth > MAX_DEPTH:
            raise _fail(f"expression nested too deeply (more than {MAX_DEPTH} levels)", _num(node))
        if isinstance(node, Token):  # pragma: no cover - the grammar wraps every token
            raise _fail("unexpected token", _num(node))
        kind = node.data
        children = node.children
        if kind == "number":
            value = float(str(children[0]))
            const = _const(value)
            self.consts[const] = value
            return "num", const
        if kind == "true":
            return "bool", lambda _s: True
        if kind == "false":
            return "bool", lambda _s: False
        if kind == "field":
            name = str(children[0])
            if name not in self.known or name.startswith("_"):
                close = difflib.get_close_matches(name, list(self.known), n=3)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                raise _fail(f"unknown field {name!r}{hint}", _num(children[0]), ["field"])
            self.used[name] = None
            field = _field(name)
            self.field_of[field] = name
            return "num", field
        if kind == "neg":
            operand = self._num_operand(children[0], depth, "-")
            return "num", lambda s, f=operand: None if (x := f(s)) is None else -x
        if kind == "not_":
            operand = self._bool_operand(children[0], depth, "not")
            return "bool", lambda s, f=operand: not f(s)
        if kind in ("or_expr", "and_expr"):
            word = "or" if kind == "or_expr" else "and"
            parts = [self._bool_operand(c, depth, word) for c in children]
            result = parts[0]
            for nxt in parts[1:]:  # binary closures: cheaper than any()/all() over a tuple
                result = _or(result, nxt) if kind == "or_expr" else _and(result, nxt)
            return "bool", result
        if kind == "comparison":
            left, op_token, right = children
            op = str(op_token)
            lf = self._num_operand(left, depth, op)
            rf = self._num_operand(right, depth, op)
            if lf in self.field_of and rf in self.consts:
                return "bool", _field_vs_const(op, self.field_of[lf], self.consts[rf])
            return "bool", _comparison(op, lf, rf)
        if kind in ("sum", "product"):
            result = self._num_operand(children[0], depth, str(children[1]))
            for i in range(1, len(children), 2):
                op = str(children[i])
                rf = self._num_operand(children[i + 1], depth, op)
                result = _arithmetic(op, result, rf)
            return "num", result
        raise _fail(f"unsupported construct {kind}", _num(node))  # pragma: no cover

    def _num_operand(self, node: Tree[Any] | Token, depth: int, op: str) -> Evaluator:
        kind, fn = self.compile(node, depth + 1)
        if kind != "num":
            raise _fail(f"{op!r} needs a number here, not a condition", _num(node))
        return fn

    def _bool_operand(self, node: Tree[Any] | Token, depth: int, op: str) -> Evaluator:
        kind, fn = self.compile(node, depth + 1)
        if kind != "bool":
            raise _fail(
                f"{op!r} needs a condition here (e.g. close > vwap), not a number", _num(node)
            )
        return fn


def _const(value: float) -> Evaluator:
    return lambda _s: value


def _field(name: str) -> Evaluator:
    return lambda s: s.get(name)


def _and(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda s: a(s) and b(s)


def _or(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda s: a(s) or b(s)


_OPS: Final[dict[str, Callable[[Any, Any], bool]]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}


def _field_vs_const(op: str, k: str, c: float) -> Evaluator:
    """``field OP number``, the most common comparison, in one closure."""
    if op == ">":
        return lambda s: (a := s.get(k)) is not None and a > c
    if op == "<":
        return lambda s: (a := s.get(k)) is not None and a < c
    if op == ">=":
        return lambda s: (a := s.get(k)) is not None and a >= c
    if op == "<=":
        return lambda s: (a := s.get(k)) is not None and a <= c
    compare = _OPS[op]
    return lambda s: (a := s.get(k)) is not None and bool(compare(a, c))


def _comparison(op: str, lf: Evaluator, rf: Evaluator) -> Evaluator:
    def cmp(s: Mapping[str, float | None]) -> bool:
        a = lf(s)
        if a is None:
            return False
        b = rf(s)
        if b is None:
            return False
        if op == ">":
            return bool(a > b)
        if op == ">=":
            return bool(a >= b)
        if op == "<":
            return bool(a < b)
        if op == "<=":
            return bool(a <= b)
        if op == "==":
            return bool(a == b)
        return bool(a != b)

    # Specialised closures for the common operators (the engine's hot path).
    if op == ">":
        return lambda s: (a := lf(s)) is not None and (b := rf(s)) is not None and a > b
    if op == "<":
        return lambda s: (a := lf(s)) is not None and (b := rf(s)) is not None and a < b
    if op == ">=":
        return lambda s: (a := lf(s)) is not None and (b := rf(s)) is not None and a >= b
    if op == "<=":
        return lambda s: (a := lf(s)) is not None and (b := rf(s)) is not None and a <= b
    return cmp


def _arithmetic(op: str, lf: Evaluator, rf: Evaluator) -> Evaluator:
    def arith(s: Mapping[str, float | None]) -> float | None:
        a = lf(s)
        b = rf(s)
        if a is None or b is None:
            return None
        if op == "+":
            r = a + b
        elif op == "-":
            r = a - b
        elif op == "*":
            r = a * b
        else:
            if b == 0:
                return None
            r = a / b
        return None if math.isnan(r) else float(r)

    return arith


def compile_expression(text: str, fields: Mapping[str, str] = FIELDS) -> Compiled:
    """Parse and type-check ``text``; :class:`InvalidExpression` with a position if not."""
    if not isinstance(text, str):
        raise _fail("expression must be text", 0)
    if len(text) > MAX_CHARS:
        raise _fail(f"expression longer than {MAX_CHARS} characters", MAX_CHARS)
    if not text.strip():
        raise _fail("expression is empty", 0, ["field", "number", "not", "("])
    try:
        tree = _PARSER.parse(text)
    except UnexpectedInput as exc:
        raise _parse_error(text, exc) from None
    except LarkError as exc:  # pragma: no cover - any other parser complaint
        raise _fail(f"cannot parse: {exc}", 0) from None
    compiler = _Compiler(fields)
    kind, fn = compiler.compile(tree, 0)
    if kind != "bool":
        raise _fail("a rule must be a condition (e.g. close > vwap), not a number", 0)
    return Compiled(source=text, evaluate=fn, fields=list(compiler.used))


def validate(text: str) -> tuple[ExpressionError | None, list[str]]:
    """(error or None, fields used) for the validation endpoint."""
    try:
        compiled = compile_expression(text)
    except InvalidExpression as exc:
        return exc.error, []
    return None, compiled.fields

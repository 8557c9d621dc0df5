"""Expressions a student types, turned into a `Value` graph — parsed, never `eval`-ed.

    parse_expression("f = w*x + b", {"w": -2, "x": 5, "b": 3})

Allowed: numbers, names (each name is one leaf, however often it is used), + - * / **,
parentheses, unary minus, and the functions exp, log, sigmoid, tanh, relu. An optional
"name =" in front names the result (else it is f). Python's own parser (`ast`) reads the text;
only the node kinds above are turned into Values, so `__import__('os')` or `foo(x)` is an
error, not a call. A name without a given value starts at 1.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .errors import XorlabError
from .graph import GraphError, Value

FUNCTIONS = {"exp": Value.exp, "log": Value.log, "sigmoid": Value.sigmoid,
             "tanh": Value.tanh, "relu": Value.relu}
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
MAX_NODES = 60  # nodes in one graph: more would not be readable
MAX_TEXT = 300


class ExpressionError(XorlabError):
    """A typed expression that cannot be drawn; `code` names the kind of problem and the
    message says what is wrong and what is allowed."""

    def __init__(self, code, template, /, **params):
        super().__init__(template, **params)
        self.code = code


@dataclass(frozen=True)
class Expression:
    text: str  # what was typed
    root: Value
    root_name: str
    leaves: dict  # name -> the leaf Value of every name (constants are not in it)

    def nodes(self):
        """Every node, inputs before the nodes that use them."""
        return self.root.topological_order()


def parse_expression(text, values=None):
    """An Expression from text; ExpressionError when it cannot be drawn."""
    values = dict(values or {})
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("empty", "type an expression such as w*x + b")
    if len(text) > MAX_TEXT:
        raise ExpressionError("too_long", "an expression has at most {limit} characters",
                              limit=MAX_TEXT)
    root_name, body = "f", text.strip()
    head, eq, rest = body.partition("=")
    if eq and head.strip().isidentifier() and not rest.startswith("="):
        root_name, body = head.strip(), rest.strip()
    try:
        tree = ast.parse(body, mode="eval")
    except SyntaxError as e:
        raise ExpressionError("syntax", "not a complete expression ({reason}); allowed: numbers, "
                              "names, + - * / **, ( ), {allowed}", reason=e.msg,
                              allowed=', '.join(FUNCTIONS)) from None
    leaves = {}
    count = [0]

    def leaf(name):
        if name not in leaves:
            leaves[name] = Value(values.get(name, 1.0), label=name)
        return leaves[name]

    def build(node):
        count[0] += 1
        if count[0] > MAX_NODES:
            raise ExpressionError("too_big", "at most {limit} nodes in one graph", limit=MAX_NODES)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
                and not isinstance(node.value, bool):
            return Value(node.value, label=f"{node.value:g}")
        if isinstance(node, ast.Name):
            if node.id in FUNCTIONS or node.id.startswith("_"):
                raise ExpressionError("bad_name", "{name!r} cannot be a name", name=node.id)
            return leaf(node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            if isinstance(node.operand, ast.Constant) and isinstance(node.operand.value,
                                                                     (int, float)):
                count[0] -= 1  # -3 is one number, not an operation
                sign = -1 if isinstance(node.op, ast.USub) else 1
                return build(ast.Constant(sign * node.operand.value))
            inner = build(node.operand)
            return -inner if isinstance(node.op, ast.USub) else inner
        if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
            left = build(node.left)
            if isinstance(node.op, ast.Pow):
                k = _number(node.right)
                if k is None:
                    raise ExpressionError("bad_power", "the exponent after ** must be a number")
                return left ** k
            right = build(node.right)
            return {"+": left.__add__, "-": left.__sub__, "*": left.__mul__,
                    "/": left.__truediv__}[OPERATORS[type(node.op)]](right)
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name not in FUNCTIONS:
                raise ExpressionError("unknown_function",
                                      "unknown function {function!r}; allowed: {allowed}",
                                      function=ast.unparse(node.func),
                                      allowed=", ".join(FUNCTIONS))
            if len(node.args) != 1 or node.keywords:
                raise ExpressionError("bad_call", "{name} takes one argument", name=name)
            return FUNCTIONS[name](build(node.args[0]))
        raise ExpressionError("not_allowed", "{part!r} is not allowed; allowed: numbers, names, + "
                              "- * / **, ( ), {allowed}", part=ast.unparse(node),
                              allowed=', '.join(FUNCTIONS))

    try:
        root = build(tree.body)
    except GraphError as e:
        raise ExpressionError("no_value", e.template, **e.params) from None
    except (OverflowError, ZeroDivisionError) as e:  # a number beyond a float
        raise ExpressionError("no_value", "a number too large or too small: {reason}",
                              reason=e) from None
    except RecursionError:
        raise ExpressionError("too_big", "at most {limit} nodes in one graph",
                              limit=MAX_NODES) from None
    if root_name in leaves:
        raise ExpressionError("bad_name", "the result {root_name!r} cannot also be an input",
                              root_name=root_name)
    return Expression(text=text, root=root, root_name=root_name, leaves=leaves)


def _number(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
            and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return None if inner is None else -inner
    return None

"""Prints the public surface of the installed `lex` package as JSON (for check.py)."""

import inspect
import json

import lex

functions, types, members = [], [], []
for name in getattr(lex, "__all__", dir(lex)):
    obj = getattr(lex, name)
    if inspect.isclass(obj):
        types.append(name)
        for attr in dir(obj):
            if not attr.startswith("_") and callable(getattr(obj, attr, None)):
                members.append(f"{name}.{attr}")
    elif callable(obj):
        functions.append(name)
print(json.dumps({"functions": functions, "types": types, "members": members}))

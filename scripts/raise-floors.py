#!/usr/bin/env python3
"""Raise eval/floors.json to just under what `npm run eval` measured now (never lowers a floor).

    npm run eval | python3 scripts/raise-floors.py
"""
import json, math, sys, pathlib

path = pathlib.Path(__file__).resolve().parent.parent / "eval" / "floors.json"
floors = json.loads(path.read_text())
for line in sys.stdin:
    parts = line.split()
    if len(parts) < 4 or "/" not in parts[0] or parts[0] not in floors:
        continue
    try:
        value = float(parts[3])
    except ValueError:
        continue
    f = floors[parts[0]]
    if "min" in f:
        f["min"] = max(f["min"], math.floor((value - 0.01) * 100) / 100)
    if "max" in f:
        f["max"] = min(f["max"], math.ceil((value + 0.01) * 100) / 100)
path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")

#!/usr/bin/python3
"""Run the official ONNX checker (with shape inference) on .onnx files, e.g. ClimateAD exports.

    /usr/bin/python3 tools/onnx/check_models.py model.onnx [more.onnx ...]

Prints one line per file (opset, IR version, operators) and exits non-zero if any file fails.
Needs Debian's python3-onnx (onnx 1.12).
"""
import sys

import onnx

failed = 0
for path in sys.argv[1:]:
    try:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
        ops = sorted({n.op_type for n in model.graph.node})
        opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=0)
        print(f"{path}: ok (opset {opset}, IR {model.ir_version}; {', '.join(ops)})")
    except Exception as e:  # report and continue with the next file
        failed += 1
        print(f"{path}: FAILED: {str(e).splitlines()[0]}")
sys.exit(1 if failed else 0)

"""`compliance serve` under a 20,000-record upload: from the first byte sent to the parsed answer.

Run:  python benchmarks/bench_web.py [--size 20000] [--repeat 5]

The real server (waitress, as `compliance serve` runs it) listens on a free
port of 127.0.0.1 in this process; each repeat POSTs the generated workbook
(benchmarks/generate.py, national penalty layout) to /api/check over HTTP,
reads the whole JSON answer and parses it. The answer includes writing the
Excel report, which the page offers for download. Target: under 3 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.request import Request, urlopen

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import ensure  # noqa: E402

TARGET_SECONDS = 3.0


def multipart(path: Path, fields: dict[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{path.name}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + path.read_bytes() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from compliance.web import create_app
    from compliance.web.server import make_server

    path = ensure(args.size, "xlsx")
    with tempfile.TemporaryDirectory() as work:
        app = create_app(work_dir=work)
        server = make_server(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.effective_port}/api/check"
        body, content_type = multipart(path, {"as_of": "2019-12-31"})
        times, sizes = [], []
        payload = None
        for _ in range(args.repeat + 1):  # the first run warms imports and caches; not counted
            started = time.perf_counter()
            with urlopen(Request(url, data=body, headers={"Content-Type": content_type}), timeout=120) as response:
                raw = response.read()
            payload = json.loads(raw)
            times.append(time.perf_counter() - started)
            sizes.append(len(raw))
        server.close()
    times = times[1:]
    median = statistics.median(times)
    print(f"input: {path.name}, {path.stat().st_size / 1e6:.1f} MB, {payload['summary']['records']:,} records")
    print(f"answer: {sizes[-1] / 1e6:.1f} MB of JSON, report_url {'yes' if payload['report_url'] else 'no'}")
    print(f"POST /api/check, {args.repeat} runs: median {median:.2f} s "
          f"(min {min(times):.2f} s, max {max(times):.2f} s); target < {TARGET_SECONDS:.0f} s: "
          f"{'met' if median < TARGET_SECONDS else 'NOT met'}")
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

"""What the data-quality checks cost: the same 1,000,000-record CSV checked with and without them.

Run:  python benchmarks/bench_quality.py [--size 1000000] [--repeat 3]

The input (benchmarks/_data/quality_<n>.csv) is generated once, deterministically, in the
national standard's 2019 penalty layout: credit codes with real check digits (0.5 % corrupted),
natural persons with masked ID numbers (1 % in full), enumerations, amounts in 万元, validity dates.

Timed as whole processes, alternating so that load changes hit both alike:
- quality: `compliance check FILE --as-of 2019-12-31 --out X.xlsx -q`
- off:     the same with --no-quality (no quality column is read, no check run).
Printed: min / median of each, wall clock and CPU time (the process and its reader processes),
the ratios of the medians (target: at most 1.3), and the load. On a loaded machine the wall clock
swings by half between like runs; the CPU ratio is the steadier one.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "_data"
TARGET = 1.3
HEADER = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人",
          "法定代表人证件号码", "处罚类别", "违法事实", "处罚依据", "处罚内容", "罚款金额（万元）",
          "没收违法所得、没收非法财物的金额（万元）", "处罚决定日期", "处罚有效期", "处罚机关",
          "处罚机关统一社会信用代码", "数据来源单位", "上网公开日期"]
ALPHABET = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))
WEIGHTS = np.array([pow(3, i, 31) for i in range(17)])


def _uscc(bodies: np.ndarray) -> np.ndarray:
    """17-character bodies (digits only here) with their GB 32100-2015 check character."""
    grid = np.frombuffer("".join(bodies).encode(), dtype=np.uint8).reshape(-1, 17) - ord("0")
    check = (31 - (grid * WEIGHTS).sum(axis=1) % 31) % 31
    return np.char.add(bodies.astype(str), ALPHABET[check])


def generate(n: int, path: Path, seed: int = 2019) -> Path:
    rng = np.random.default_rng(seed)
    decision = np.datetime64("2018-01-02") + rng.integers(0, 600, n).astype("timedelta64[D]")
    lag = rng.choice([3, 10, 20, 28, 40], n, p=[0.4, 0.3, 0.15, 0.1, 0.05]).astype("timedelta64[D]")
    natural = rng.random(n) < 0.2
    bodies = np.char.add("914202", np.char.zfill(rng.integers(0, 10**11, n).astype(str), 11))
    codes = _uscc(bodies)
    corrupt = rng.random(n) < 0.005
    codes[corrupt] = np.char.add(np.char.ljust(bodies[corrupt], 17), "0")
    ids = np.where(rng.random(n) < 0.01, "11010519491231002X", "420203********1234")
    units = np.array(["区安监局", "区工商分局", "区食药监局", "区综合执法局", "区环保局"])[rng.integers(0, 5, n)]
    frame = pd.DataFrame({
        "行政处罚决定书文号": np.char.add("西罚〔2018〕", np.char.add(np.arange(1, n + 1).astype(str), "号")),
        "行政相对人名称": np.where(natural, "张某", np.char.add("某某公司", (np.arange(n) % 5000).astype(str))),
        "行政相对人类别": np.where(natural, "自然人", "法人及非法人组织"),
        "统一社会信用代码": np.where(natural, "", codes),
        "法定代表人": np.where(natural, "", "李某"),
        "法定代表人证件号码": np.where(natural, "", ids),
        "处罚类别": rng.choice(["罚款", "警告", "警告；罚款", "没收违法所得、罚款", "罚金"], n, p=[0.5, 0.2, 0.2, 0.095, 0.005]),
        "违法事实": "未按规定进行安全生产教育和培训",
        "处罚依据": "《中华人民共和国安全生产法》第九十四条",
        "处罚内容": "罚款",
        "罚款金额（万元）": np.round(rng.random(n) * 10, 4).astype(str),
        "没收违法所得、没收非法财物的金额（万元）": "0",
        "处罚决定日期": decision.astype(str),
        "处罚有效期": (decision + np.timedelta64(1095, "D")).astype(str),
        "处罚机关": units,
        "处罚机关统一社会信用代码": "11420203MB0000000R",
        "数据来源单位": units,
        "上网公开日期": (decision + lag).astype(str),
    })
    path.parent.mkdir(parents=True, exist_ok=True)
    frame[HEADER].to_csv(path, index=False, encoding="utf-8")
    return path


def _cpu() -> float:
    """CPU seconds of every finished child and its reaped descendants (the reader processes too)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process with its readers: under load the CPU time
    still compares the two runs fairly, the wall clock does not."""
    with tempfile.TemporaryFile() as out:
        cpu, start = _cpu(), time.perf_counter()
        code = subprocess.run(args, stdout=out, stderr=subprocess.STDOUT).returncode
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
        if code not in (0, 1):
            out.seek(0)
            raise SystemExit(f"exit {code}: {out.read().decode('utf-8', 'replace')[-2000:]}")
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    path = DATA_DIR / f"quality_{options.size}.csv"
    if not path.exists():
        generate(options.size, path)
    times: dict[str, list[float]] = {"quality": [], "off": []}
    cpus: dict[str, list[float]] = {"quality": [], "off": []}
    loads = []
    with tempfile.TemporaryDirectory() as folder:
        base = [sys.executable, "-m", "compliance", "check", str(path), "--as-of", "2019-12-31", "-q"]
        for k in range(options.repeat):
            for name, extra in (("quality", []), ("off", ["--no-quality"])):
                loads.append(os.getloadavg()[0])
                seconds, cpu = run(base + ["--out", str(Path(folder) / f"{name}{k}.xlsx")] + extra)
                times[name].append(seconds)
                cpus[name].append(cpu)
                print(f"  {name:8s} run {k + 1}: {seconds:6.2f} s, CPU {cpu:6.2f} s (load {loads[-1]:.1f})",
                      flush=True)
    for name in times:
        print(f"{name:8s} wall min {min(times[name]):6.2f} s  median {statistics.median(times[name]):6.2f} s;"
              f"  CPU min {min(cpus[name]):6.2f} s  median {statistics.median(cpus[name]):6.2f} s")
    for label, values in (("wall", times), ("CPU", cpus)):
        ratio = statistics.median(values["quality"]) / statistics.median(values["off"])
        verdict = "within" if ratio <= TARGET else "OVER"
        print(f"quality / off, {label} = {ratio:.3f} (target <= {TARGET}: {verdict})")
    print(f"{options.size:,} records; load {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()

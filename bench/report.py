#!/usr/bin/env python3
"""Reads the outputs of one bench/run and writes the results file: every figure, every ratio, the targets."""
import argparse
import html
import datetime
import os
import platform
import re
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(text):
    """Requests/s, p99 in ms, requests, errors (non-2xx/3xx and socket errors) from wrk --latency output."""
    figures = {"rps": None, "p99": None, "requests": 0, "errors": 0, "rows": None}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", text):
        figures["rps"] = float(m.group(1))
    if m := re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
        figures["p99"] = float(m.group(1)) * UNITS[m.group(2)]
    if m := re.search(r"(\d+) requests in", text):
        figures["requests"] = int(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", text):
        figures["errors"] += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text):
        figures["errors"] += sum(int(g) for g in m.groups())
    if m := re.search(r"^rows (\d+)$", text, re.M):
        figures["rows"] = int(m.group(1))
    return figures


def parse_export(text):
    first, total, size, status = text.splitlines()[0].split()
    before, after = re.search(r"hwm (\d+) (\d+)", text).groups()
    return {"first_ms": float(first) * 1000, "total_ms": float(total) * 1000, "bytes": int(size), "status": status,
            "growth_mb": max(0, int(after) - int(before)) / 1024}


def verdict(ok):
    return "met" if ok else "**missed**"


def main():
    args = argparse.ArgumentParser()
    for name in ("--cases", "--mode", "--duration", "--first-ms", "--rss-kb", "--seed", "--out"):
        args.add_argument(name, required=True)
    args.add_argument("--micro", help="BenchmarkDotNet's GitHub-flavoured tables of the hot code paths")
    for name in ("--first-ms-pg", "--rss-kb-pg", "--seed-pg"):
        args.add_argument(name, help="the same run's figures on PostgreSQL")
    a = args.parse_args()

    labels, wrk, exports = {}, {}, {}
    with open(a.cases) as cases:
        for line in cases:
            key, label, path = line.rstrip("\n").split("\t")
            labels[key] = label
            text = open(path).read()
            if key.startswith("export_"):
                exports[key] = parse_export(text)
            else:
                wrk[key] = parse_wrk(text)

    baseline = [wrk[k]["rps"] for k in ("static_before", "static_after") if wrk.get(k, {}).get("rps")]
    s = sum(baseline) / len(baseline) if baseline else None

    def ratio(key):
        rps = wrk.get(key, {}).get("rps")
        return rps / s if rps and s else None

    def fmt(value, pattern="{:,.0f}"):
        return "–" if value is None else pattern.format(value)

    lines = []
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    wrk_version = (wrk_version.stdout + wrk_version.stderr).splitlines()[0] if (wrk_version.stdout + wrk_version.stderr) else "wrk"
    lines += [
        "# Benchmark results" + (" (smoke run: a tiny data set and 1 s a case; the figures mean nothing)" if a.mode == "smoke" else ""),
        "",
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/run`{' --smoke' if a.mode == 'smoke' else ''}, "
        f"{a.duration} a case. Machine: {os.cpu_count()} cores ({cpu}), {mem:,} MiB, {platform.system()} {platform.release()}; "
        f".NET SDK {dotnet}; {wrk_version}; nginx from Debian. The server (app or nginx) on core 0, wrk on the others.",
        "",
        "Data: " + open(a.seed).read().strip(),
        "",
        "S is nginx serving the byte-identical HTML of the anonymous guide page, measured before and after the app's cases"
        f" ({fmt(wrk.get('static_before', {}).get('rps'))} and {fmt(wrk.get('static_after', {}).get('rps'))} req/s; S = their mean).",
        "",
        "| case | connections | req/s | p99 | ratio to S | errors |",
        "|---|---|---|---|---|---|",
    ]
    for key, f in wrk.items():
        if key.endswith("_pg"):
            continue
        connections = 50 if key in ("log_post",) else 32
        errors = str(f["errors"]) + (f"; rows inserted {f['rows']} for {f['requests']} requests" if f["rows"] is not None else "")
        lines.append(f"| {labels[key]} | {connections} | {fmt(f['rps'])} | {fmt(f['p99'], '{:.1f} ms')} | {fmt(ratio(key), '{:.3f}')} | {errors} |")

    lines += ["", "| export | status | first byte | total | size | server memory high-water growth |", "|---|---|---|---|---|---|"]
    for key, e in exports.items():
        if key.endswith("_pg"):
            continue
        lines.append(f"| {labels[key]} | {e['status']} | {e['first_ms']:.0f} ms | {e['total_ms']:.0f} ms | {e['bytes'] / 1e6:.1f} MB | {e['growth_mb']:.0f} MB |")

    lines += ["", f"App: first response {a.first_ms} ms after start; {int(a.rss_kb) // 1024} MB resident after the whole run.", ""]

    # The targets, each against this run's figures.
    def heavy_ratio(page):
        page, suffix = (page[:-3], "_pg") if page.endswith("_pg") else (page, "")
        light, heavy = wrk.get(f"{page}_light{suffix}", {}).get("rps"), wrk.get(f"{page}_heavy{suffix}", {}).get("rps")
        return light / heavy if light and heavy else None

    post = wrk.get("log_post", {})
    checks = [
        ("guide page, anonymous ≥ 0.6 × S, p99 ≤ 10 ms", ratio("guide_anon"), (ratio("guide_anon") or 0) >= 0.6 and (wrk.get("guide_anon", {}).get("p99") or 1e9) <= 10),
        ("guide page, signed in ≥ 0.3 × S", ratio("guide_signed"), (ratio("guide_signed") or 0) >= 0.3),
        ("library with a filter ≥ 0.3 × S", ratio("library"), (ratio("library") or 0) >= 0.3),
        ("/today ≥ 0.1 × S, p99 ≤ 50 ms", ratio("today_heavy"), (ratio("today_heavy") or 0) >= 0.1 and (wrk.get("today_heavy", {}).get("p99") or 1e9) <= 50),
    ]
    for page in ("history", "progress", "report"):
        checks.append((f"{page} ≥ 0.1 × S", ratio(f"{page}_heavy"), (ratio(f"{page}_heavy") or 0) >= 0.1))
    checks.append(("log a workout ≥ 1,000/s, p99 ≤ 100 ms, 0 errors, rows = requests", post.get("rps"),
                   (post.get("rps") or 0) >= 1000 and (post.get("p99") or 1e9) <= 100 and post.get("errors") == 0
                   and post.get("rows") is not None and abs(post["rows"] - post["requests"]) <= 50))
    for page in ("today", "history", "progress", "progress_all", "progress_data_all", "report"):
        r = heavy_ratio(page)
        checks.append((f"{page.replace('_', ' ')}: heaviest patient ≤ 1.5 × the 100-set patient's time", r, r is not None and r <= 1.5))
    # A year against ten: past the first 60 workouts a long history is drawn from summaries, so the middle patient's
    # page and the heaviest one's should cost the same.
    for page in ("progress_all", "progress_data_all"):
        middle, heavy = wrk.get(f"{page}_middle", {}).get("rps"), wrk.get(f"{page}_heavy", {}).get("rps")
        r = middle / heavy if middle and heavy else None
        checks.append((f"{page.replace('_', ' ')}: heaviest patient ≤ 1.5 × the middle patient's time (not a target of the issue: years against one)", r, r is not None and r <= 1.5))
    solo, loaded = wrk.get("guide_anon", {}).get("rps"), wrk.get("guide_under_post", {}).get("rps")
    checks.append(("guide page while the POST load runs ≥ 0.7 × solo", loaded / solo if solo and loaded else None, bool(solo and loaded and loaded / solo >= 0.7)))
    for key, e in exports.items():
        if key.endswith("_pg"):
            continue
        checks.append((f"{labels[key]}: streamed, memory growth < 50 MB, first byte < 200 ms", e["growth_mb"], e["growth_mb"] < 50 and e["first_ms"] < 200))
    checks.append(("memory after the run < 250 MB", int(a.rss_kb) / 1024, int(a.rss_kb) / 1024 < 250))
    checks.append(("first response after start < 2 s", float(a.first_ms), float(a.first_ms) < 2000))

    lines += ["## Targets", "", "| target | this run | |", "|---|---|---|"]
    for name, value, ok in checks:
        lines.append(f"| {name} | {fmt(value, '{:.2f}')} | {verdict(ok)} |")
    lines.append("")
    floor = wrk.get("floor", {}).get("rps")
    if floor and s:
        lines += [f"The framework's floor, Kestrel alone answering with the same bytes from memory on the same core, is {floor / s:.2f} × S: "
                  "no ASP.NET Core page can reach a throughput target above that ratio on this machine.", ""]

    pg = [k for k in wrk if k.endswith("_pg")]
    if pg:
        lines += ["## The same cases on PostgreSQL", "",
                  "After the SQLite cases, in the same run: a throwaway PostgreSQL server (the distribution's, `fsync=off`, "
                  "as for the tests) pinned to the app's core, since SQLite's work runs inside the app's process; the same "
                  "data seeded by the same command (" + (open(a.seed_pg).read().strip() if a.seed_pg else "") + "), the app "
                  "started again on it, warmed up the same way, and the same wrk runs.", "",
                  "| case | connections | SQLite req/s | PostgreSQL req/s | PostgreSQL p99 | PostgreSQL ÷ SQLite | ratio to S | errors |",
                  "|---|---|---|---|---|---|---|---|"]
        for key in pg:
            base, f = key[:-3], wrk[key]
            sqlite_rps = wrk.get(base, {}).get("rps")
            connections = 50 if base == "log_post" else 32
            errors = str(f["errors"]) + (f"; rows inserted {f['rows']} for {f['requests']} requests" if f["rows"] is not None else "")
            lines.append(f"| {labels[key]} | {connections} | {fmt(sqlite_rps)} | {fmt(f['rps'])} | {fmt(f['p99'], '{:.1f} ms')} | "
                         f"{fmt(f['rps'] / sqlite_rps if f['rps'] and sqlite_rps else None, '{:.2f}')} | {fmt(ratio(key), '{:.3f}')} | {errors} |")
        lines += ["", "| export | SQLite first byte, total | PostgreSQL first byte, total | PostgreSQL memory high-water growth |", "|---|---|---|---|"]
        for key, e in exports.items():
            if key.endswith("_pg") and key[:-3] in exports:
                s_e = exports[key[:-3]]
                lines.append(f"| {labels[key]} | {s_e['first_ms']:.0f} ms, {s_e['total_ms']:.0f} ms | {e['first_ms']:.0f} ms, {e['total_ms']:.0f} ms | {e['growth_mb']:.0f} MB |")
        lines += ["", "| page | heaviest ÷ 100-set patient's time, SQLite | PostgreSQL |", "|---|---|---|"]
        for page in ("today", "history", "progress", "progress_all", "progress_data_all", "report"):
            lines.append(f"| {page.replace('_', ' ')} | {fmt(heavy_ratio(page), '{:.2f}')} | {fmt(heavy_ratio(page + '_pg'), '{:.2f}')} |")
        lines += ["", f"App on PostgreSQL: first response {a.first_ms_pg} ms after start; "
                  f"{int(a.rss_kb_pg or 0) // 1024} MB resident after its cases (the server's own memory not counted).", ""]

    if a.micro:
        lines += ["## Hot code paths (BenchmarkDotNet, in process, same run)", "",
                  "Not pinned: the app and nginx are stopped by then. " + ("One iteration each (smoke)." if a.mode == "smoke" else "BenchmarkDotNet's short run job."), ""]
        # One table per benchmark class, one blank line between them; names unescaped, no bold.
        for l in open(a.micro):
            l = html.unescape(l.rstrip("\n")).replace("**", "")
            if l.startswith("|") or (l == "" and lines[-1] != ""):
                lines.append(l)
        lines.append("")

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as out:
        out.write("\n".join(lines))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Latency and memory of `akkoord lsp`, measured as an editor sees them (issue #12): a benchmark, not a test.

    tools/bench/lsp_latency.py --akkoord BUILD/tools/akkoord/akkoord --corpus BUILD/tools/bench/bench_corpus

Speaks LSP to the server over pipes, with `debounceMs: 0` (initializationOptions) so the figures exclude the
debounce and are the server's own work plus the pipe:
  1. didChange -> its publishDiagnostics on rules/aa.akkoord with a 60-activity plan, and with a 20,000-activity
     plan (every change replaces the whole text, as a client with full sync does; the median and the slowest of
     the runs);
  2. the resident memory (VmRSS) of a server with 50 open 60-activity plans, and of one with none.
The plans come from bench_corpus (deterministic, seed 1), in a temporary repository with a `.akkoord.toml`.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class Server:
    def __init__(self, binary, cwd):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 1

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server ended")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message

    def wait_published(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params["uri"] == uri and \
                    params.get("version") == version:
                return params["diagnostics"]

    def rss_kib(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        # utime and stime (fields 14 and 15 of /proc/PID/stat, in clock ticks): on a loaded machine the wall
        # clock counts the waiting for a core too, the CPU time only the work.
        with open("/proc/%d/stat" % self.process.pid) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.request("shutdown", None)
        self.send({"method": "exit"})
        self.process.wait(timeout=30)


def start(binary, repo):
    server = Server(binary, repo)
    server.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + repo, "capabilities": {},
                                  "initializationOptions": {"debounceMs": 0}})
    server.send({"method": "initialized", "params": {}})
    return server


def uri(path):
    return "file://" + path


def latency(binary, repo, plan, runs):
    """Milliseconds from each didChange to its publishDiagnostics."""
    server = start(binary, repo)
    with open(plan, encoding="utf-8") as f:
        text = f.read()
    server.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri(plan), "languageId": "toml", "version": 1, "text": text}}})
    findings = server.wait_published(uri(plan), 1)
    times = []
    cpu_before = server.cpu_seconds()
    for version in range(2, runs + 2):
        # A real edit each time (a comment that grows), so nothing could be answered from a cache of the text.
        changed = text + "# edit %d\n" % version
        started = time.perf_counter()
        server.send({"method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri(plan), "version": version},
                                "contentChanges": [{"text": changed}]}})
        server.wait_published(uri(plan), version)
        times.append((time.perf_counter() - started) * 1000)
    cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / runs
    server.close()
    return times, cpu_ms, len(findings)


def memory(binary, repo, plans):
    server = start(binary, repo)
    idle = server.rss_kib()
    for version, plan in enumerate(plans, 1):
        with open(plan, encoding="utf-8") as f:
            server.send({"method": "textDocument/didOpen",
                         "params": {"textDocument": {"uri": uri(plan), "languageId": "toml", "version": 1,
                                                     "text": f.read()}}})
    for plan in plans:
        server.wait_published(uri(plan), 1)
    loaded = server.rss_kib()
    server.close()
    return idle, loaded


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--akkoord", required=True)
    parser.add_argument("--corpus", required=True, help="the bench_corpus binary")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    binary = os.path.abspath(args.akkoord)
    repo = tempfile.mkdtemp(prefix="akkoord-lsp-bench-")
    try:
        with open(os.path.join(repo, ".akkoord.toml"), "w") as config:
            config.write('rules = "%s"\nplans = ["plans/*.toml", "large/*.toml"]\n' % os.path.join(ROOT, "rules/aa.akkoord"))
        for folder, plans, activities in (("plans", 50, 60), ("large", 1, 20000)):
            subprocess.run([args.corpus, "--plans", str(plans), "--activities", str(activities), "--seed", "1",
                            "--out", os.path.join(repo, folder)], check=True)
        plans = sorted(os.path.join(repo, "plans", name) for name in os.listdir(os.path.join(repo, "plans")))
        large = os.path.join(repo, "large", "plan-00001.toml")
        for name, plan, runs in (("60 activities", plans[0], args.runs),
                                 ("20,000 activities", large, max(5, args.runs // 5))):
            times, cpu_ms, findings = latency(binary, repo, plan, runs)
            print("didChange -> publishDiagnostics, %s (%d findings): median %.1f ms, slowest %.1f ms, "
                  "server CPU %.1f ms per change, %d runs" %
                  (name, findings, statistics.median(times), max(times), cpu_ms, len(times)))
        idle, loaded = memory(binary, repo, plans)
        print("memory (VmRSS): %.1f MiB with no document open, %.1f MiB with %d open plans of 60 activities" %
              (idle / 1024, loaded / 1024, len(plans)))
    finally:
        shutil.rmtree(repo)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The reference timing for `npm run bench:parse`: ntc-templates' own parse_output, one call per pair, each timed.

Reads a JSON list of {platform, command, raw} on stdin; writes a JSON list of [wall, cpu] seconds (one per pair)
on stdout.
parse_output loads the index (cached by clitable after the first call) and reads and compiles the templates on
every call, as it does for its users; reading the .raw file is not timed.
"""
import json
import sys
import time

from ntc_templates.parse import parse_output


def main():
    pairs = json.load(sys.stdin)
    seconds = []
    for pair in pairs:
        with open(pair["raw"], encoding="utf-8") as handle:
            data = handle.read()
        start, start_cpu = time.perf_counter(), time.process_time()
        parse_output(platform=pair["platform"], command=pair["command"], data=data)
        seconds.append([time.perf_counter() - start, time.process_time() - start_cpu])
    json.dump(seconds, sys.stdout)


main()

"""Follows Yardmaster's run events on NATS JetStream and prints each run's ending.

An example of consuming the published event contract (GET /api/events-doc, docs/events.asyncapi.json) from another
process, in the language network teams script in. It reads the runs stream with an ordered consumer (no state kept on
the server), remembers each run's job from its run.requested event, and prints one line per terminal event:

    2026-12-02T01:40:12.345Z  run 6f0c…  examples.HelloWorld  completed  (requested by admin)

Usage: python follow_run_endings.py [--nats nats://127.0.0.1:4222] [--instance yard] [--from-start]
Needs nats-py (pip install nats-py==2.15.0); `npm run events:follow` installs it into .yard and runs this.
"""
import argparse
import asyncio
import json
import signal

import nats
from nats.js.api import DeliverPolicy

TERMINAL = {"run.completed", "run.failed", "run.errored", "run.cancelled", "run.timed_out"}


def ending_line(event, jobs):
    status = event["type"][len("run."):]
    run_id = event["aggregateId"]
    job = jobs.pop(run_id, {"jobId": "?", "requestedBy": "?"})
    error = event["data"].get("error")
    detail = f": {error['message']}" if error else ""
    return f"{event['occurredAt']}  run {run_id}  {job['jobId']}  {status}{detail}  (requested by {job['requestedBy']})"


async def follow(nats_url, instance, from_start):
    nc = await nats.connect(nats_url, name="follow-run-endings")
    js = nc.jetstream()
    # Every run event of the instance, in stream order; an ordered consumer recreates itself after a gap.
    subscription = await js.subscribe(
        f"{instance}.run.>",
        ordered_consumer=True,
        deliver_policy=DeliverPolicy.ALL if from_start else DeliverPolicy.NEW,
    )
    print(f"Following {instance}.run.> on {nats_url}", flush=True)
    jobs = {}
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    while not stop.is_set():
        try:
            message = await subscription.next_msg(timeout=1)
        except nats.errors.TimeoutError:
            continue
        event = json.loads(message.data)
        if event["type"] == "run.requested":
            jobs[event["aggregateId"]] = {"jobId": event["data"]["jobId"], "requestedBy": event["data"].get("requestedBy", event["actor"])}
        elif event["type"] in TERMINAL:
            print(ending_line(event, jobs), flush=True)
    await nc.drain()


def main():
    parser = argparse.ArgumentParser(description="Print each Yardmaster run's ending as it happens.")
    parser.add_argument("--nats", default="nats://127.0.0.1:4222", help="the NATS server (YARD_NATS_URL)")
    parser.add_argument("--instance", default="yard", help="the Yardmaster instance (YARD_INSTANCE, default yard)")
    parser.add_argument("--from-start", action="store_true", help="read the stream from its first retained event, not only new ones")
    arguments = parser.parse_args()
    asyncio.run(follow(arguments.nats, arguments.instance, arguments.from_start))


if __name__ == "__main__":
    main()

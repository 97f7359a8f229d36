#!/usr/bin/env python3
"""Writes one UsageRecorded event to rm.cost.usage with a stock Confluent client.

It shows that any Confluent-compatible client interoperates with Resource Manager: the schema is
registered through Apicurio Registry's Confluent-compatible API (/apis/ccompat/v7) and the value is
framed in the Confluent wire format by the client itself.

Needs python3-confluent-kafka, python3-avro and python3-requests (Debian packages).

    python3 examples/produce_usage.py --division research --tokens 1500
    curl -s 'http://127.0.0.1:8085/costs?group_by=division&period=day'
"""
import argparse
import datetime
import json
import pathlib
import uuid

from confluent_kafka import Producer, avro
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

SCHEMA_FILE = (pathlib.Path(__file__).resolve().parent.parent
               / "schemas/src/test/resources/baseline/rm.cost.usage-value/v2.avsc")


def usage_event(division, tokens, model, agent):
    now = datetime.datetime.now(datetime.timezone.utc)
    return {
        "header": {
            "event_id": str(uuid.uuid4()),
            "occurred_at": now,
            "correlation_id": "example-" + str(uuid.uuid4()),
            "causation_id": None,
            "producer": "examples/produce_usage.py",
        },
        "payload": {
            "kind": "TOKENS", "quantity": 0.0, "division": division, "project": None,
            "job_id": None, "allocation_id": None, "pool": None, "node": None, "template": None,
            "model": model, "token_type": None, "external": False, "agent": agent,
            "input_tokens": tokens, "output_tokens": tokens // 10, "cache_read_tokens": 0, "cache_write_tokens": 0,
            "period_start": now - datetime.timedelta(minutes=1), "period_end": now,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--registry", default="http://127.0.0.1:8081/apis/ccompat/v7")
    parser.add_argument("--division", default="research")
    parser.add_argument("--tokens", type=int, default=1000)
    parser.add_argument("--model", default="claude-sonnet", help="a model with a price (rm.cost.models)")
    parser.add_argument("--agent", default="example-agent")
    args = parser.parse_args()

    schema = avro.loads(json.dumps(json.loads(SCHEMA_FILE.read_text())))
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))
    # keys are plain UTF-8 strings; values are Avro in the Confluent wire format, subject rm.cost.usage-value
    value = serializer.encode_record_with_schema("rm.cost.usage", schema, usage_event(args.division, args.tokens, args.model, args.agent))
    producer = Producer({"bootstrap.servers": args.bootstrap})
    producer.produce("rm.cost.usage", key=("division=" + args.division).encode(), value=value)
    remaining = producer.flush(10)
    if remaining:
        raise SystemExit("%d record(s) not delivered" % remaining)
    print("sent %d input and %d output tokens of %s for division %s to rm.cost.usage"
          % (args.tokens, args.tokens // 10, args.model, args.division))


if __name__ == "__main__":
    main()

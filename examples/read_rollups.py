#!/usr/bin/env python3
"""Reads the cost tables from rm.cost.rollups with a stock Confluent client, as an analytics consumer would.

rm.cost.rollups is compacted: reading it from the beginning gives the latest cost of every dimension
and window (keys: "<type>=<value>|<HOUR|DAY|MONTH>|<window start>"). Values are Avro in the Confluent
wire format; the client fetches each writer schema by id from Apicurio Registry's
Confluent-compatible API (/apis/ccompat/v7), so it needs no schema file of its own.

Needs python3-confluent-kafka, python3-avro and python3-requests (Debian packages).

    python3 examples/read_rollups.py --window DAY --type division
"""
import argparse
import uuid

from confluent_kafka import Consumer, KafkaError
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--registry", default="http://127.0.0.1:8081/apis/ccompat/v7")
    parser.add_argument("--window", default="DAY", choices=["HOUR", "DAY", "MONTH"])
    parser.add_argument("--type", default="division", help="pool, division, project, job, model, agent or organisation")
    args = parser.parse_args()

    # keys are plain UTF-8 strings; only values are Avro (decoded with the writer schema fetched by id)
    values = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": "read-rollups-" + str(uuid.uuid4()),
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",   # the cost service writes in transactions
        "enable.partition.eof": True,
    })
    consumer.subscribe(["rm.cost.rollups"])
    latest, partitions_done, partitions = {}, set(), None
    while partitions is None or len(partitions_done) < len(partitions):
        message = consumer.poll(5)
        if message is None:
            break
        if partitions is None:
            partitions = consumer.assignment()
        if message.error():
            if message.error().code() == KafkaError._PARTITION_EOF:
                partitions_done.add(message.partition())
                continue
            raise SystemExit(message.error())
        key = message.key().decode()
        if message.value() is None:
            latest.pop(key, None)          # a tombstone: an hourly window past its retention
        else:
            latest[key] = values.decode_message(message.value())
    consumer.close()

    rows = [r for r in latest.values() if r["window"] == args.window and r["dimension_type"] == args.type]
    for r in sorted(rows, key=lambda r: (r["window_start"], r["dimension_value"])):
        print("%s %-24s internal $%10.6f  external $%10.6f  idle $%10.6f  tokens %d" % (
            r["window_start"].isoformat(), r["dimension_value"], r["cost_micro_usd"] / 1e6,
            r["external_micro_usd"] / 1e6, r["idle_micro_usd"] / 1e6, r["tokens"]))
    print("%d %s rollups of %s" % (len(rows), args.window, args.type))


if __name__ == "__main__":
    main()

"""Splink 5 (DuckDB backend) on Febrl-style CSV files, for Relata's identity benchmark (issue 14).

Ordinary settings, as Splink's own examples use them: name comparisons on given name and surname, a date
of birth comparison, Damerau-Levenshtein on the id, exact or fuzzy address fields; a few blocking rules;
u from random sampling, the prior from a deterministic rule, m by expectation maximisation in two sessions.
Pairs are predicted and clustered at the same match probability Relata links at (0.9).

    python splink_run.py OUT.csv FILE [FILE2]

Writes `source,id,cluster` rows to OUT.csv and prints one JSON line: seconds (reading the file to
clusters), pairs predicted, peak memory (MB, the process's maximum resident set).
"""

import csv
import json
import logging
import resource
import sys
import time

import pyarrow as pa
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

COLUMNS = [
    "rec_id",
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
]


def read_table(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, skipinitialspace=True))
    header = [h.strip() for h in rows[0]]
    index = {name: header.index(name) for name in COLUMNS}
    data = {name: [] for name in COLUMNS}
    for row in rows[1:]:
        for name in COLUMNS:
            value = row[index[name]].strip() if index[name] < len(row) else ""
            data[name].append(value if value != "" else None)
    data["unique_id"] = data.pop("rec_id")
    return pa.table(data)


def main():
    out, files = sys.argv[1], sys.argv[2:]
    logging.getLogger("splink").setLevel(logging.WARNING)
    started = time.perf_counter()
    db_api = DuckDBAPI()
    tables = [
        db_api.register(read_table(path), dataset_display_name=f"file{k + 1}")
        for k, path in enumerate(files)
    ]
    settings = SettingsCreator(
        link_type="link_only" if len(files) == 2 else "dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            block_on("surname", "date_of_birth"),
            block_on("given_name", "date_of_birth"),
            block_on("postcode", "street_number"),
            block_on("soc_sec_id"),
        ],
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("suburb", [0.9, 0.7]),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]),
            cl.ExactMatch("state"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(tables if len(tables) > 1 else tables[0], settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("date_of_birth")
    )
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=0.9
    )
    rows = clusters.as_duckdbpyrelation().fetchall()
    names = [c[0] for c in clusters.as_duckdbpyrelation().description]
    seconds = time.perf_counter() - started
    pairs = predictions.as_duckdbpyrelation().count("*").fetchall()[0][0]
    id_at, cluster_at = names.index("unique_id"), names.index("cluster_id")
    source_at = names.index("source_dataset") if "source_dataset" in names else None
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "id", "cluster"])
        for row in rows:
            source = row[source_at] if source_at is not None else "file1"
            writer.writerow([source, row[id_at], row[cluster_at]])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "predictedPairs": pairs, "peakMemoryMB": peak}))


if __name__ == "__main__":
    main()

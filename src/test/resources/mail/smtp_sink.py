"""A real SMTP server (aiosmtpd, Debian python3-aiosmtpd) for the tests: listens on 127.0.0.1:PORT and appends each
message it accepts to FILE as one JSON line: envelope sender and recipients, decoded Subject, decoded plain-text body.
Refuses recipients whose address starts with "refuse". Usage: python3 smtp_sink.py PORT FILE"""
import asyncio
import email
import email.policy
import json
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, path):
        self.path = path

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 no such mailbox"  # a recipient the server refuses: the sender's retries and giving up
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        part = msg.get_body(preferencelist=("plain",)) if msg.is_multipart() else msg
        body = part.get_content() if part is not None else ""
        line = json.dumps({"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "subject": str(msg["Subject"]),
                           "body": body}, ensure_ascii=False)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        return "250 OK"


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(path), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()  # runs until the test closes our stdin or kills us
    finally:
        controller.stop()


if __name__ == "__main__":
    main()

"""The one error boundary: `PortalError` is the base of every error that is the user's to fix (bad data, a
site that fails its audit, a publication refused, a command given wrong), whose message says what happened and
how to fix it. The CLI prints those as one line and exits 1; any other exception is a bug in the portal, and
the CLI says so and asks for it to be reported (the traceback with `--debug`)."""

from __future__ import annotations


class PortalError(Exception):
    """Something for the user to fix; the message says what and how."""

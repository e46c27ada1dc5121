"""Join codes people type from a projector, and secrets that stay secret.

A join code has 8 characters from 30 that cannot be mistaken for each other (no 0, O,
1, I, L, nor U, which reads as V): about 6.6 * 10^11 codes, so at the rate limit (10 wrong
tries an hour from one address) guessing a live code is hopeless. The facilitator key and
the participant links are 256-bit tokens; only a hash of the facilitator key is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8


def new_code() -> str:
    """A fresh join code, such as ``K7QF3XRA``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str | None:
    """The code as stored, from what a person typed ("k7qf-3xra ", "K7QF 3XRA"); None when
    it cannot be a code."""
    text = typed.strip().upper().replace("-", "").replace(" ", "")
    if len(text) != CODE_LENGTH or any(ch not in ALPHABET for ch in text):
        return None
    return text


def shown_code(code: str) -> str:
    """The code as shown on a projector: two groups of four (``K7QF-3XRA``)."""
    return f"{code[:4]}-{code[4:]}"


def new_secret() -> str:
    """A facilitator key or a participant id: 256 random bits, URL-safe, never starting
    with "-" (the command line would read ``--key -abc...`` as another option)."""
    while (secret := secrets.token_urlsafe(32)).startswith("-"):
        continue
    return secret


def secret_hash(secret: str) -> str:
    """What the store keeps of a facilitator key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_secret(secret: str, stored_hash: str) -> bool:
    """Compare in constant time, so response times tell nothing about the key."""
    return hmac.compare_digest(secret_hash(secret), stored_hash)

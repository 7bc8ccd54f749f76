"""Who may see what: bearer tokens with a role and a jurisdiction.

Tokens are configured in a file (YAML or JSON) or the environment, never in the repository,
and only their SHA-256 hashes are stored::

    tokens:
      - name: chunan-poverty-office     # the caller, as the decision log names it
        role: county                    # county | city | province
        jurisdiction: "330127"          # division code of the role's level
        sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08

``responsibility token --name … --role … --jurisdiction …`` makes a fresh token and prints its
entry. A presented token is hashed and compared with every stored hash in constant time
(:func:`hmac.compare_digest`).

What each role may do (:data:`ROLES`): every valid token reads the policy views and health;
a county user asks verdicts, routes and batches for, reads and writes the ledger of its own
county and the places below it; a city user reads (verdicts, ledger) its counties; a province
user reads the whole province. A request outside one's jurisdiction is refused with 403 and
logged.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import ResponsibilityError
from .._json import kind_of

#: Role → (reads places in its jurisdiction, writes the ledger there). A role is a level.
ROLES: Mapping[str, tuple[bool, bool]] = {
    "county": (True, True),
    "city": (True, False),
    "province": (True, False),
}
#: Leading digits of a division code that identify a place of each level.
_DIGITS = {"province": 2, "city": 4, "county": 6, "township": 9, "village": 12}


def token_hash(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    """A fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def _level(code12: str) -> str:
    if code12[9:] != "000":
        return "village"
    if code12[6:9] != "000":
        return "township"
    if code12[4:6] != "00":
        return "county"
    return "city" if code12[2:4] != "00" else "province"


def full_code(raw: object) -> str | None:
    """The 12-digit form of a division code, or ``None`` if it is not one."""
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit() or len(text) not in (2, 4, 6, 9, 12) or text[:2] == "00":
        return None
    return text.ljust(12, "0")


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller: name, role and the division code of its jurisdiction."""

    name: str
    role: str
    code: str  # 12 digits; "" for the unrestricted caller of a server without authentication

    @property
    def prefix(self) -> str:
        """The leading digits every place of the jurisdiction shares."""
        return self.code[:_DIGITS[self.role]] if self.code else ""

    def reads(self, place: str) -> bool:
        """Whether the caller may read about the place with 12-digit code ``place``."""
        return ROLES[self.role][0] and place.startswith(self.prefix)

    def writes(self, place: str) -> bool:
        """Whether the caller may write the ledger of the place with 12-digit code ``place``."""
        return ROLES[self.role][1] and place.startswith(self.prefix)

    @property
    def scope(self) -> str:
        """The jurisdiction as the caller's messages name it."""
        return f"{self.role} {self.code[:_DIGITS[self.role]]}" if self.code else "everywhere"


#: The caller of a server started without authentication (loopback development only).
ANONYMOUS = Principal("anonymous", "county", "")


@dataclass(frozen=True, slots=True)
class _Entry:
    digest: str
    principal: Principal


class TokenStore:
    """The configured tokens, by hash. ``authenticate`` finds the caller of a presented token.

    >>> store = TokenStore.from_data({"tokens": [{"name": "a", "role": "county", "jurisdiction": "330127",
    ...                                           "sha256": token_hash("s3cret")}]})
    >>> store.authenticate("s3cret").name, store.authenticate("guess")
    ('a', None)
    """

    def __init__(self, entries: list[_Entry], *, path: str | None = None) -> None:
        self._entries = entries
        #: The file the tokens were read from (``None`` for tokens given as data).
        self.path = path

    def __len__(self) -> int:
        return len(self._entries)

    def principals(self) -> list[Principal]:
        """The callers the tokens stand for, in the file's order."""
        return [e.principal for e in self._entries]

    def authenticate(self, token: str) -> Principal | None:
        """The caller whose token is ``token``, or ``None``; every stored hash is compared."""
        digest = token_hash(token)
        found: Principal | None = None
        for entry in self._entries:
            if hmac.compare_digest(digest, entry.digest):
                found = entry.principal
        return found

    @classmethod
    def from_data(cls, data: Any, *, source: str = "<tokens>") -> TokenStore:
        """Tokens from parsed YAML/JSON: ``{"tokens": [{name, role, jurisdiction, sha256}, …]}``."""

        def fail(where: str, message: str) -> ResponsibilityError:
            return ResponsibilityError(f"{source}: {where}: {message}")

        items = data.get("tokens") if isinstance(data, dict) else data
        if not isinstance(items, list):
            held = "nothing (it is empty)" if data is None else \
                f"{kind_of(items)} under tokens" if isinstance(data, dict) and "tokens" in data else \
                f"an object with no tokens key (keys: {', '.join(map(str, list(data)[:5]))}; a problem record, " \
                "not a tokens file?)" if isinstance(data, dict) else kind_of(data)
            raise fail("tokens", f"expected a list of {{name, role, jurisdiction, sha256}} entries, not {held}; make "
                       "each entry with `responsibility token --name … --role … --jurisdiction … >> FILE`")
        entries: list[_Entry] = []
        names: set[str] = set()
        holders: dict[str, str] = {}  # token hash -> the caller it was given to
        for i, item in enumerate(items):
            where = f"tokens[{i}]"
            if not isinstance(item, dict):
                raise fail(where, "expected an object with name, role, jurisdiction and sha256")
            unknown = set(item) - {"name", "role", "jurisdiction", "sha256"}
            if unknown:
                raise fail(f"{where}.{sorted(unknown)[0]}", "unknown field; allowed: name, role, jurisdiction, "
                           "sha256 (store the token's hash, never the token)")
            for key in ("name", "role", "jurisdiction", "sha256"):
                if isinstance(item.get(key), bool):  # (`name: yes` in YAML: the caller was named 'True')
                    raise fail(f"{where}.{key}", f"expected text, got {str(item[key]).lower()}; quote it")
                if not isinstance(item.get(key), (str, int)) or str(item[key]).strip() == "":
                    raise fail(f"{where}.{key}", "is required")
            name, role, digest = str(item["name"]), str(item["role"]), str(item["sha256"]).lower()
            if len(name) > 200 or any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in name):
                # The decision log shows it, and the ledger's entered_by (which refuses the same).
                raise fail(f"{where}.name", f"{name[:60]!a}: give a name of printable text (no line breaks or "
                           "control characters), at most 200 characters")
            if role not in ROLES:
                raise fail(f"{where}.role", f"unknown role {role!r}; use one of {', '.join(ROLES)}")
            code = full_code(item["jurisdiction"])
            if code is None:
                raise fail(f"{where}.jurisdiction", f"{item['jurisdiction']!r} is not a division code "
                           "(2, 4, 6, 9 or 12 digits)")
            if _level(code) != role:
                raise fail(f"{where}.jurisdiction", f"{item['jurisdiction']} is a {_level(code)}, not a {role}")
            if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                raise fail(f"{where}.sha256", "expected 64 hex digits: the SHA-256 of the token "
                           "(`responsibility token` prints it)")
            if name in names:
                raise fail(f"{where}.name", f"{name!r} is used twice; each caller needs its own name")
            if digest in holders:  # whose jurisdiction would the token carry? (the last entry's, silently)
                raise fail(f"{where}.sha256", f"the same token as {holders[digest]!r}'s; give each caller its own "
                           "token (`responsibility token`)")
            names.add(name)
            holders[digest] = name
            entries.append(_Entry(digest, Principal(name, role, code)))
        return cls(entries)

    @classmethod
    def from_file(cls, path: str | Path) -> TokenStore:
        """Tokens from a YAML or JSON file."""
        from .._errors import RulesError
        from ..policy._yaml import read_yaml

        try:  # bounded: a regular file, no alias bomb, no deep nesting (see policy._yaml)
            data, _ = read_yaml(Path(path))
        except RulesError as exc:
            raise ResponsibilityError(f"cannot read the tokens file: {exc.issues[0]}") from None
        store = cls.from_data(data, source=str(path))
        store.path = str(path)
        return store

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TokenStore | None:
        """Tokens from ``RESPONSIBILITY_TOKENS_FILE`` (a path) or ``RESPONSIBILITY_TOKENS`` (JSON
        text); ``None`` when neither is set."""
        env = os.environ if environ is None else environ
        if env.get("RESPONSIBILITY_TOKENS_FILE"):
            return cls.from_file(env["RESPONSIBILITY_TOKENS_FILE"])
        if env.get("RESPONSIBILITY_TOKENS"):
            try:
                data = json.loads(env["RESPONSIBILITY_TOKENS"])
            except ValueError as exc:
                raise ResponsibilityError(f"RESPONSIBILITY_TOKENS: not valid JSON ({exc})") from None
            return cls.from_data(data, source="RESPONSIBILITY_TOKENS")
        return None

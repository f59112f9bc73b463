"""Settings of the API, from the environment (prefix ``ORGMODEL_``) and validated at start.

Nothing here runs at import time: :class:`Settings` is built by ``orgmodel serve`` (or a test)
and handed to :func:`api.app.create_app`.

Development or production
-------------------------
``ORGMODEL_ENV`` is ``development`` or ``production``. Left unset, it is ``development`` when
the server listens on a loopback address (127.0.0.1, ::1, localhost) and ``production``
otherwise. Production refuses placeholder secrets (``change-me`` and the test password of
scripts/neo4j), write tokens shorter than 16 characters, a Neo4j URI without a real password,
and the benchmark endpoints. Development accepts the default write token
``editor:change-me`` so a fresh checkout can be tried on one's own machine.
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from orgmodel.vocabulary import DEFAULT_DATA_DIR

__all__ = ["DEFAULT_CSP", "PLACEHOLDER_SECRETS", "Settings", "is_loopback"]

#: Secrets that mean "not set yet"; refused in production.
PLACEHOLDER_SECRETS = frozenset({
    "", "change-me", "changeme", "change_me", "secret", "password", "neo4j",
    "orgmodel-test-password",
})
_MIN_TOKEN_LENGTH = 16

#: Safe for the pages the same app serves at / and /views/… (assets under /static).
DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'self'"
)


def is_loopback(host: str) -> bool:
    """Tell whether ``host`` only accepts connections from this machine.

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _blank_is_none(value: object) -> object:
    """A setting left blank (``ORGMODEL_AUDIT_FILE=``) is not set: it named "." (no file).

    >>> _blank_is_none("  "), _blank_is_none("audit.jsonl")
    (None, 'audit.jsonl')
    """
    return None if isinstance(value, str) and not value.strip() else value


def _appendable(path: Path | None) -> Path | None:
    """Refuse an audit file no write could append to: found out at start, not at each write.

    >>> _appendable(Path("/no/such/folder/audit.jsonl"))
    Traceback (most recent call last):
    ...
    ValueError: the folder /no/such/folder does not exist: create it, or name another file
    """
    if path is None:
        return None
    folder = path.parent
    if not folder.is_dir():
        raise ValueError(f"the folder {folder} does not exist: create it, or name another file")
    if path.exists() and not path.is_file():
        raise ValueError(f"{path} is not a file")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise ValueError(f"{path if path.exists() else folder} is not writable by this user")
    return path


_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"  # one part of a host name, between dots
_HOSTNAME = re.compile(rf"(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*")


def _listenable(host: str) -> str:
    """Refuse a host that is no address and no host name (``999.1.1.1``), before anything else.

    >>> _listenable("0.0.0.0"), _listenable("::1"), _listenable("intranet.local")
    ('0.0.0.0', '::1', 'intranet.local')
    >>> _listenable("999.1.1.1")
    Traceback (most recent call last):
    ValueError: '999.1.1.1' is no IP address or host name
    """
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    # Dotted digits are meant as an IPv4 address, which this is not; a name has letters.
    if re.fullmatch(r"[\d.]+", host) or not _HOSTNAME.fullmatch(host):
        raise ValueError(f"{host!r} is no IP address or host name")
    return host


def _pairs(value: object) -> object:
    """Parse ``name:token,name2:token2`` into a mapping (other values pass through)."""
    if not isinstance(value, str):
        return value
    found: dict[str, str] = {}
    for item in value.split(","):
        if not item.strip():
            continue
        name, sep, token = item.strip().partition(":")
        if not sep or not name.strip() or not token.strip():
            raise ValueError("use name:token pairs separated by commas, e.g. anna:s3cret-token")
        found[name.strip()] = token.strip()
    return found


def _words(value: object) -> object:
    """Parse a comma-separated list (other values pass through)."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Everything the API can be told; each field's env name is in its description."""

    model_config = SettingsConfigDict(env_prefix="ORGMODEL_", extra="ignore",
                                      populate_by_name=True, validate_default=True)

    env: Literal["development", "production"] | None = Field(
        None, description="ORGMODEL_ENV: development or production (default: by host).")
    host: str = Field("127.0.0.1", description="ORGMODEL_HOST: address to listen on.")
    port: int = Field(8000, ge=0, le=65535, description="ORGMODEL_PORT: port to listen on.")
    data_dir: Path = Field(DEFAULT_DATA_DIR, description="ORGMODEL_DATA_DIR: data folder.")
    neo4j_uri: str | None = Field(
        None, validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri"),
        description="NEO4J_URI: read from Neo4j instead of the data folder.")
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "neo4j_user"),
                            description="NEO4J_USER.")
    neo4j_password: SecretStr | None = Field(
        None, validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password"),
        description="NEO4J_PASSWORD.")
    use_neo4j: bool = Field(False, description="ORGMODEL_USE_NEO4J (implied by NEO4J_URI).")
    write_tokens: Annotated[dict[str, SecretStr], NoDecode] = Field(
        default_factory=lambda: {"editor": SecretStr("change-me")},
        description="ORGMODEL_WRITE_TOKENS: name:token,… (the name goes into the audit log).")
    read_tokens: Annotated[dict[str, SecretStr], NoDecode] = Field(
        default_factory=dict, description="ORGMODEL_READ_TOKENS: name:token,… for reads only.")
    read_requires_token: bool = Field(
        False, description="ORGMODEL_READ_REQUIRES_TOKEN: reads need a read or write token.")
    pages_without_persons: bool = Field(
        False, description="ORGMODEL_PAGES_WITHOUT_PERSONS: the start page and the views leave "
                           "persons (the holders of posts) out; the API still names them.")
    audit_file: Path | None = Field(
        None, description="ORGMODEL_AUDIT_FILE: also append the audit log here (JSON lines); "
                          "the embedded store makes its edits again at the next start.")
    replay_audit: bool = Field(
        True, description="ORGMODEL_REPLAY_AUDIT: at start, make the audit file's edits again "
                          "over the data folder (false: start from the data folder alone).")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="ORGMODEL_CORS_ORIGINS: origins allowed, comma-separated.")
    csp: str = Field(DEFAULT_CSP, description="ORGMODEL_CSP: Content-Security-Policy.")
    frame_ancestors: str = Field(
        "'self'", description="ORGMODEL_FRAME_ANCESTORS: who may embed pages, e.g. "
                              "\"'self' https://intranet.example\" (replaces it in the CSP).")
    store_timeout: float = Field(2.0, gt=0, le=60,
                                 description="ORGMODEL_STORE_TIMEOUT: seconds before a 503.")
    query_cache: int = Field(
        256, ge=0, le=100_000, description="ORGMODEL_QUERY_CACHE: answers (and response "
        "bodies) kept per version of the store (0: off).")
    bench_endpoints: bool = Field(
        False, description="ORGMODEL_BENCH_ENDPOINTS: serve /bench/hello (never in production).")
    docs: bool = Field(True, description="ORGMODEL_DOCS: serve /docs and /openapi.json.")

    _split_tokens = field_validator("write_tokens", "read_tokens", mode="before")(_pairs)
    _split_origins = field_validator("cors_origins", mode="before")(_words)
    _audit_file_blank = field_validator("audit_file", mode="before")(_blank_is_none)
    _audit_file_appendable = field_validator("audit_file")(_appendable)
    _host_listenable = field_validator("host")(_listenable)

    @model_validator(mode="after")
    def _resolve_and_check(self) -> Settings:
        if self.env is None:
            self.env = "development" if is_loopback(self.host) else "production"
        if self.neo4j_uri:
            self.use_neo4j = True
        elif self.use_neo4j:
            raise ValueError("reading from Neo4j needs NEO4J_URI (e.g. bolt://127.0.0.1:7687)")
        if self.env == "production":
            problems = self.production_problems()
            if problems:
                raise ValueError("refused in production: " + "; ".join(problems))
        return self

    def production_problems(self) -> list[str]:
        """Return what production refuses in these settings (empty: nothing)."""
        problems = []
        for setting, tokens in (("ORGMODEL_WRITE_TOKENS", self.write_tokens),
                                ("ORGMODEL_READ_TOKENS", self.read_tokens)):
            for name, token in tokens.items():
                secret = token.get_secret_value()
                if secret.lower() in PLACEHOLDER_SECRETS or len(secret) < _MIN_TOKEN_LENGTH:
                    problems.append(f"{setting}: the token of {name!r} is a placeholder or shorter "
                                    f"than {_MIN_TOKEN_LENGTH} characters")
        if self.use_neo4j:
            password = self.neo4j_password.get_secret_value() if self.neo4j_password else ""
            if password.lower() in PLACEHOLDER_SECRETS:
                problems.append("NEO4J_PASSWORD is missing or a placeholder")
        if self.bench_endpoints:
            problems.append("ORGMODEL_BENCH_ENDPOINTS must be off")
        return problems

    @property
    def development(self) -> bool:
        """Tell whether this is development mode."""
        return self.env == "development"

    def placeholder_warnings(self) -> list[str]:
        """Return the placeholders development accepts, to warn about at start."""
        return [f"write token of {name!r} is the placeholder {token.get_secret_value()!r}"
                for name, token in self.write_tokens.items()
                if token.get_secret_value().lower() in PLACEHOLDER_SECRETS]

    def content_security_policy(self) -> str:
        """Return the CSP with ``frame-ancestors`` set to :attr:`frame_ancestors`.

        Examples
        --------
        >>> Settings(frame_ancestors="'self' https://intranet.example").content_security_policy()
        "default-src 'self'; ...; frame-ancestors 'self' https://intranet.example"
        """
        kept = [part.strip() for part in self.csp.split(";")
                if part.strip() and not part.strip().startswith("frame-ancestors")]
        return "; ".join([*kept, f"frame-ancestors {self.frame_ancestors}"])

    def frame_options(self) -> str | None:
        """Return the X-Frame-Options value matching :attr:`frame_ancestors` (None: omit)."""
        value = self.frame_ancestors.strip()
        if value == "'self'":
            return "SAMEORIGIN"
        if value == "'none'":
            return "DENY"
        return None  # other embedders: only the CSP can name them

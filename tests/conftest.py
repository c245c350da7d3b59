"""Shared test set-up: the repository root on the import path, and where the yardsticks are."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------- the two stores
#
# Store tests take `store_kind` ("sqlite" or "postgresql") through `new_store`, a factory of
# fresh, empty store locations: a file in tmp_path, or a schema of its own in the PostgreSQL
# database named by $NEWSFIGURES_TEST_PG (dropped after the test). `.ci/run` starts a server
# and sets it (`.ci/postgres start DIR` prints a DSN); without it the PostgreSQL cases skip,
# saying so, except in CI (CI=true), where they fail.
import os  # noqa: E402
import uuid  # noqa: E402
from urllib.parse import quote  # noqa: E402

import pytest  # noqa: E402

PG_ENV = "NEWSFIGURES_TEST_PG"
STORE_KINDS = ("sqlite", "postgresql")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def postgres_dsn() -> str:
    """The test server's DSN; skips (fails in CI) when there is none or it does not answer."""
    dsn = os.environ.get(PG_ENV, "").strip()
    problem = "" if dsn else f"no PostgreSQL server for the tests: set {PG_ENV}=postgresql://..."
    if dsn:
        try:
            import psycopg

            psycopg.connect(dsn, connect_timeout=5).close()
        except Exception as e:  # any failure to reach the server is the reason given
            problem = f"the PostgreSQL server of {PG_ENV} does not answer ({e})"
    if problem:
        if _in_ci():
            pytest.fail(f"{problem} (CI=true: .ci/run starts one)")
        pytest.skip(f"{problem} (`.ci/postgres start DIR` starts one)")
    return dsn


def with_schema(dsn: str, schema: str) -> str:
    """The DSN with `schema` as the only schema on the search path."""
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=STORE_KINDS)
def store_kind(request) -> str:
    return request.param


@pytest.fixture
def new_store(store_kind, tmp_path):
    """`new_store(name="db")`: the location of a fresh, empty store of `store_kind`."""
    schemas: list[str] = []
    base = postgres_dsn() if store_kind == "postgresql" else ""

    def make(name: str = "db"):
        if store_kind == "sqlite":
            return tmp_path / f"{name}.sqlite"
        import psycopg

        schema = f"t_{uuid.uuid4().hex[:12]}_{name}"[:60]
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        schemas.append(schema)
        return with_schema(base, schema)

    yield make
    if schemas:
        import psycopg

        with psycopg.connect(base, autocommit=True) as conn:
            for schema in schemas:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store_at(new_store):
    """The location of one fresh store (a file or a PostgreSQL schema)."""
    return new_store()

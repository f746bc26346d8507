"""Schema 1: stories, informants, sessions with consent, answers, protocol snapshots, audit.

The first schema, made before reflect used Alembic. Databases of schema 1 to 9 carry their
number in a `reflect_schema` table; reflect stamps them with the matching revision here before
upgrading. A new database is made from today's models and stamped with the newest revision, so
this revision has nothing to do.
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass

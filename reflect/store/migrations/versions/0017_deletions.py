"""Deletions as rows of their own (issue 30, point 1): a `deletion` table, filled from the
audit trail's free text ('delete' events by entity name, an erasure, an erasure a bundle
carried), which imports read instead of searching that text. Kinds and actions are stored by
value, as statuses are (0016); the values are written out here (frozen, not read from
reflect.models). The audit events stay as they were; going down drops the table only."""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

KINDS = ("action", "principle", "evidence", "note", "redaction", "words")
ACTIONS = ("deleted", "erased", "erasure_pending")

FROM_AUDIT = {
    # (audit entity, audit action): (kind, action, the audit detail is the source)
    ("action", "delete"): ("action", "deleted", False),
    ("principle", "delete"): ("principle", "deleted", False),
    ("evidence", "delete"): ("evidence", "deleted", False),
    ("note", "delete"): ("note", "deleted", False),
    ("redaction", "delete"): ("redaction", "deleted", False),
    ("informant", "erase"): ("words", "erased", False),
    ("informant", "import:erasure-pending"): ("words", "erasure_pending", True),
}


def _kind() -> sa.Enum:
    return sa.Enum(*KINDS, name="deletionkind")


def _action() -> sa.Enum:
    return sa.Enum(*ACTIONS, name="deletionaction")


def upgrade() -> None:
    deletion = op.create_table(
        "deletion",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", _kind(), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("action", _action(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deletion_kind_entity_id", "deletion", ["kind", "entity_id"])
    audit = sa.table("auditevent", sa.column("entity", sa.String()),
                     sa.column("entity_id", sa.String()), sa.column("action", sa.String()),
                     sa.column("at", sa.DateTime()), sa.column("actor", sa.String()),
                     sa.column("detail", sa.String()))
    bind = op.get_bind()
    actions = sorted({action for _entity, action in FROM_AUDIT})
    query = sa.select(audit).where(audit.c.action.in_(actions)).order_by(audit.c.at)
    rows = []
    for event in bind.execute(query).mappings():
        found = FROM_AUDIT.get((event["entity"], event["action"]))
        if found is None:
            continue
        try:
            entity_id = uuid.UUID(event["entity_id"])
        except (TypeError, ValueError):
            continue  # not an id this table can hold (never written by reflect)
        kind, action, sourced = found
        rows.append({"id": uuid.uuid4(), "kind": kind, "entity_id": entity_id,
                     "action": action, "at": event["at"], "actor": event["actor"] or "",
                     "source": (event["detail"] or "") if sourced else ""})
    for start in range(0, len(rows), 1000):
        op.bulk_insert(deletion, rows[start:start + 1000])


def downgrade() -> None:
    op.drop_index("ix_deletion_kind_entity_id", table_name="deletion")
    op.drop_table("deletion")
    if op.get_bind().dialect.name == "postgresql":
        _action().drop(op.get_bind(), checkfirst=True)
        _kind().drop(op.get_bind(), checkfirst=True)

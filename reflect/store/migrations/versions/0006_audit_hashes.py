"""The audit trail records hashes of the old and new value of each change."""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("old_hash", "new_hash"):
        op.add_column("auditevent", sa.Column(column, sa.String(), nullable=False,
                                              server_default=""))

"""Settings kept in the database itself (issue 33, point 3): the book's title page (title,
subtitle, department, editors, year) remembered per database. A new table only; going down
drops it. On a PostgreSQL team database (issue 31: `reflect team init` ran), the table gets
the team's grants and row-level security at once: everyone reads it, only the coordinator
writes (as reflect.store.team_schema says; frozen here)."""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "databasesetting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in _TEAM_STATEMENTS:
        op.execute(statement)
    groups = bind.exec_driver_sql(
        "SELECT string_agg(rolname, ', ' ORDER BY rolname) FROM pg_roles WHERE rolname IN "
        "('reflect_coordinator', 'reflect_interviewer', 'reflect_analyst')").scalar()
    if groups:  # the team is set up on this server: the table is the team's like the others
        op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "databasesetting" TO {groups}')
        op.execute('ALTER TABLE "databasesetting" ENABLE ROW LEVEL SECURITY')


_COORDINATOR = "(SELECT reflect_is('coordinator', current_user))"
_TEAM_STATEMENTS = [
    'CREATE POLICY reflect_read ON "databasesetting" FOR SELECT USING (true)',
    f'CREATE POLICY reflect_add ON "databasesetting" FOR INSERT WITH CHECK ({_COORDINATOR})',
    f'CREATE POLICY reflect_change ON "databasesetting" FOR UPDATE USING ({_COORDINATOR}) '
    f"WITH CHECK ({_COORDINATOR})",
    f'CREATE POLICY reflect_remove ON "databasesetting" FOR DELETE USING ({_COORDINATOR})',
]


def downgrade() -> None:
    op.drop_table("databasesetting")

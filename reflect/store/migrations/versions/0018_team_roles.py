"""A team on PostgreSQL (issue 31, point 1): every row's owner (the database user who made
it, `current_user` by default) and the audit trail's database user; the story assignments
and the team's members; the functions and row-level security policies that decide what each
role may read and write. The policies stay inert until `reflect team init` creates the group
roles, grants the tables to them and enables row security (group roles are cluster-wide, not
a database's: a revision does not make them). On SQLite this revision does nothing.

The statements are read from reflect.store.team, which a new database's schema writes too,
so that an upgraded database and a new one are alike; each is harmless when run again."""

from alembic import op

from reflect.store import team

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for statement in team.schema_statements():
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for statement in team.undo_statements():
        conn.exec_driver_sql(statement)

"""Alembic's entry point for reflect's migrations.

reflect runs these itself when it opens an older database (reflect.store.migrations), on the
connection it already holds; it passes that connection in `config.attributes`.
"""

from alembic import context
from sqlmodel import SQLModel

from reflect import models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata,
                  render_as_batch=True, transaction_per_migration=True)
with context.begin_transaction():
    context.run_migrations()

"""Full-text search over answers and principles (SQLite FTS5; PostgreSQL searches with ILIKE).

Frozen (issue 30, point 4): the statements are written out here as this revision first ran
them, not imported from reflect.store.fulltext, so that no later change to the live code can
change what this revision builds."""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FTS_SETUP = [
    # External-content FTS5 indexes: the text lives once, in answer and principle; triggers
    # keep the index in step inside the same transaction as every save.
    "CREATE VIRTUAL TABLE answer_fts USING fts5(text, content='answer', content_rowid='rowid',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer BEGIN"
    " INSERT INTO answer_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN"
    " INSERT INTO answer_fts(answer_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " END",
    "CREATE TRIGGER answer_fts_update AFTER UPDATE OF text ON answer BEGIN"
    " INSERT INTO answer_fts(answer_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO answer_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE VIRTUAL TABLE principle_fts USING fts5(situation, goal, action, rationale,"
    " content='principle', content_rowid='rowid',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER principle_fts_insert AFTER INSERT ON principle BEGIN"
    " INSERT INTO principle_fts(rowid, situation, goal, action, rationale)"
    " VALUES (new.rowid, new.situation, new.goal, new.action, new.rationale); END",
    "CREATE TRIGGER principle_fts_delete AFTER DELETE ON principle BEGIN"
    " INSERT INTO principle_fts(principle_fts, rowid, situation, goal, action, rationale)"
    " VALUES ('delete', old.rowid, old.situation, old.goal, old.action, old.rationale); END",
    "CREATE TRIGGER principle_fts_update AFTER UPDATE ON principle BEGIN"
    " INSERT INTO principle_fts(principle_fts, rowid, situation, goal, action, rationale)"
    " VALUES ('delete', old.rowid, old.situation, old.goal, old.action, old.rationale);"
    " INSERT INTO principle_fts(rowid, situation, goal, action, rationale)"
    " VALUES (new.rowid, new.situation, new.goal, new.action, new.rationale); END",
    # No merging of index segments during a save (it made 1 save in 100 take 50-100 ms);
    # the app merges in the background instead (Store.tidy_search_index).
    "INSERT INTO answer_fts(answer_fts, rank) VALUES ('automerge', 0)",
    "INSERT INTO answer_fts(answer_fts) VALUES ('rebuild')",
    "INSERT INTO principle_fts(principle_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SETUP:
            op.execute(statement)

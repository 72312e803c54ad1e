"""DATABASE_URL chooses the database; unset, it is the SQLite file var/assistant.db."""

from storage.database import DEFAULT_SQLITE_FILE, database_url


def test_without_database_url_the_sqlite_file_next_to_the_project(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    url = database_url()
    assert url.get_backend_name() == "sqlite" and url.database == str(DEFAULT_SQLITE_FILE)


def test_an_empty_database_url_counts_as_unset(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "  ")
    assert database_url().database == str(DEFAULT_SQLITE_FILE)


def test_the_short_postgres_scheme_is_accepted(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://bureau:secret@db.example:5433/assistant")
    url = database_url()
    assert (url.drivername, url.host, url.port, url.database, url.password) == (
        "postgresql",
        "db.example",
        5433,
        "assistant",
        "secret",
    )
    assert "secret" not in repr(url)  # what the report and the logs print


def test_the_folder_of_a_sqlite_file_is_made(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new' / 'folder' / 'a.db'}")
    database_url()
    assert (tmp_path / "new" / "folder").is_dir()


def test_both_servers_open_sqlite_with_a_write_ahead_log(monkeypatch, tmp_path):
    """Commits without an fsync each (storage.database.create_engine), from the tracker store and the log."""
    import sqlalchemy as sa

    from storage.database import create_engine
    from storage.tracker_store import DatabaseTrackerStore

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'assistant.db'}")
    for engine in (DatabaseTrackerStore().engine, create_engine()):
        with engine.connect() as connection:
            assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(sa.text("PRAGMA synchronous")).scalar() == 1  # NORMAL

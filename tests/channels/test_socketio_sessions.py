"""Web page sessions: the server issues the ids; a client keeps one, never makes one up."""

from __future__ import annotations

from channels.socketio import is_issued, new_session_id, session_secret, signed

SECRET = b"test-secret"


def test_an_issued_id_is_recognised():
    assert is_issued(new_session_id(SECRET), SECRET)


def test_ids_are_random():
    assert new_session_id(SECRET) != new_session_id(SECRET)


def test_an_id_the_client_made_up_is_not_issued():
    for made_up in ["citizen-1", "0" * 32, f"{'a' * 32}.{'0' * 32}", "", None, 42, "a.b.c"]:
        assert not is_issued(made_up, SECRET)


def test_an_id_issued_under_another_secret_is_not_accepted():
    assert not is_issued(signed("a" * 32, b"another deployment"), SECRET)


def test_the_secret_comes_from_the_environment_when_set(monkeypatch):
    monkeypatch.setenv("SESSION_SECRET", "from-env")
    assert session_secret() == b"from-env"


def test_without_a_setting_a_secret_is_made_once_and_kept_private(monkeypatch, tmp_path):
    monkeypatch.delenv("SESSION_SECRET", raising=False)
    monkeypatch.setattr("channels.socketio.SECRET_FILE", tmp_path / "var" / "session_secret")
    first = session_secret()
    assert session_secret() == first and len(first) == 64
    assert (tmp_path / "var" / "session_secret").stat().st_mode & 0o077 == 0

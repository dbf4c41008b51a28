"""bench/dashboard_load.py's side-by-side measure of two revisions (issue 27: today's code,
dc16ec0, beside the current one, in the same run), its parts that start no server: a revision
exported with `git archive`, the environment that makes its processes import it, the refusal to
compare builds of other sizes, the same requests for both builds, and the ratios."""

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import dashboard_load  # noqa: E402
import load_test  # noqa: E402
import support  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists() or shutil.which("git") is None,
    reason="needs a git checkout",
)


def git(*args: str) -> str:
    found = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=True)
    return found.stdout.decode().strip()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """HEAD exported into a workdir, once for the module: (workdir, tree, full sha)."""
    workdir = tmp_path_factory.mktemp("dash")
    tree, commit = support.export_revision("HEAD", workdir)
    return workdir, tree, commit


def test_a_revision_is_exported_once_into_the_workdir(exported):
    workdir, tree, commit = exported
    assert commit == git("rev-parse", "HEAD")
    assert tree == workdir / f"src-{git('rev-parse', '--short', 'HEAD')}"
    shown = subprocess.run(
        ["git", "show", "HEAD:ctip/__init__.py"], cwd=ROOT, capture_output=True, check=True
    )
    assert (tree / "ctip" / "__init__.py").read_bytes() == shown.stdout
    assert (tree / "bench" / "site_setup.py").is_file()
    assert not list(workdir.glob(".src-*"))  # no half-exported tree left
    # Present: reused as it is, not exported again.
    (tree / "marker").write_text("kept")
    assert support.export_revision(commit, workdir) == (tree, commit)
    assert (tree / "marker").read_text() == "kept"


def test_an_unknown_revision_is_refused(tmp_path):
    with pytest.raises(RuntimeError, match="rev-parse"):
        support.export_revision("no-such-revision-27", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_exported_code_is_first_on_pythonpath_and_is_what_ctip_imports(exported):
    workdir, tree, _ = exported
    db = support.Database("sqlite", f"sqlite:///{workdir}/x.sqlite3", f"{workdir}/x.sqlite3")
    env = dashboard_load.Code(tree).env(db, workdir)
    parts = env["PYTHONPATH"].split(os.pathsep)
    assert parts[0] == str(tree)
    assert str(ROOT) not in parts
    assert env["DATABASE_URL"] == db.url
    # The editable install of the working tree comes after PYTHONPATH.
    assert dashboard_load.imported_ctip(env, tree) == str(tree / "ctip" / "__init__.py")
    # The working tree's own environment (no --source) imports the working tree.
    mine = dashboard_load.Code().env(db, workdir)
    assert dashboard_load.imported_ctip(mine, workdir) == str(ROOT / "ctip" / "__init__.py")
    # The revision's own site_setup.py when it has one, else this bench/'s.
    assert dashboard_load.Code(tree).bench == tree / "bench"
    assert dashboard_load.Code(workdir).bench == support.BENCH


def test_source_env_keeps_other_paths_after_the_tree(tmp_path):
    env = {"PYTHONPATH": os.pathsep.join([str(ROOT), "/opt/x"]), "HOME": "/root"}
    found = support.source_env(env, tmp_path)
    assert found["PYTHONPATH"] == os.pathsep.join([str(tmp_path), "/opt/x"])
    assert found["HOME"] == "/root"
    assert env["PYTHONPATH"].startswith(str(ROOT))  # the given environment is left as it was


def site(communes=("26734", "26737")) -> dict:
    return {
        "window": ["2023-12-08", "2026-12-07"],
        "options": {"seed": 1, "provinces": 2},
        "provinces": [
            {"code": "79", "communes": [[c, None, None] for c in communes]},
            {"code": "01", "communes": [["00004", "2025-07-01", None]]},
        ],
        "users": [
            {"username": "bench-leader-01", "province": "01"},
            {"username": "bench-leader-02", "province": "79"},
        ],
    }


def state(**sizes) -> dict:
    return {
        "database": {"backend": "sqlite", "url": "sqlite:///a", "name": "a"},
        "sizes": {**dashboard_load.SIZES, **sizes},
        "site": site(),
    }


def test_builds_of_other_sizes_are_not_compared():
    assert dashboard_load.check_comparable(state(), state()) == []
    with pytest.raises(dashboard_load.NotComparable, match="sizes differ"):
        dashboard_load.check_comparable(state(), state(activities=3000))
    other = state()
    other["site"]["window"] = ["2023-12-09", "2026-12-08"]
    with pytest.raises(dashboard_load.NotComparable, match="windows differ"):
        dashboard_load.check_comparable(state(), other)
    other = state()
    other["site"]["options"]["seed"] = 2
    with pytest.raises(dashboard_load.NotComparable, match="seeds differ"):
        dashboard_load.check_comparable(state(), other)
    other = state()
    other["site"]["users"] = other["site"]["users"][:1]
    with pytest.raises(dashboard_load.NotComparable, match="users differ"):
        dashboard_load.check_comparable(state(), other)
    # Other units known to one revision: measured anyway, with a warning.
    other = state()
    other["site"] = site(communes=("26734",))
    assert len(dashboard_load.check_comparable(state(), other)) == 1


def test_compare_refuses_other_sizes_before_measuring(tmp_path, capsys):
    for name, found in (("a", state()), ("b", state(victims=150))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "state.json").write_text(json.dumps(found))
    argv = ["compare", "--workdir", str(tmp_path / "a"), "--workdir-b", str(tmp_path / "b")]
    assert dashboard_load.main(argv) == 2
    assert "sizes differ" in capsys.readouterr().err
    assert not (tmp_path / "a" / "compare.json").exists()
    with pytest.raises(SystemExit):
        dashboard_load.parse(["compare", "--workdir", str(tmp_path / "a")])
    with pytest.raises(SystemExit):
        dashboard_load.parse([*argv, "--source", "HEAD"])


def test_both_builds_get_the_same_requests_with_their_own_sessions():
    plan = dashboard_load.plan_requests(site(), ["usual", "drawn"], 200)
    a = {"bench-leader-01": "sessionid=a1", "bench-leader-02": "sessionid=a2"}
    b = {"bench-leader-01": "sessionid=b1", "bench-leader-02": "sessionid=b2"}
    for mix in ("usual", "drawn"):
        for_a = dashboard_load.with_sessions(plan[mix], a)
        for_b = dashboard_load.with_sessions(plan[mix], b)
        assert [x.split("\t")[1] for x in for_a] == [x.split("\t")[1] for x in for_b]
        assert {x.split("\t")[0] for x in for_b} == set(b.values())
    # As `run` drew them before: the same lines as drawn with the sessions themselves.
    assert dashboard_load.with_sessions(plan["drawn"], a) == load_test.request_lines(
        site(), a, 200, 1
    )
    assert dashboard_load.with_sessions(plan["usual"], a) == dashboard_load.usual_lines(
        site(), a, 200
    )


def cell(closed_rps: float, users_p95: float, errors: int = 0) -> dict:
    one = {"requests_per_s": closed_rps, "p95_ms": 900.0, "error_count": errors}
    return {"users": {**one, "p95_ms": users_p95, "error_count": 0}, "closed_loop": one}


def test_the_ratio_is_b_over_a_of_the_closed_loop_means():
    rounds = [
        {
            "a": {"results": {"drawn/cache off": cell(30.0, 400.0), "usual/cache on": cell(0, 1)}},
            "b": {"results": {"drawn/cache off": cell(90.0, 150.0), "usual/cache on": cell(5, 2)}},
        },
        {
            "a": {"results": {"drawn/cache off": cell(20.0, 500.0), "usual/cache on": cell(0, 1)}},
            "b": {
                "results": {"drawn/cache off": cell(40.0, 120.0, 3), "usual/cache on": cell(5, 2)}
            },
        },
    ]
    found = dashboard_load.summarise(copy.deepcopy(rounds))
    drawn = found["drawn/cache off"]
    assert drawn["ratio"] == 2.6  # (90 + 40) / 2 over (30 + 20) / 2, not the mean of 3 and 2
    assert drawn["ratio_by_round"] == [3.0, 2.0]
    assert drawn["a_closed_loop_rps"] == [30.0, 20.0]
    assert drawn["b_closed_loop_rps"] == [90.0, 40.0]
    assert drawn["a_users_p95_ms"] == [400.0, 500.0]
    assert drawn["b_users_p95_ms"] == [150.0, 120.0]
    assert drawn["errors"] == 3
    # Nothing measured for A: no ratio rather than a division by zero.
    assert found["usual/cache on"]["ratio"] is None
    assert found["usual/cache on"]["ratio_by_round"] == [None, None]
    # One round so far (the result is written after each round).
    assert dashboard_load.summarise(rounds[:1])["drawn/cache off"]["ratio"] == 3.0

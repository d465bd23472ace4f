"""examples/ci/: the GitHub Actions and GitLab CI examples stay true.

Each file must parse as YAML and wire its pieces together (the SARIF file validate writes is the
one uploaded; the code-quality report is the artifact GitLab reads; the plan is what the
comment posts). Every `cfnx` command in them must name a real subcommand, real flags and
allowed values (checked against `cfnx SUBCOMMAND --help`). Then the commands run: validate on
a clean and on a broken templates/ directory, and the plan steps with the local backend
standing in for `--backend aws`.

usage: ci_examples_test.py CFNX SOURCE_DIR
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

CFNX = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "cfnx"
SRC = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "."
CI = os.path.join(SRC, "examples", "ci")


def load(name):
    with open(os.path.join(CI, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


GITHUB = load("github-actions.yml")
GITLAB = load("gitlab-ci.yml")


def github_runs():
    for job in GITHUB["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                yield step


def gitlab_jobs():
    return {k: v for k, v in GITLAB.items() if isinstance(v, dict) and "script" in v}


def script_text():
    """Every shell line of both files (continuations joined)."""
    texts = [s["run"] for s in github_runs()]
    for job in GITLAB.values():
        if isinstance(job, dict):
            for key in ("before_script", "script"):
                texts.extend(job.get(key, []))
    lines = []
    for text in texts:
        lines.extend(text.replace("\\\n", " ").splitlines())
    return lines


def cfnx_commands():
    """The argument lists of every cfnx invocation (redirections and pipes cut off)."""
    commands = []
    for line in script_text():
        for segment in re.split(r"\|\||&&|[|;]", line):
            segment = re.split(r"\s[0-9]?>", segment)[0].strip()
            if segment.startswith("cfnx "):
                commands.append(shlex.split(segment)[1:])
    return commands


HELP = {}


def help_of(subcommand):
    if subcommand not in HELP:
        out = subprocess.run([CFNX, subcommand, "--help"], capture_output=True, text=True)
        HELP[subcommand] = out.stdout if out.returncode == 0 else None
    return HELP[subcommand]


class StructureTest(unittest.TestCase):
    def test_github_uploads_the_sarif_validate_writes(self):
        on = GITHUB.get("on", GITHUB.get(True))  # YAML 1.1 reads the key `on` as true
        self.assertIn("pull_request", on)
        self.assertEqual(GITHUB["permissions"]["security-events"], "write")
        self.assertEqual(GITHUB["permissions"]["pull-requests"], "write")
        validate = [s for s in github_runs() if "cfnx validate" in s["run"]]
        self.assertEqual(len(validate), 1)
        args = shlex.split(validate[0]["run"])
        self.assertEqual(args[args.index("--format") + 1], "sarif")
        sarif = args[args.index("--output-file") + 1]
        uploads = [s for job in GITHUB["jobs"].values() for s in job["steps"]
                   if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
        self.assertEqual(len(uploads), 1)
        self.assertEqual(uploads[0]["with"]["sarif_file"], sarif)
        self.assertEqual(uploads[0].get("if"), "always()")

    def test_github_comments_the_plan(self):
        plan = [s for s in github_runs() if "cfnx plan" in s["run"]]
        self.assertEqual(len(plan), 1)
        self.assertIn("> plan.md", plan[0]["run"])
        comment = [s for s in github_runs() if "gh pr comment" in s["run"]]
        self.assertEqual(len(comment), 1)
        self.assertIn("--body-file plan.md", comment[0]["run"])
        self.assertIn("GH_TOKEN", comment[0]["env"])

    def test_gitlab_reports_code_quality_and_notes_the_plan(self):
        jobs = gitlab_jobs()
        validate = [j for j in jobs.values() if any("cfnx validate" in l for l in j["script"])]
        self.assertEqual(len(validate), 1)
        line = next(l for l in validate[0]["script"] if "cfnx validate" in l)
        args = shlex.split(line)
        self.assertEqual(args[args.index("--format") + 1], "code-climate")
        report = args[args.index("--output-file") + 1]
        self.assertEqual(validate[0]["artifacts"]["reports"]["codequality"], report)
        self.assertEqual(validate[0]["artifacts"]["when"], "always")
        for stage in (j["stage"] for j in jobs.values()):
            self.assertIn(stage, GITLAB["stages"])
        plan = [j for j in jobs.values() if any("cfnx plan" in l for l in j["script"])]
        self.assertEqual(len(plan), 1)
        self.assertTrue(any("merge_requests/$CI_MERGE_REQUEST_IID/notes" in l
                            for l in plan[0]["script"]))


class FlagsTest(unittest.TestCase):
    def test_every_cfnx_flag_and_value_exists(self):
        commands = cfnx_commands()
        self.assertGreaterEqual(len(commands), 4)
        for args in commands:
            subcommand = args[0]
            text = help_of(subcommand)
            self.assertIsNotNone(text, f"cfnx {subcommand} is not a command")
            names = set(re.findall(r"(?<![\w-])(--?[A-Za-z0-9][\w-]*)", text))
            for i, arg in enumerate(args[1:], 1):
                if not arg.startswith("-"):
                    continue
                flag = arg.split("=", 1)[0]
                self.assertIn(flag, names, f"cfnx {subcommand} has no {flag}: {args}")
                # A value from a fixed set must be one of it.
                choices = re.search(re.escape(flag) + r" TEXT:\{([^}]*)\}", text)
                if choices and i + 1 < len(args):
                    self.assertIn(args[i + 1], choices.group(1).split(","), args)


class RunTest(unittest.TestCase):
    """The examples' commands, run in a scratch checkout with templates/."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        templates = os.path.join(self.dir, "templates")
        os.makedirs(templates)
        shutil.copy(os.path.join(SRC, "examples", "templates", "deploy", "app-v1.yaml"),
                    os.path.join(templates, "app.yaml"))
        self.env = dict(os.environ, PATH=os.path.dirname(CFNX) + os.pathsep + os.environ["PATH"],
                        HOME=self.dir, CFNX_STATE=os.path.join(self.dir, "state.db"))
        self.env.pop("CFNX_BACKEND", None)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_line(self, line, env=None):
        return subprocess.run(["bash", "-c", line], cwd=self.dir, env=env or self.env,
                              capture_output=True, text=True)

    def break_a_template(self):
        with open(os.path.join(self.dir, "templates", "broken.yaml"), "w") as f:
            f.write("Resources:\n  B:\n    Type: AWS::S3::Buckt\n")

    def test_github_validate_writes_sarif(self):
        run = next(s["run"] for s in github_runs() if "cfnx validate" in s["run"])
        out = self.run_line(run)
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(os.path.join(self.dir, "cfnx.sarif")) as f:
            self.assertEqual(json.load(f)["runs"][0]["results"], [])
        self.break_a_template()
        out = self.run_line(run)
        self.assertEqual(out.returncode, 2, out.stderr)
        with open(os.path.join(self.dir, "cfnx.sarif")) as f:
            results = json.load(f)["runs"][0]["results"]
        self.assertEqual([r["ruleId"] for r in results], ["E3006"])
        self.assertIn("partialFingerprints", results[0])

    def test_gitlab_validate_writes_the_code_quality_report(self):
        job = next(j for j in gitlab_jobs().values()
                   if any("cfnx validate" in l for l in j["script"]))
        line = next(l for l in job["script"] if "cfnx validate" in l)
        out = self.run_line(line)
        self.assertEqual(out.returncode, 0, out.stderr)
        report = os.path.join(self.dir, job["artifacts"]["reports"]["codequality"])
        with open(report) as f:
            self.assertEqual(json.load(f), [])
        self.break_a_template()
        self.assertEqual(self.run_line(line).returncode, 2)
        with open(report) as f:
            issue, = json.load(f)
        for key in ("description", "check_name", "fingerprint", "severity"):
            self.assertTrue(issue[key], key)
        self.assertEqual(issue["location"], {"path": "templates/broken.yaml",
                                             "lines": {"begin": 3}})

    def local(self, line):
        self.assertIn("--backend aws", line)
        return line.replace("--backend aws", "--backend local")

    def test_github_plan_step_with_the_local_backend(self):
        run = next(s["run"] for s in github_runs() if "cfnx plan" in s["run"])
        env = dict(self.env, **GITHUB["env"])
        out = self.run_line(self.local(run), env)
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(os.path.join(self.dir, "plan.md")) as f:
            comment = f.read()
        self.assertIn("Plan for stack app", comment)
        self.assertIn("+ Queue (AWS::SQS::Queue)", comment)
        with open(os.path.join(self.dir, "plan.json")) as f:
            self.assertIn("ChangeSet", json.load(f))

    def test_gitlab_plan_job_with_the_local_backend(self):
        job = next(j for j in gitlab_jobs().values()
                   if any("cfnx plan" in l for l in j["script"]))
        env = dict(self.env, **GITLAB["variables"])
        for line in job["script"]:
            if "curl" in line:
                continue  # posting the note needs GitLab
            line = self.local(line) if line.startswith("cfnx plan ") else line
            out = self.run_line(line, env)
            self.assertEqual(out.returncode, 0, (line, out.stderr))
        with open(os.path.join(self.dir, "plan.md")) as f:
            self.assertIn("Plan for stack app", f.read())


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

"""The cfnx Python module (engine/python/): validate, transform, render, graph and plan.

Run by ctest as python.module with PYTHONPATH pointing at the built module and CFNX at the
cfnx executable (used to deploy a stack on the local backend that plan then reads).
"""

import json
import os
import pathlib
import subprocess
import tempfile
import threading
import unittest

import cfnx

ROOT = pathlib.Path(__file__).resolve().parents[2]
BROKEN = ROOT / "examples" / "broken" / "typos.yaml"
APP_V1 = ROOT / "examples" / "templates" / "deploy" / "app-v1.yaml"
APP_V2 = ROOT / "examples" / "templates" / "deploy" / "app-v2.yaml"
SAM = ROOT / "examples" / "templates" / "sam_orders.yaml"

BAD_TYPE = "Resources:\n  B:\n    Type: AWS::S3::Buckt\n"


class ValidateTest(unittest.TestCase):
    def test_findings_are_dicts_with_positions(self):
        findings = cfnx.validate(BAD_TYPE, name="inline.yaml")
        self.assertEqual(len(findings), 1)
        f = findings[0]
        self.assertEqual(f["code"], "E3006")
        self.assertEqual(f["severity"], "error")
        self.assertEqual((f["file"], f["line"], f["column"]), ("inline.yaml", 3, 11))
        self.assertEqual(f["path"], "/Resources/B/Type")
        self.assertIn("AWS::S3::Bucket", f["message"])
        for key in ("end_line", "end_column", "notes"):
            self.assertIn(key, f)

    def test_path_str_and_pathlike_match_the_cli(self):
        by_str = cfnx.validate(str(BROKEN))
        by_path = cfnx.validate(BROKEN)
        self.assertEqual(by_str, by_path)
        cli = subprocess.run(
            [os.environ["CFNX"], "validate", "--format", "json", str(BROKEN)],
            capture_output=True, text=True, check=False)
        expected = [(d["Rule"]["Id"], d["Location"]["Start"]["LineNumber"], d["Message"])
                    for d in json.loads(cli.stdout)]
        self.assertEqual([(f["code"], f["line"], f["message"]) for f in by_str], expected)
        self.assertTrue(expected)

    def test_clean_examples_have_no_findings(self):
        self.assertEqual(cfnx.validate(APP_V1), [])
        self.assertEqual(cfnx.validate(SAM), [])

    def test_options_are_cfn_lint_configuration(self):
        self.assertEqual(cfnx.validate(BAD_TYPE, ignore_checks=["E3006"]), [])
        self.assertEqual(cfnx.validate(BAD_TYPE, ignore_checks="E30"), [])
        self.assertEqual(len(cfnx.validate(BAD_TYPE, ignore_checks="E", mandatory_checks="E3006")),
                         1)
        param = ("Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n"
                 "Resources:\n  T:\n    Type: AWS::SNS::Topic\n")
        self.assertEqual(cfnx.validate(param, parameters={"Env": "dev"}, region="eu-west-1"), [])

    def test_unknown_option_missing_file_and_bad_types(self):
        with self.assertRaisesRegex(TypeError, "unexpected keyword argument 'regoin'"):
            cfnx.validate(BAD_TYPE, regoin="eu-west-1")
        with self.assertRaises(OSError):
            cfnx.validate("no/such/template.yaml")
        with self.assertRaises(TypeError):
            cfnx.validate(42)

    def test_threads_share_nothing(self):
        results = [None] * 8

        def work(i):
            results[i] = cfnx.validate(BROKEN)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(results))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertTrue(all(r == results[0] for r in results))
        self.assertTrue(results[0])


class TransformTest(unittest.TestCase):
    def test_sam_template_as_dict_and_json(self):
        processed = cfnx.transform(SAM)
        self.assertNotIn("Transform", processed)
        types = {r["Type"] for r in processed["Resources"].values()}
        self.assertIn("AWS::Lambda::Function", types)
        self.assertNotIn("AWS::Serverless::Function", types)
        text = cfnx.transform(SAM, format="json")
        self.assertEqual(json.loads(text), processed)
        cli = subprocess.run([os.environ["CFNX"], "transform", str(SAM)],
                             capture_output=True, text=True, check=True)
        self.assertEqual(json.loads(cli.stdout), processed)

    def test_unparseable_template_raises_with_findings(self):
        with self.assertRaises(cfnx.TemplateError) as caught:
            cfnx.transform("Resources: [\n", name="bad.yaml")
        self.assertIsInstance(caught.exception, ValueError)
        self.assertEqual(caught.exception.findings[0]["code"], "E0000")
        self.assertIn("bad.yaml:", str(caught.exception))

    def test_render_applies_parameters(self):
        template = ("Parameters:\n  Env:\n    Type: String\n"
                    "Resources:\n  T:\n    Type: AWS::SNS::Topic\n"
                    "    Properties:\n      TopicName: !Sub '${Env}-topic'\n")
        rendered = cfnx.render(template, parameters={"Env": "prod"})
        self.assertEqual(rendered["Resources"]["T"]["Properties"]["TopicName"], "prod-topic")


class GraphTest(unittest.TestCase):
    def test_waves(self):
        graph = cfnx.graph(APP_V1)
        self.assertEqual(graph["Waves"][0], ["Bucket", "DeadLetter", "Topic"])
        self.assertIn("digraph", cfnx.graph(APP_V1, format="dot"))


class PlanTest(unittest.TestCase):
    def test_new_stack(self):
        plan = cfnx.plan(APP_V1, stack="app")
        self.assertTrue(plan["has_changes"])
        actions = {c["ResourceChange"]["LogicalResourceId"]: c["ResourceChange"]["Action"]
                   for c in plan["change_set"]["Changes"]}
        self.assertEqual(set(actions.values()), {"Add"})
        self.assertIn("Queue", actions)
        first_wave = plan["order"]["Waves"][0]
        self.assertEqual([s["LogicalResourceId"] for s in first_wave],
                         ["Bucket", "DeadLetter", "Topic"])
        self.assertEqual({s["Action"] for s in first_wave}, {"Create"})
        self.assertEqual(plan["rollback"]["OnFailure"], "ROLLBACK")
        self.assertEqual(plan["rollback"]["Waves"][0][0]["Action"], "Delete")
        self.assertEqual(plan["forecast"], [])
        self.assertIn("Plan for stack app", plan["text"])
        self.assertEqual(json.loads(plan["json"])["ChangeSet"], plan["change_set"])

    def test_against_the_local_backend(self):
        with tempfile.TemporaryDirectory() as tmp:
            state = os.path.join(tmp, "state.db")
            subprocess.run([os.environ["CFNX"], "deploy", str(APP_V1), "--stack", "app",
                            "--state", state, "--yes"],
                           capture_output=True, text=True, check=True)
            same = cfnx.plan(APP_V1, stack="app", state=state)
            self.assertFalse(same["has_changes"])
            update = cfnx.plan(APP_V2, stack="app", state=pathlib.Path(state))
            self.assertTrue(update["has_changes"])
            cli = subprocess.run([os.environ["CFNX"], "plan", str(APP_V2), "--stack", "app",
                                  "--state", state, "--format", "json"],
                                 capture_output=True, text=True, check=True)
            self.assertEqual(json.loads(cli.stdout)["ChangeSet"], update["change_set"])
            replaced = [c["ResourceChange"]["LogicalResourceId"]
                        for c in update["change_set"]["Changes"]
                        if c["ResourceChange"].get("Replacement") == "True"]
            self.assertTrue(replaced)

    def test_state_dict_and_errors(self):
        plan = cfnx.plan(APP_V1, stack="app", state={"StackName": "app"})
        self.assertTrue(plan["has_changes"])
        with self.assertRaisesRegex(TypeError, "stack"):
            cfnx.plan(APP_V1)
        with self.assertRaises(ValueError):
            cfnx.plan(APP_V1, stack="app", on_failure="SOMETIMES")
        with self.assertRaises(cfnx.TemplateError) as caught:
            cfnx.plan(BAD_TYPE, stack="app")
        self.assertEqual(caught.exception.findings[0]["code"], "E3006")


if __name__ == "__main__":
    unittest.main(verbosity=2)

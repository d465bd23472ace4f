// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The `cfnx` Python module (pybind11) over the public library: cfnx/compiler.h for validate,
// transform and render, cfnx/planner.h for plan, cfnx/graph.h for graph.
//
//   import cfnx
//   for f in cfnx.validate("template.yaml", region="eu-west-1", ignore_checks=["W"]):
//       print(f"{f['file']}:{f['line']}:{f['column']}: {f['code']} {f['message']}")
//   processed = cfnx.transform("template.yaml")            # a dict
//   plan = cfnx.plan("template.yaml", stack="app", state=".cfnx/state.db")
//   for change in plan["change_set"]["Changes"]: ...
//
// A template is a path (str or os.PathLike) or the template's text: a str with a newline, or
// starting with "{", is text (reported as `name`, default "<string>"); any other str is a path.
// Options are the CLI's common flags as keywords (see kOptionNames). Problems in the template
// are findings (dicts); when no result can be produced (a template that does not parse, a failed
// transform) `cfnx.TemplateError` (a ValueError) is raised with the findings in `.findings`; an
// unreadable file raises OSError. The GIL is released while cfnx works.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cfnx/compiler.h"
#include "cfnx/graph.h"
#include "cfnx/plan.h"
#include "cfnx/planner.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;

// The cfnx libraries are compiled as PIE, which reaches glibc's `__libc_single_threaded` (read
// by libstdc++'s inline reference counting) PC-relatively, as if the executable defined it; a
// shared object cannot point such a relocation into libc.so. This definition, local to the
// module (cfnx_module.map), takes its place. Always 0 ("other threads may exist") is always
// correct: libstdc++ then uses atomic operations even before the first thread starts, as it
// must anyway once Python starts one.
extern "C" {
char __libc_single_threaded = 0;
}

namespace {

PyObject* g_template_error = nullptr;  // cfnx.TemplateError, created at import

// Every keyword the functions accept besides their own (name, format, stack, state, ...).
const char* const kOptionNames[] = {
    "region",           "partition",        "account_id",  "stack_name",
    "parameters",       "s3_root",          "include_map", "include_roots",
    "managed_policies", "sar_mock",         "exports",     "ignore_checks",
    "include_checks",   "mandatory_checks", "regions",     "ignore_bad_template"};

std::string Str(const py::handle& value) {
  return py::str(value).cast<std::string>();
}

// A string or an iterable of strings, as a list (cfn-lint's options take either).
std::vector<std::string> StringList(const py::handle& value) {
  if (py::isinstance<py::str>(value))
    return {value.cast<std::string>()};
  std::vector<std::string> out;
  for (const py::handle& item : value)
    out.push_back(Str(item));
  return out;
}

// {"Name": value}: values that are lists are joined with commas, as CloudFormation's list
// parameters are written; anything else is str(value).
std::map<std::string, std::string> StringMap(const py::handle& value, const char* option) {
  if (!py::isinstance<py::dict>(value))
    throw py::type_error(std::string(option) + " must be a dict");
  std::map<std::string, std::string> out;
  for (const auto& [key, item] : value.cast<py::dict>()) {
    if (py::isinstance<py::list>(item) || py::isinstance<py::tuple>(item)) {
      std::string joined;
      for (const py::handle& part : item)
        joined += (joined.empty() ? "" : ",") + Str(part);
      out[Str(key)] = joined;
    } else if (py::isinstance<py::bool_>(item)) {
      out[Str(key)] = item.cast<bool>() ? "true" : "false";
    } else {
      out[Str(key)] = Str(item);
    }
  }
  return out;
}

// CompileOptions from the keywords in `kwargs` that are options; `own` lists the function's
// own keywords, which are skipped here. Anything else is a TypeError, as Python's own.
cfnx::CompileOptions OptionsFrom(const py::kwargs& kwargs, const char* function,
                                 std::initializer_list<const char*> own) {
  cfnx::CompileOptions options;
  for (const auto& [key_handle, value] : kwargs) {
    std::string key = Str(key_handle);
    bool is_own = false;
    for (const char* o : own)
      is_own = is_own || key == o;
    if (is_own || value.is_none())
      continue;
    if (key == "region")
      options.region = Str(value);
    else if (key == "partition")
      options.partition = Str(value);
    else if (key == "account_id")
      options.account_id = Str(value);
    else if (key == "stack_name")
      options.stack_name = Str(value);
    else if (key == "parameters")
      options.parameters = StringMap(value, "parameters");
    else if (key == "s3_root")
      options.s3_root = Str(value);
    else if (key == "include_map")
      options.include_map = Str(value);
    else if (key == "include_roots")
      options.include_roots = StringList(value);
    else if (key == "managed_policies")
      options.managed_policies = Str(value);
    else if (key == "sar_mock")
      options.sar_mock = Str(value);
    else if (key == "exports")
      options.exports = StringMap(value, "exports");
    else if (key == "ignore_checks")
      options.checks.ignore_checks = StringList(value);
    else if (key == "include_checks")
      options.checks.include_checks = StringList(value);
    else if (key == "mandatory_checks")
      options.checks.mandatory_checks = StringList(value);
    else if (key == "regions")
      options.checks.regions = StringList(value);
    else if (key == "ignore_bad_template")
      options.checks.ignore_bad_template = value.cast<bool>();
    else
      throw py::type_error(std::string(function) + "() got an unexpected keyword argument '" + key +
                           "'");
  }
  return options;
}

// The template argument: a path, or the template's text (see the file comment).
struct TemplateArg {
  std::optional<std::string> path;
  std::string text;
  std::string name;
};

TemplateArg ToTemplateArg(const py::object& arg, const py::kwargs& kwargs) {
  TemplateArg out;
  out.name = kwargs.contains("name") ? Str(kwargs["name"]) : "<string>";
  if (!py::isinstance<py::str>(arg)) {
    py::object fspath = py::module_::import("os").attr("fspath");
    out.path = Str(fspath(arg));  // TypeError for anything that is not a path
    return out;
  }
  std::string s = arg.cast<std::string>();
  if (s.find('\n') != std::string::npos || (!s.empty() && s.front() == '{')) {
    out.text = std::move(s);
  } else {
    out.path = std::move(s);
  }
  return out;
}

// Adds the template to `compiler`; an unreadable file raises OSError.
cfnx::FileId AddTemplate(cfnx::Compiler& compiler, TemplateArg& arg) {
  if (!arg.path)
    return compiler.AddSource(arg.name, std::move(arg.text));
  cfnx::ErrorOr<cfnx::FileId> file = compiler.AddFile(*arg.path);
  if (!file.ok()) {
    PyErr_SetString(PyExc_OSError, file.error().message.c_str());
    throw py::error_already_set();
  }
  return *file;
}

py::dict Finding(const cfnx::Diagnostic& d, const cfnx::SourceManager& sources) {
  auto file_name = [&](cfnx::FileId f) {
    return f == 0 ? std::string("<unknown>") : sources.name(f);
  };
  py::dict f;
  f["code"] = std::string(cfnx::GetDiagCodeInfo(d.code).id);
  f["severity"] = d.severity == cfnx::Severity::kError     ? "error"
                  : d.severity == cfnx::Severity::kWarning ? "warning"
                                                           : "informational";
  f["file"] = file_name(d.range.begin.file);
  f["line"] = d.range.begin.line;
  f["column"] = d.range.begin.column;
  f["end_line"] = d.range.end.known() ? d.range.end.line : d.range.begin.line;
  f["end_column"] = d.range.end.known() ? d.range.end.column : d.range.begin.column;
  f["path"] = d.path.ToString();
  f["message"] = d.message;
  py::list notes;
  for (const cfnx::DiagnosticNote& n : d.notes) {
    py::dict note;
    note["file"] = file_name(n.range.begin.file);
    note["line"] = n.range.begin.line;
    note["column"] = n.range.begin.column;
    note["message"] = n.message;
    notes.append(note);
  }
  f["notes"] = notes;
  return f;
}

py::list Findings(const std::vector<cfnx::Diagnostic>& diagnostics,
                  const cfnx::SourceManager& sources) {
  py::list out;
  for (const cfnx::Diagnostic& d : diagnostics)
    out.append(Finding(d, sources));
  return out;
}

[[noreturn]] void RaiseTemplateError(const std::string& what, py::list findings) {
  std::string message = what;
  for (const py::handle& f : findings) {
    if (f["severity"].cast<std::string>() == "error") {
      message += ": " + f["file"].cast<std::string>() + ":" + Str(f["line"]) + ":" +
                 Str(f["column"]) + ": " + f["code"].cast<std::string>() + " " +
                 f["message"].cast<std::string>();
      break;
    }
  }
  py::object error = py::reinterpret_borrow<py::object>(g_template_error)(message);
  error.attr("findings") = findings;
  PyErr_SetObject(g_template_error, error.ptr());
  throw py::error_already_set();
}

py::object ParseJson(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

py::list Validate(const py::object& tmpl, const py::kwargs& kwargs) {
  cfnx::Compiler compiler(OptionsFrom(kwargs, "validate", {"name"}));
  TemplateArg arg = ToTemplateArg(tmpl, kwargs);
  cfnx::FileId file = AddTemplate(compiler, arg);
  cfnx::CompileResult result;
  {
    py::gil_scoped_release release;
    result = compiler.Validate(file);
  }
  return Findings(result.diagnostics, compiler.sources());
}

// transform and render: the processed template as a dict, or its JSON text (format="json").
py::object Process(const py::object& tmpl, const py::kwargs& kwargs, bool render) {
  const char* function = render ? "render" : "transform";
  cfnx::Compiler compiler(OptionsFrom(kwargs, function, {"name", "format"}));
  std::string format = kwargs.contains("format") ? Str(kwargs["format"]) : "dict";
  if (format != "dict" && format != "json")
    throw py::value_error("format must be 'dict' or 'json'");
  TemplateArg arg = ToTemplateArg(tmpl, kwargs);
  cfnx::FileId file = AddTemplate(compiler, arg);
  cfnx::Compiler::TransformOutput out;
  {
    py::gil_scoped_release release;
    out = render ? compiler.Render(file) : compiler.TransformTemplate(file);
  }
  if (out.json.empty()) {
    RaiseTemplateError(std::string("cannot ") + function + " the template",
                       Findings(out.result.diagnostics, compiler.sources()));
  }
  return format == "json" ? py::object(py::str(out.json)) : ParseJson(out.json);
}

py::dict Plan(const py::object& tmpl, const py::kwargs& kwargs) {
  if (!kwargs.contains("stack"))
    throw py::type_error("plan() missing required keyword argument: 'stack'");
  std::string stack = Str(kwargs["stack"]);
  cfnx::CompileOptions options =
      OptionsFrom(kwargs, "plan", {"name", "stack", "state", "on_failure", "capabilities"});
  options.stack_name = stack;
  cfnx::PlanOptions plan_options;
  if (kwargs.contains("on_failure") &&
      !cfnx::Parse(Str(kwargs["on_failure"]), &plan_options.on_failure)) {
    throw py::value_error("on_failure must be 'ROLLBACK', 'DELETE' or 'DO_NOTHING'");
  }
  if (kwargs.contains("capabilities"))
    plan_options.capabilities = StringList(kwargs["capabilities"]);

  // What is deployed: nothing (a new stack), a state dict (cfnx/stack_state.h's JSON), or a
  // path to a state file or a local backend database.
  cfnx::StackState state;
  state.stack_name = stack;
  py::object state_arg = kwargs.contains("state") ? py::object(kwargs["state"]) : py::none();
  if (py::isinstance<py::dict>(state_arg)) {
    std::string text = py::module_::import("json").attr("dumps")(state_arg).cast<std::string>();
    cfnx::ErrorOr<cfnx::StackState> read = cfnx::StackStateFromJsonText(text);
    if (!read.ok())
      throw py::value_error("state: " + read.error().message);
    state = std::move(*read);
  } else if (!state_arg.is_none()) {
    std::string path = Str(py::module_::import("os").attr("fspath")(state_arg));
    cfnx::ErrorOr<cfnx::StackState> read = cfnx::ReadStackState(path, stack);
    if (!read.ok()) {
      PyErr_SetString(PyExc_OSError, read.error().message.c_str());
      throw py::error_already_set();
    }
    state = std::move(*read);
  }

  cfnx::Compiler compiler(std::move(options));
  TemplateArg arg = ToTemplateArg(tmpl, kwargs);
  cfnx::FileId file = AddTemplate(compiler, arg);
  cfnx::PlanOutput out;
  {
    py::gil_scoped_release release;
    out = cfnx::PlanStack(compiler, file, state, plan_options);
  }
  py::list findings = Findings(out.result.diagnostics, compiler.sources());
  if (!out.plan)
    RaiseTemplateError("cannot plan the template", findings);
  std::string json = cfnx::PlanToJson(*out.plan).dump(2);
  py::dict whole = ParseJson(json);
  py::dict result;
  result["change_set"] = whole["ChangeSet"];
  result["order"] = whole["ExecutionOrder"];
  result["rollback"] = whole["RollbackPlan"];
  result["forecast"] = Findings(out.plan->forecast, compiler.sources());
  result["has_changes"] = out.plan->has_changes();
  result["findings"] = findings;
  result["text"] = cfnx::RenderPlanText(*out.plan, /*color=*/false);
  result["json"] = json;
  return result;
}

py::object Graph(const py::object& tmpl, const py::kwargs& kwargs) {
  cfnx::Compiler compiler(OptionsFrom(kwargs, "graph", {"name", "format"}));
  std::string format = kwargs.contains("format") ? Str(kwargs["format"]) : "dict";
  if (format != "dict" && format != "json" && format != "dot" && format != "mermaid")
    throw py::value_error("format must be 'dict', 'json', 'dot' or 'mermaid'");
  TemplateArg arg = ToTemplateArg(tmpl, kwargs);
  cfnx::FileId file = AddTemplate(compiler, arg);
  cfnx::GraphOutput out;
  {
    py::gil_scoped_release release;
    out = cfnx::RenderDependencyGraph(compiler, file, format == "dict" ? "json" : format);
  }
  if (out.text.empty()) {
    RaiseTemplateError("cannot load the template",
                       Findings(out.result.diagnostics, compiler.sources()));
  }
  return format == "dict" ? ParseJson(out.text) : py::object(py::str(out.text));
}

}  // namespace

PYBIND11_MODULE(cfnx, m) {
  m.doc() =
      "cfnx: validate, transform, render, graph and plan AWS CloudFormation and SAM templates "
      "offline.\n\nTemplates are paths (str or os.PathLike) or template text (a str with a "
      "newline, or starting with '{'). Options are keywords: region, partition, account_id, "
      "stack_name, parameters (dict), s3_root, include_map, include_roots, managed_policies, "
      "sar_mock, exports (dict), ignore_checks, include_checks, mandatory_checks, regions, "
      "ignore_bad_template; name= names a text template in findings.";
  m.attr("__version__") = "0.1.0";
  g_template_error = PyErr_NewExceptionWithDoc(
      "cfnx.TemplateError", "No result could be produced from the template; `findings` says why.",
      PyExc_ValueError, nullptr);
  m.attr("TemplateError") = py::reinterpret_borrow<py::object>(g_template_error);
  py::list names;
  for (const char* name : kOptionNames)
    names.append(name);
  m.attr("OPTIONS") = py::tuple(names);

  m.def("validate", &Validate, py::arg("template"),
        "validate(template, **options) -> list of findings, each a dict with code, severity "
        "('error', 'warning', 'informational'), file, line, column, end_line, end_column, path "
        "(/Resources/...), message and notes. The findings `cfnx validate` prints, filtered by "
        "ignore_checks / include_checks / mandatory_checks as cfn-lint's configuration.");
  m.def(
      "transform", [](const py::object& t, const py::kwargs& kw) { return Process(t, kw, false); },
      py::arg("template"),
      "transform(template, format='dict'|'json', **options) -> the processed template (transforms "
      "applied, nothing else evaluated), as `cfnx transform` prints it. Raises TemplateError when "
      "it cannot be produced.");
  m.def(
      "render", [](const py::object& t, const py::kwargs& kw) { return Process(t, kw, true); },
      py::arg("template"),
      "render(template, format='dict'|'json', **options) -> the template with parameters and "
      "conditions applied and every function that can be evaluated replaced, as `cfnx render`.");
  m.def("plan", &Plan, py::arg("template"),
        "plan(template, stack=NAME, state=None, on_failure='ROLLBACK', capabilities=(), "
        "**options) -> dict with change_set (DescribeChangeSet's shape), order (Waves, "
        "CleanupWaves), rollback (the rollback plan), forecast (findings), has_changes, "
        "findings (the template's warnings), text (as `cfnx plan` prints it) and json (what "
        "`cfnx plan -o` saves). state: None for a new stack, a stack state dict, or a path to a "
        "state JSON file or a local backend database. Nothing is deployed.");
  m.def("graph", &Graph, py::arg("template"),
        "graph(template, format='dict'|'json'|'dot'|'mermaid', **options) -> the resource "
        "dependency graph, as `cfnx graph`.");
}

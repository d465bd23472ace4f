// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The pydantic v1 subset of py_model.h against what pydantic 1.10 answers (checked with
// `samtranslator.compat.pydantic` on the reference's own schema classes).

#include "transforms/sam/py_model.h"

#include <gtest/gtest.h>

namespace cfnx::sam {
namespace {

const PyModel& Runtime() {
  static const PyModel kModel{{{"Name", PyAny()}, {"Version", PyAny()}}};
  return kModel;
}

const PyModel& Function() {
  static const PyModel kModel{{{"DataSource", PyOptional(PyUnion({PyDictStrAny(), PyStr()}))},
                               {"Runtime", PyOptional(PyOf(Runtime()))},
                               {"Name", PyOptional(PyStr())},
                               {"Enabled", PyOptional(PyBool())},
                               {"Kind", PyOptional(PyLiteral({"A", "B"}))},
                               {"Steps", PyOptional(PyListOf(PyStr()))}}};
  return kModel;
}

std::string FirstError(const Json& value, const PyType& type) {
  Json out;
  std::vector<std::string> loc;
  if (PyValidate(value, type, &out, &loc))
    return "ok";
  return PyLocString(loc);
}

TEST(PyModelTest, ModelDictHasEveryFieldInDeclarationOrder) {
  Json out;
  std::vector<std::string> loc;
  ASSERT_TRUE(PyValidate(Json::parse(R"({"Name": "f", "Runtime": {"Version": 1, "Name": "JS"}})"),
                         PyOf(Function()), &out, &loc));
  EXPECT_EQ(out.dump(),
            R"({"DataSource":null,"Runtime":{"Name":"JS","Version":1},"Name":"f","Enabled":null,)"
            R"("Kind":null,"Steps":null})");
}

TEST(PyModelTest, CoercesAsPydanticDoes) {
  Json out;
  std::vector<std::string> loc;
  ASSERT_TRUE(PyValidate(Json::parse(R"({"Name": 5, "Enabled": "Yes", "Steps": [1.5, true]})"),
                         PyOf(Function()), &out, &loc));
  EXPECT_EQ(out["Name"], "5");
  EXPECT_EQ(out["Enabled"], true);
  EXPECT_EQ(out["Steps"], Json::parse(R"(["1.5", "True"])"));
  ASSERT_TRUE(PyValidate(Json::parse(R"({"Enabled": 0})"), PyOf(Function()), &out, &loc));
  EXPECT_EQ(out["Enabled"], false);
  // Union[dict, str]: dict("") is {}, a number is no dict but str() takes it.
  ASSERT_TRUE(PyValidate(Json::parse(R"({"DataSource": ""})"), PyOf(Function()), &out, &loc));
  EXPECT_EQ(out["DataSource"], Json::object());
  ASSERT_TRUE(PyValidate(Json::parse(R"({"DataSource": 7})"), PyOf(Function()), &out, &loc));
  EXPECT_EQ(out["DataSource"], "7");
  // A model accepts what dict() accepts: a list of pairs.
  ASSERT_TRUE(PyValidate(Json::parse(R"({"Runtime": [["Name", "JS"], ["Version", "1"]]})"),
                         PyOf(Function()), &out, &loc));
  EXPECT_EQ(out["Runtime"]["Version"], "1");
}

TEST(PyModelTest, ReportsTheFirstErrorPydanticReports) {
  // Fields in declaration order before extra keys; extra keys sorted.
  EXPECT_EQ(FirstError(Json::parse(R"({"Zed": 1, "Alpha": 2, "Kind": "C"})"), PyOf(Function())),
            "Kind");
  EXPECT_EQ(FirstError(Json::parse(R"({"Zed": 1, "Alpha": 2})"), PyOf(Function())), "Alpha");
  // A missing required field and a null one.
  EXPECT_EQ(FirstError(Json::parse(R"({"Runtime": {"Name": "JS"}})"), PyOf(Function())),
            "Runtime.Version");
  EXPECT_EQ(
      FirstError(Json::parse(R"({"Runtime": {"Name": null, "Version": 1}})"), PyOf(Function())),
      "Runtime.Name");
  EXPECT_EQ(FirstError(Json::parse(R"({"Runtime": "JS"})"), PyOf(Function())), "Runtime");
  // List items by index; a string is not a list; bools refuse 2 and dicts.
  EXPECT_EQ(FirstError(Json::parse(R"({"Steps": ["a", null]})"), PyOf(Function())), "Steps.1");
  EXPECT_EQ(FirstError(Json::parse(R"({"Steps": "a"})"), PyOf(Function())), "Steps");
  EXPECT_EQ(FirstError(Json::parse(R"({"Enabled": 2})"), PyOf(Function())), "Enabled");
  EXPECT_EQ(FirstError(Json::parse(R"({"Enabled": {"Ref": "X"}})"), PyOf(Function())), "Enabled");
  // Union: the first member's error surfaces.
  static const PyModel kLogging{{{"Level", PyOptional(PyAny())}}};
  PyType logging = PyUnion({PyOf(kLogging), PyBool()});
  EXPECT_EQ(FirstError(Json::parse(R"({"Fn::If": []})"), logging), "Fn::If");
  EXPECT_EQ(FirstError(Json("maybe"), logging), "");
  EXPECT_EQ(FirstError(Json("no"), logging), "ok");
}

}  // namespace
}  // namespace cfnx::sam

// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// pydantic v1 validation, as far as the reference's schema classes use it
// (samtranslator/internal/schema_source/*.py: BaseModel with `extra = forbid`). Resources whose
// translator calls `validate_properties_and_return_model` (AWS::Serverless::GraphQLApi) report
// the location of pydantic's first error, "Property 'Auth.Additional.0.Type' is invalid.", and
// then work on the validated model: `Model.dict()`, with every declared field in declaration
// order (absent ones null) and values coerced the way pydantic coerces them (`"yes"` to a bool
// field is true, `5` to a str field is "5").
//
// Usage:
//   static const PyModel kRuntime = {{{"Name", PyAny()}, {"Version", PyAny()}}};
//   Json model;
//   std::vector<std::string> loc;
//   if (!PyValidate(value, PyOf(kRuntime), &model, &loc)) ... "Property '" + Join(loc) + ...

#ifndef CFNX_TRANSFORMS_SAM_PY_MODEL_H_
#define CFNX_TRANSFORMS_SAM_PY_MODEL_H_

#include <string>
#include <vector>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

struct PyModel;

// One pydantic type annotation.
struct PyType {
  enum class Kind : uint8_t {
    kAny,      // PassThroughProp (or Any): any value
    kStr,      // str: strings, and numbers/bools as str() prints them
    kBool,     // bool: true/false, 0/1, "yes"/"no"/"on"/"off"/"t"/"f"/... in any case
    kLiteral,  // Literal["A", "B"]
    kModel,    // a BaseModel subclass
    kDict,     // dict[str, args[0]]
    kList,     // list[args[0]]
    kUnion,    // Union[args...]: the first that validates
  };
  Kind kind = Kind::kAny;
  bool nullable = false;  // `X | None` (fields so declared are also not required)
  const PyModel* model = nullptr;
  std::vector<std::string> literals;
  std::vector<PyType> args;
};

struct PyField {
  std::string name;
  PyType type;  // required exactly when !type.nullable, as every field here has no default
};

struct PyModel {
  std::vector<PyField> fields;
};

PyType PyAny();
PyType PyStr();
PyType PyBool();
PyType PyLiteral(std::vector<std::string> values);
PyType PyOf(const PyModel& model);
PyType PyDictOf(PyType value);
PyType PyListOf(PyType item);
PyType PyUnion(std::vector<PyType> members);
PyType PyOptional(PyType type);
// dict[str, Any]: values may be null.
PyType PyDictStrAny();

// Validates `value` as pydantic v1 does. On success *out is the validated value (models as
// Model.dict()); otherwise *error_loc is the location of the first error pydantic reports:
// fields in declaration order, then forbidden extra keys in sorted order.
bool PyValidate(const Json& value, const PyType& type, Json* out,
                std::vector<std::string>* error_loc);

// ".".join(str(x) for x in loc).
std::string PyLocString(const std::vector<std::string>& loc);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_PY_MODEL_H_

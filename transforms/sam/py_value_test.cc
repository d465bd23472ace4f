// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// PyValue must print what the reference's Python prints: the expected strings below come from
// python3 with samtranslator's py27hash_fix types (Py27Dict, Py27UniStr).

#include "transforms/sam/py_value.h"

#include <gtest/gtest.h>

namespace cfnx::sam {
namespace {

TEST(Py27HashTest, MatchesPy27hashStringHash) {
  // ctypes.c_size_t(Hash.hash("get")).value
  EXPECT_EQ(Py27StringHash("get"), 13143490727865502791ULL);
  EXPECT_EQ(Py27StringHash("delete"), 1194174053137696639ULL);
  EXPECT_EQ(Py27StringHash(""), 0ULL);
}

TEST(Py27DictTest, IteratesInPython27Order) {
  // d = Py27Dict(); d[k] = 1 for k in ["get", "post", "delete", "patch", "put"]
  PyValue d = PyValue::Dict(true);
  for (const char* k : {"get", "post", "delete", "patch", "put"})
    d.Set(PyValue::Key{k, true}, PyValue::None());
  std::vector<std::string> keys;
  for (const PyValue::Entry* e : d.Entries())
    keys.push_back(e->first.text);
  EXPECT_EQ(keys, (std::vector<std::string>{"put", "patch", "post", "delete", "get"}));
  // copy.deepcopy re-adds keys in that order, which can change it again.
  PyValue copy = d.DeepCopy();
  keys.clear();
  for (const PyValue::Entry* e : copy.Entries())
    keys.push_back(e->first.text);
  EXPECT_EQ(keys, (std::vector<std::string>{"put", "post", "delete", "get", "patch"}));
  copy = copy.DeepCopy();
  keys.clear();
  for (const PyValue::Entry* e : copy.Entries())
    keys.push_back(e->first.text);
  EXPECT_EQ(keys, (std::vector<std::string>{"put", "patch", "post", "get", "delete"}));
  // A plain dict keeps insertion order.
  PyValue plain = PyValue::Dict(false);
  plain.Set("b", PyValue::Str("x"));
  plain.Set("a", PyValue::Str("y"));
  EXPECT_EQ(plain.Repr(), "{'b': 'x', 'a': 'y'}");
}

TEST(PyReprTest, StringsAsPythonPrintsThem) {
  EXPECT_EQ(PyValue::Str("it's", false).Repr(), "\"it's\"");
  EXPECT_EQ(PyValue::Str("a\"b'c", false).Repr(), "'a\"b\\'c'");
  EXPECT_EQ(PyValue::Str("Caf\xc3\xa9\n", false).Repr(), "'Caf\xc3\xa9\\n'");
  // Py27UniStr: u + repr of the unicode_escape text.
  EXPECT_EQ(PyValue::Str("Caf\xc3\xa9 \xe2\x80\x94 it's", true).Repr(),
            "u\"Caf\\xe9 \\u2014 it's\"");
  EXPECT_EQ(PyValue::Str("C:\\temp\t", true).Repr(), "u'C:\\\\temp\\t'");
  EXPECT_EQ(PyValue::Str("\xf0\x9f\x98\x80", true).Repr(), "u'\\U0001f600'");
}

TEST(PyReprTest, NumbersAndConstants) {
  EXPECT_EQ(PyFloatRepr(1.5), "1.5");
  EXPECT_EQ(PyFloatRepr(2900.0), "2900.0");
  EXPECT_EQ(PyFloatRepr(1e-06), "1e-06");
  EXPECT_EQ(PyFloatRepr(1e16), "1e+16");
  EXPECT_EQ(PyFloatRepr(123456789012345.0), "123456789012345.0");
  EXPECT_EQ(PyFloatRepr(0.0001), "0.0001");
  PyValue list = PyValue::List();
  list.Append(PyValue::Bool(true));
  list.Append(PyValue::Bool(false));
  list.Append(PyValue::None());
  list.Append(PyValue::Number(Json(12345678901234567890ULL)));
  EXPECT_EQ(list.Repr(), "[True, False, None, 12345678901234567890L]");
}

}  // namespace
}  // namespace cfnx::sam

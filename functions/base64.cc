// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Base64:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-base64.html
// Standard base64 (RFC 4648, with padding) of the UTF-8 bytes of a string.

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {
namespace {

std::string Base64Encode(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (static_cast<uint8_t>(in[i]) << 16) | (static_cast<uint8_t>(in[i + 1]) << 8) |
                 static_cast<uint8_t>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < in.size()) {
    uint32_t n = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size())
      n |= static_cast<uint8_t>(in[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

Value EvaluateBase64(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  Value v = ev.Evaluate(call.args(), args_path);
  if (v.has_error())
    return Value::Error();
  if (v.is_unknown() || v.has_unknown())
    return internal::Residual(call, v);
  if (!v.is_scalar()) {
    return ev.Fail(DiagCode::kE1021, call.name_range(), args_path,
                   "Fn::Base64 encodes a string; got " + internal::Describe(v) + ".");
  }
  return Value::String(Base64Encode(v.as_string())).WithSensitive(v.sensitive());
}

}  // namespace cfnx

// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Cidr:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-cidr.html
// [ipBlock, count, cidrBits]: `count` (1..256) consecutive subnets from the start of the block,
// each with `cidrBits` host bits (cidrBits 8 in an IPv4 block gives /24 subnets). IPv6 blocks
// work the same way over 128 bits; addresses print in RFC 5952 form (as Python's ipaddress).

#include <cstdio>
#include <cstdlib>

#include "functions/function_util.h"
#include "functions/functions.h"

#include <arpa/inet.h>

namespace cfnx {
namespace {

// A 128-bit unsigned integer as two halves (no compiler extensions).
struct U128 {
  uint64_t hi = 0;
  uint64_t lo = 0;
};

U128 ShiftLeft(U128 v, int n) {
  if (n <= 0)
    return v;
  if (n >= 128)
    return {};
  if (n >= 64)
    return {v.lo << (n - 64), 0};
  return {(v.hi << n) | (v.lo >> (64 - n)), v.lo << n};
}

U128 Add(U128 a, U128 b) {
  U128 r{a.hi + b.hi, a.lo + b.lo};
  if (r.lo < a.lo)
    ++r.hi;
  return r;
}

// The mask with the top `prefix` of `bits` bits set, in the low `bits` of a U128.
U128 PrefixMask(int prefix, int bits) {
  U128 all = bits == 128 ? U128{~0ull, ~0ull} : U128{0, (1ull << bits) - 1};
  U128 host = prefix >= bits ? U128{} : [&] {
    int h = bits - prefix;
    if (h >= 128)
      return U128{~0ull, ~0ull};
    U128 one_shifted = ShiftLeft(U128{0, 1}, h);
    // one_shifted - 1
    U128 r = one_shifted;
    if (r.lo == 0)
      --r.hi;
    --r.lo;
    return r;
  }();
  return {all.hi & ~host.hi, all.lo & ~host.lo};
}

bool ParseInt(std::string_view s, int max, int* out) {
  if (s.empty() || s.size() > 3)
    return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
    v = v * 10 + (c - '0');
  }
  if (v > max)
    return false;
  *out = v;
  return true;
}

std::string FormatV4(uint32_t a) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%u.%u.%u.%u", (a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255,
                a & 255);
  return buf;
}

// RFC 5952: lowercase hex, the longest run (first on ties) of two or more zero groups is "::".
std::string FormatV6(U128 v) {
  uint16_t groups[8];
  for (int i = 0; i < 4; ++i) {
    groups[i] = static_cast<uint16_t>(v.hi >> (48 - 16 * i));
    groups[4 + i] = static_cast<uint16_t>(v.lo >> (48 - 16 * i));
  }
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0)
      ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  if (best_len < 2)
    best = -1;
  std::string out;
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':')
      out += ':';
    std::snprintf(buf, sizeof(buf), "%x", groups[i]);
    out += buf;
  }
  return out;
}

}  // namespace

bool ComputeCidr(std::string_view ip_block, int count, int cidr_bits, std::vector<std::string>* out,
                 std::string* error) {
  size_t slash = ip_block.find('/');
  if (slash == std::string_view::npos) {
    *error = "'" + std::string(ip_block) + "' is not a CIDR block (address/prefix)";
    return false;
  }
  std::string address(ip_block.substr(0, slash));
  bool v6 = address.find(':') != std::string::npos;
  int bits = v6 ? 128 : 32;
  int prefix = 0;
  if (!ParseInt(ip_block.substr(slash + 1), bits, &prefix)) {
    *error = "'" + std::string(ip_block) + "' has an invalid prefix length";
    return false;
  }
  U128 base;
  if (v6) {
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, address.c_str(), bytes) != 1) {
      *error = "'" + address + "' is not an IPv6 address";
      return false;
    }
    for (int i = 0; i < 8; ++i) {
      base.hi = (base.hi << 8) | bytes[i];
      base.lo = (base.lo << 8) | bytes[8 + i];
    }
  } else {
    uint32_t a = 0;
    size_t start = 0;
    for (int part = 0; part < 4; ++part) {
      size_t dot = address.find('.', start);
      if ((part < 3) != (dot != std::string::npos)) {
        *error = "'" + address + "' is not an IPv4 address";
        return false;
      }
      int octet = 0;
      std::string_view piece = std::string_view(address).substr(start, dot - start);
      if (!ParseInt(piece, 255, &octet) || (piece.size() > 1 && piece[0] == '0')) {
        *error = "'" + address + "' is not an IPv4 address";
        return false;
      }
      a = (a << 8) | static_cast<uint32_t>(octet);
      start = dot + 1;
    }
    base.lo = a;
  }
  if (count < 1 || count > 256) {
    *error = "count must be between 1 and 256; got " + std::to_string(count);
    return false;
  }
  if (cidr_bits < 0 || cidr_bits > bits - prefix) {
    *error = "cidrBits must be between 0 and " + std::to_string(bits - prefix) + " for a /" +
             std::to_string(prefix) + " block; got " + std::to_string(cidr_bits);
    return false;
  }
  int available_bits = bits - prefix - cidr_bits;  // log2 of how many subnets fit
  if (available_bits < 9 && count > (1 << available_bits)) {
    *error = "a /" + std::to_string(prefix) + " block holds only " +
             std::to_string(1 << available_bits) + " subnet(s) with " + std::to_string(cidr_bits) +
             " host bits; " + std::to_string(count) + " requested";
    return false;
  }
  U128 mask = PrefixMask(prefix, bits);
  base = {base.hi & mask.hi, base.lo & mask.lo};
  int new_prefix = bits - cidr_bits;
  out->clear();
  for (int i = 0; i < count; ++i) {
    U128 subnet = Add(base, ShiftLeft(U128{0, static_cast<uint64_t>(i)}, cidr_bits));
    std::string addr = v6 ? FormatV6(subnet) : FormatV4(static_cast<uint32_t>(subnet.lo));
    out->push_back(addr + "/" + std::to_string(new_prefix));
  }
  return true;
}

namespace {

// A whole number from a Number or a String holding one.
bool WholeNumber(const Value& v, int* out) {
  if (!v.is_scalar())
    return false;
  char* end = nullptr;
  const std::string& s = v.as_string();
  long n = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || n < -1000000 || n > 1000000)
    return false;
  *out = static_cast<int>(n);
  return true;
}

}  // namespace

Value EvaluateCidr(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, DiagCode::kE1024, 3, 3, "[ipBlock, count, cidrBits]");
  if (args == nullptr)
    return Value::Error();
  Value v[3];
  for (size_t i = 0; i < 3; ++i) {
    v[i] = ev.Evaluate(args->items()[i], args_path.Child(i));
    if (v[i].has_error())
      return Value::Error();
  }
  static constexpr const char* kNames[] = {"ipBlock", "count", "cidrBits"};
  int numbers[3] = {0, 0, 0};
  for (size_t i = 0; i < 3; ++i) {
    if (v[i].is_unknown())
      continue;
    bool ok = i == 0 ? v[i].is_string() : WholeNumber(v[i], &numbers[i]);
    if (!ok) {
      return ev.Fail(DiagCode::kE1024, args->items()[i]->range(), args_path.Child(i),
                     std::string("The ") + kNames[i] + " of Fn::Cidr must be " +
                         (i == 0 ? "a CIDR string" : "a whole number") + "; got " +
                         internal::Describe(v[i]) + ".");
    }
  }
  if (v[0].is_unknown() || v[1].is_unknown() || v[2].is_unknown())
    return internal::Residual(call, Value::MakeList({v[0], v[1], v[2]}));
  std::vector<std::string> subnets;
  std::string error;
  if (!ComputeCidr(v[0].as_string(), numbers[1], numbers[2], &subnets, &error))
    return ev.Fail(DiagCode::kE1024, call.args()->range(), args_path, "Fn::Cidr: " + error + ".");
  Value::List items;
  for (std::string& s : subnets)
    items.push_back(Value::String(std::move(s)));
  return Value::MakeList(std::move(items));
}

}  // namespace cfnx

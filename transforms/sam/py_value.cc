// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/py_value.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <optional>

namespace cfnx::sam {
namespace {

constexpr uint64_t kMinSize = 8;
constexpr int kPerturbShift = 5;
constexpr uint64_t kLargeDict = 50000;

// Decodes one UTF-8 code point at s[*i] (invalid bytes decode as themselves).
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  auto c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > s.size())
    len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3f);
  *i += len;
  return cp;
}

void AppendHex(std::string& out, const char* fmt, uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, fmt, cp);
  out += buf;
}

// str.isprintable() for a non-ASCII code point: false for the separators, format and
// control characters a Swagger document may plausibly hold.
bool IsPrintable(uint32_t cp) {
  if (cp < 0xa1)
    return cp >= 0x20 && cp < 0x7f;
  if (cp == 0xad || (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
      (cp >= 0x205f && cp <= 0x206f) || cp == 0x1680 || cp == 0x3000 || cp == 0xfeff ||
      (cp >= 0xd800 && cp <= 0xf8ff) || (cp >= 0xfff9 && cp <= 0xfffb) || cp == 0x180e ||
      cp == 0x061c || (cp >= 0x0600 && cp <= 0x0605) || cp == 0x06dd || cp == 0x070f ||
      cp >= 0xe0000 || cp == 0xfffe || cp == 0xffff)
    return false;
  return true;
}

char QuoteFor(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  return (has_single && !has_double) ? '"' : '\'';
}

}  // namespace

uint64_t Py27StringHash(std::string_view utf8) {
  if (utf8.empty())
    return 0;
  size_t i = 0;
  uint64_t first = NextCodePoint(utf8, &i);
  uint64_t x = first << 7;
  uint64_t length = 1;
  x = (1000003 * x) ^ first;
  while (i < utf8.size()) {
    x = (1000003 * x) ^ NextCodePoint(utf8, &i);
    ++length;
  }
  return x ^ length;
}

// ---------------------------------------------------------------------------------------------
// Py27Keys

uint64_t Py27Keys::Index(const std::string& key, uint64_t hash) const {
  uint64_t i = hash & mask_;
  auto at = [&](uint64_t idx) {
    return slots_.find(idx);
  };
  auto it = at(i);
  if (it == slots_.end() || (!it->second.dummy && it->second.key == key))
    return i;
  std::optional<uint64_t> freeslot;
  if (it->second.dummy)
    freeslot = i;
  uint64_t walker = i;
  uint64_t perturb = hash;
  while (true) {
    it = at(i);
    if (it == slots_.end() || (!it->second.dummy && it->second.key == key))
      break;
    walker = (walker << 2) + walker + perturb + 1;
    i = walker & mask_;
    it = at(i);
    if (it == slots_.end())
      return freeslot.has_value() ? *freeslot : i;
    if (!it->second.dummy && it->second.key == key)
      return i;
    if (!freeslot.has_value() && it->second.dummy)
      freeslot = i;
    perturb >>= kPerturbShift;
  }
  return i;
}

void Py27Keys::Resize(uint64_t request) {
  uint64_t newsize = kMinSize;
  while (newsize <= request)
    newsize <<= 1;
  mask_ = newsize - 1;
  std::map<uint64_t, Slot> old = std::move(slots_);
  slots_.clear();
  fill_ = size_ = 0;
  for (auto& [idx, slot] : old) {
    if (!slot.dummy)
      Add(slot.key);
  }
}

void Py27Keys::Remove(const std::string& key) {
  uint64_t i = Index(key, Py27StringHash(key));
  auto it = slots_.find(i);
  if (it != slots_.end() && !it->second.dummy) {
    it->second.dummy = true;
    it->second.key.clear();
    --size_;
  }
}

void Py27Keys::Add(const std::string& key) {
  uint64_t start_size = size_;
  uint64_t i = Index(key, Py27StringHash(key));
  auto it = slots_.find(i);
  if (it == slots_.end()) {
    ++size_;
    ++fill_;
    slots_[i] = Slot{false, key};
  } else {
    if (it->second.dummy)
      ++size_;
    it->second.dummy = false;
    it->second.key = key;
  }
  if (size_ > start_size && fill_ * 3 >= (mask_ + 1) * 2)
    Resize(size_ * (size_ > kLargeDict ? 2 : 4));
}

void Py27Keys::Merge(const std::vector<std::string>& keys) {
  if (keys.empty())
    return;
  if ((fill_ + keys.size()) * 3 >= (mask_ + 1) * 2)
    Resize((size_ + keys.size()) * 2);
  for (const std::string& k : keys)
    Add(k);
}

std::vector<const std::string*> Py27Keys::Order() const {
  std::vector<const std::string*> out;
  out.reserve(size_);
  for (const auto& [idx, slot] : slots_) {
    if (!slot.dummy)
      out.push_back(&slot.key);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PyValue

PyValue PyValue::Bool(bool b) {
  PyValue v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  return v;
}

PyValue PyValue::Str(std::string s, bool py27) {
  PyValue v;
  v.kind_ = Kind::kStr;
  v.str_ = std::move(s);
  v.py27_ = py27;
  return v;
}

PyValue PyValue::Dict(bool py27) {
  PyValue v;
  v.kind_ = Kind::kDict;
  v.py27_ = py27;
  return v;
}

PyValue PyValue::List() {
  PyValue v;
  v.kind_ = Kind::kList;
  return v;
}

PyValue PyValue::Number(const Json& number) {
  PyValue v;
  v.kind_ = number.is_number_float() ? Kind::kFloat : Kind::kInt;
  v.number_ = number;
  return v;
}

PyValue PyValue::FromJson(const Json& json, bool py27) {
  switch (json.type()) {
    case Json::value_t::null:
      return None();
    case Json::value_t::boolean:
      return Bool(json.get<bool>());
    case Json::value_t::string:
      return Str(json.get<std::string>(), py27);
    case Json::value_t::array: {
      PyValue v = List();
      for (const Json& item : json)
        v.Append(FromJson(item, py27));
      return v;
    }
    case Json::value_t::object: {
      PyValue v = Dict(py27);
      for (auto it = json.begin(); it != json.end(); ++it)
        v.Set(Key{it.key(), py27}, FromJson(it.value(), py27));
      return v;
    }
    default:
      return Number(json);
  }
}

bool PyValue::Truthy() const {
  switch (kind_) {
    case Kind::kNone:
      return false;
    case Kind::kBool:
      return bool_;
    case Kind::kInt:
    case Kind::kFloat:
      return number_ != Json(0);
    case Kind::kStr:
      return !str_.empty();
    case Kind::kList:
      return !list_.empty();
    case Kind::kDict:
      return !entries_.empty();
  }
  return false;
}

const PyValue* PyValue::Get(std::string_view key) const {
  if (kind_ != Kind::kDict)
    return nullptr;
  for (const Entry& e : entries_) {
    if (e.first.text == key)
      return &e.second;
  }
  return nullptr;
}

PyValue* PyValue::GetMut(std::string_view key) {
  return const_cast<PyValue*>(static_cast<const PyValue*>(this)->Get(key));
}

PyValue& PyValue::Set(const Key& key, PyValue value) {
  if (PyValue* existing = GetMut(key.text)) {
    *existing = std::move(value);
    if (py27_)
      keys_.Add(key.text);
    return *existing;
  }
  entries_.emplace_back(key, std::move(value));
  if (py27_)
    keys_.Add(key.text);
  return entries_.back().second;
}

PyValue& PyValue::SetDefault(const Key& key, PyValue value) {
  if (PyValue* existing = GetMut(key.text))
    return *existing;
  return Set(key, std::move(value));
}

void PyValue::Erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first.text == key) {
      std::string k = it->first.text;
      entries_.erase(it);
      if (py27_)
        keys_.Remove(k);
      return;
    }
  }
}

void PyValue::Update(const PyValue& other) {
  std::vector<const Entry*> theirs = other.Entries();
  if (py27_) {
    std::vector<std::string> order;
    for (const Entry* e : theirs)
      order.push_back(e->first.text);
    keys_.Merge(order);
  }
  for (const Entry* e : theirs)
    Set(e->first, e->second);
}

std::vector<const PyValue::Entry*> PyValue::Entries() const {
  std::vector<const Entry*> out;
  if (kind_ != Kind::kDict)
    return out;
  if (!py27_) {
    for (const Entry& e : entries_)
      out.push_back(&e);
    return out;
  }
  std::map<std::string_view, const Entry*> by_key;
  for (const Entry& e : entries_)
    by_key[e.first.text] = &e;
  for (const std::string* k : keys_.Order()) {
    auto it = by_key.find(*k);
    if (it != by_key.end())
      out.push_back(it->second);
  }
  return out;
}

std::vector<PyValue::Entry*> PyValue::MutableEntries() {
  std::vector<Entry*> out;
  for (const Entry* e : Entries())
    out.push_back(const_cast<Entry*>(e));
  return out;
}

PyValue PyValue::DeepCopy() const {
  if (kind_ == Kind::kList) {
    PyValue v = List();
    for (const PyValue& item : list_)
      v.Append(item.DeepCopy());
    return v;
  }
  if (kind_ != Kind::kDict)
    return *this;
  PyValue v = Dict(py27_);
  if (!py27_) {
    for (const Entry& e : entries_)
      v.entries_.emplace_back(e.first, e.second.DeepCopy());
    return v;
  }
  // Py27Keys.__deepcopy__ re-adds the keys in their order; the backing dict keeps its own.
  for (const Entry* e : Entries())
    v.keys_.Add(e->first.text);
  for (const Entry& e : entries_)
    v.entries_.emplace_back(e.first, e.second.DeepCopy());
  return v;
}

PyValue PyValue::ShallowCopy() const {
  if (kind_ != Kind::kDict || !py27_)
    return *this;
  PyValue v = Dict(true);
  std::vector<std::string> order;
  for (const Entry* e : Entries())
    order.push_back(e->first.text);
  v.keys_.Merge(order);
  for (const Entry* e : Entries())
    v.Set(e->first, e->second);
  return v;
}

PyValue PyValue::Py27DictFrom(const PyValue& other) {
  PyValue v = Dict(true);
  std::vector<std::string> order;
  for (const Entry* e : other.Entries())
    order.push_back(e->first.text);
  v.keys_.Merge(order);
  for (const Entry* e : other.Entries())
    v.Set(e->first, e->second);
  return v;
}

Json PyValue::ToJson() const {
  switch (kind_) {
    case Kind::kNone:
      return nullptr;
    case Kind::kBool:
      return bool_;
    case Kind::kInt:
    case Kind::kFloat:
      return number_;
    case Kind::kStr:
      return str_;
    case Kind::kList: {
      Json out = Json::array();
      for (const PyValue& item : list_)
        out.push_back(item.ToJson());
      return out;
    }
    case Kind::kDict: {
      Json out = Json::object();
      for (const Entry& e : entries_)
        out[e.first.text] = e.second.ToJson();
      return out;
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// repr

void AppendPy3StrRepr(std::string& out, std::string_view s) {
  char quote = QuoteFor(s);
  out += quote;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = NextCodePoint(s, &i);
    if (cp == '\\') {
      out += "\\\\";
    } else if (cp == static_cast<uint32_t>(quote)) {
      out += '\\';
      out += quote;
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (IsPrintable(cp)) {
      out.append(s.substr(start, i - start));
    } else if (cp < 0x100) {
      AppendHex(out, "\\x%02x", cp);
    } else if (cp < 0x10000) {
      AppendHex(out, "\\u%04x", cp);
    } else {
      AppendHex(out, "\\U%08x", cp);
    }
  }
  out += quote;
}

void AppendPy27UniStrRepr(std::string& out, std::string_view s) {
  // "u" + repr(s.encode("unicode_escape").decode("ascii")).replace("\\\\", "\\")
  std::string escaped;
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = NextCodePoint(s, &i);
    if (cp == '\\') {
      escaped += "\\\\";
    } else if (cp == '\n') {
      escaped += "\\n";
    } else if (cp == '\r') {
      escaped += "\\r";
    } else if (cp == '\t') {
      escaped += "\\t";
    } else if (cp >= 0x20 && cp < 0x7f) {
      escaped += static_cast<char>(cp);
    } else if (cp < 0x100) {
      AppendHex(escaped, "\\x%02x", cp);
    } else if (cp < 0x10000) {
      AppendHex(escaped, "\\u%04x", cp);
    } else {
      AppendHex(escaped, "\\U%08x", cp);
    }
  }
  // repr() of the ASCII text doubles each backslash, which the replace undoes; only the quote
  // escape remains.
  char quote = QuoteFor(escaped);
  out += 'u';
  out += quote;
  for (char c : escaped) {
    if (c == quote)
      out += '\\';
    out += c;
  }
  out += quote;
}

std::string PyFloatRepr(double d) {
  if (d != d)
    return "nan";
  if (d == std::numeric_limits<double>::infinity())
    return "inf";
  if (d == -std::numeric_limits<double>::infinity())
    return "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  // sci: [-]D[.DDD]e[+-]XX
  bool neg = sci[0] == '-';
  if (neg)
    sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant) {
    if (c != '.')
      digits += c;
  }
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    out += digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
    return out;
  }
  if (exp < 0) {
    out += "0." + std::string(-exp - 1, '0') + digits;
  } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
    out += digits + std::string(exp + 1 - digits.size(), '0') + ".0";
  } else {
    out += digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
  }
  return out;
}

void PyValue::AppendRepr(std::string& out) const {
  switch (kind_) {
    case Kind::kNone:
      out += "None";
      return;
    case Kind::kBool:
      out += bool_ ? "True" : "False";
      return;
    case Kind::kInt:
      out += number_.dump();
      // Py27LongInt: a template integer above sys.maxint prints with an L.
      if (number_.is_number_unsigned() &&
          number_.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        out += 'L';
      return;
    case Kind::kFloat:
      out += PyFloatRepr(number_.get<double>());
      return;
    case Kind::kStr:
      if (py27_)
        AppendPy27UniStrRepr(out, str_);
      else
        AppendPy3StrRepr(out, str_);
      return;
    case Kind::kList: {
      out += '[';
      bool first = true;
      for (const PyValue& item : list_) {
        if (!first)
          out += ", ";
        first = false;
        item.AppendRepr(out);
      }
      out += ']';
      return;
    }
    case Kind::kDict: {
      out += '{';
      bool first = true;
      for (const Entry* e : Entries()) {
        if (!first)
          out += ", ";
        first = false;
        if (e->first.py27)
          AppendPy27UniStrRepr(out, e->first.text);
        else
          AppendPy3StrRepr(out, e->first.text);
        out += ": ";
        e->second.AppendRepr(out);
      }
      out += '}';
      return;
    }
  }
}

std::string PyValue::Repr() const {
  std::string out;
  AppendRepr(out);
  return out;
}

std::string PyValue::Str() const {
  if (kind_ == Kind::kStr)
    return str_;
  return Repr();
}

}  // namespace cfnx::sam

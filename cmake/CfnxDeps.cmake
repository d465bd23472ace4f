# Third-party libraries as cfnx's own interface targets, so one switch decides how they link.
#
#   cfnx_dep_yaml    yaml-cpp
#   cfnx_dep_re2     re2
#   cfnx_dep_pcre2   PCRE2 (8-bit): schema patterns RE2 cannot run (lookarounds)
#   cfnx_dep_sqlite  SQLite 3
#   cfnx_dep_zlib    zlib
#
# CFNX_STATIC (default ON): link them from their static archives (Debian's -dev packages ship
# them) and link the `cfnx` executable fully static. A `cfnx` process runs once per template in
# pre-commit hooks and pipelines, so start-up is most of its cost: with shared libraries the
# dynamic loader spends ~3.4M instructions resolving libstdc++/yaml-cpp/re2/sqlite symbols before
# main, more than validating a small template. Mixing a static libstdc++ with shared libraries
# that bring their own is unsafe, so it is all or nothing: every archive must be found, and
# a fully static test link must succeed; otherwise everything links shared (with a status line).
# Sanitizer builds always link shared.

option(CFNX_STATIC "Link third-party libraries statically and the cfnx executable fully static" ON)

find_package(yaml-cpp REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)

set(CFNX_STATIC_LINK OFF)
if(CFNX_STATIC AND NOT CFNX_SANITIZE)
  find_library(CFNX_YAML_ARCHIVE NAMES libyaml-cpp.a)
  find_library(CFNX_RE2_ARCHIVE NAMES libre2.a)
  find_library(CFNX_PCRE2_ARCHIVE NAMES libpcre2-8.a)
  find_library(CFNX_SQLITE_ARCHIVE NAMES libsqlite3.a)
  find_library(CFNX_ZLIB_ARCHIVE NAMES libz.a)
  set(_cfnx_missing "")
  foreach(_archive CFNX_YAML_ARCHIVE CFNX_RE2_ARCHIVE CFNX_PCRE2_ARCHIVE CFNX_SQLITE_ARCHIVE
                   CFNX_ZLIB_ARCHIVE)
    if(NOT ${_archive})
      list(APPEND _cfnx_missing ${_archive})
    endif()
  endforeach()
  if(_cfnx_missing)
    message(STATUS "cfnx: static archives not found (${_cfnx_missing}); linking shared")
  else()
    # -static-pie first: its start files find unwind tables through PT_GNU_EH_FRAME. A plain
    # -static link registers .eh_frame instead, and the first thrown exception then sorts every
    # FDE of the binary (~39M instructions; CLI11 throws for --version and --help).
    include(CheckCXXSourceCompiles)
    set(_cfnx_probe "#include <string>\nint main(int c, char**) { return std::string(c, 'x').size() == 1 ? 0 : 1; }")
    set(CMAKE_REQUIRED_LINK_OPTIONS -static-pie)
    check_cxx_source_compiles("${_cfnx_probe}" CFNX_STATIC_PIE_LINK_WORKS)
    set(CMAKE_REQUIRED_LINK_OPTIONS -static)
    check_cxx_source_compiles("${_cfnx_probe}" CFNX_STATIC_LINK_WORKS)
    unset(CMAKE_REQUIRED_LINK_OPTIONS)
    if(CFNX_STATIC_PIE_LINK_WORKS)
      set(CFNX_STATIC_LINK ON)
      set(CFNX_STATIC_LINK_OPTIONS -static-pie)
    elseif(CFNX_STATIC_LINK_WORKS)
      set(CFNX_STATIC_LINK ON)
      set(CFNX_STATIC_LINK_OPTIONS -static -Wl,--eh-frame-hdr)
    else()
      message(STATUS "cfnx: a fully static link does not work here (libc.a?); linking shared")
    endif()
  endif()
endif()
message(STATUS "cfnx: static link of the cfnx executable: ${CFNX_STATIC_LINK} ${CFNX_STATIC_LINK_OPTIONS}")

function(_cfnx_dep name shared_target)
  add_library(${name} INTERFACE)
  get_target_property(_includes ${shared_target} INTERFACE_INCLUDE_DIRECTORIES)
  if(_includes)
    target_include_directories(${name} SYSTEM INTERFACE ${_includes})
  endif()
  if(NOT CFNX_STATIC_LINK)
    target_link_libraries(${name} INTERFACE ${shared_target})
  endif()
endfunction()

_cfnx_dep(cfnx_dep_yaml yaml-cpp)
_cfnx_dep(cfnx_dep_re2 PkgConfig::RE2)
_cfnx_dep(cfnx_dep_pcre2 PkgConfig::PCRE2)
target_compile_definitions(cfnx_dep_pcre2 INTERFACE PCRE2_CODE_UNIT_WIDTH=8)
_cfnx_dep(cfnx_dep_sqlite SQLite::SQLite3)
_cfnx_dep(cfnx_dep_zlib ZLIB::ZLIB)
if(CFNX_STATIC_LINK)
  target_link_libraries(cfnx_dep_yaml INTERFACE ${CFNX_YAML_ARCHIVE})
  # A target with the property CFNX_RE2_SHARED links RE2 shared itself instead (the Python
  # module: engine/python/CMakeLists.txt says why).
  target_link_libraries(cfnx_dep_re2 INTERFACE
    "$<$<NOT:$<BOOL:$<TARGET_PROPERTY:CFNX_RE2_SHARED>>>:${CFNX_RE2_ARCHIVE}>" Threads::Threads)
  target_link_libraries(cfnx_dep_pcre2 INTERFACE ${CFNX_PCRE2_ARCHIVE})
  target_compile_definitions(cfnx_dep_pcre2 INTERFACE PCRE2_STATIC)
  target_link_libraries(cfnx_dep_sqlite INTERFACE ${CFNX_SQLITE_ARCHIVE} Threads::Threads
    ${CMAKE_DL_LIBS} m)
  target_link_libraries(cfnx_dep_zlib INTERFACE ${CFNX_ZLIB_ARCHIVE})
endif()
get_target_property(_re2_options PkgConfig::RE2 INTERFACE_COMPILE_OPTIONS)
if(_re2_options)
  target_compile_options(cfnx_dep_re2 INTERFACE ${_re2_options})
endif()

# cfnx_link_static_executable(TARGET): link TARGET fully static when CFNX_STATIC_LINK is on.
function(cfnx_link_static_executable target)
  if(CFNX_STATIC_LINK)
    target_link_options(${target} PRIVATE ${CFNX_STATIC_LINK_OPTIONS})
  endif()
endfunction()

# The AWS backend (engine/backend/aws/): libcurl for HTTPS, OpenSSL's libcrypto for SigV4
# (SHA-256, HMAC) and pugixml for the XML answers. Debian's libcurl.a needs static archives of
# nghttp2, librtmp, libssh2, libpsl, GSSAPI/Kerberos and OpenLDAP that Debian does not ship, so a
# static libcurl is impractical: these link shared. With CFNX_STATIC_LINK the `cfnx` executable
# stays fully static without them, and a second executable `cfnx-aws` beside it, linked
# dynamically, carries the AWS backend; `cfnx ... --backend aws` (or CFNX_BACKEND=aws) executes
# it with the same arguments (engine/cli/main.cc). Without CFNX_STATIC_LINK, `cfnx` has both.
option(CFNX_AWS "Build the AWS backend (libcurl, OpenSSL, pugixml)" ON)
if(CFNX_AWS)
  find_package(CURL REQUIRED)
  find_package(OpenSSL REQUIRED COMPONENTS Crypto)
  find_package(pugixml REQUIRED)
endif()

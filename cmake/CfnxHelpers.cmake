# cfnx_add_library(NAME SRCS a.cc b.cc DEPS x y)  -- a static library with the house flags.
# cfnx_add_test(NAME SRCS a_test.cc DEPS x y)      -- a GoogleTest binary registered with ctest.
include(CMakeParseArguments)

function(cfnx_set_flags target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CFNX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CFNX_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${CFNX_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${CFNX_SANITIZE})
  endif()
  if(CFNX_FUZZ)
    # Coverage feedback for libFuzzer in every cfnx object; tests/fuzz/ links the driver.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# The include paths of a cfnx library: the source tree while building, the installed include
# directory (cfnx/*.h) for users of an installed cfnx (cmake/CfnxInstall.cmake).
function(cfnx_public_includes target)
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}> $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/engine/include>
    $<INSTALL_INTERFACE:include>)
endfunction()

function(cfnx_add_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SRCS})
  cfnx_public_includes(${name})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  cfnx_set_flags(${name})
endfunction()

function(cfnx_add_test name)
  if(NOT CFNX_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SRCS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} cfnx_test_paths GTest::gmock
                        GTest::gtest_main)
  cfnx_set_flags(${name})
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60)
endfunction()

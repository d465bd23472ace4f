# `cmake --install build --prefix PREFIX` installs
#   bin/cfnx (and bin/cfnx-aws)            the executable(s)
#   share/man/man1/cfnx.1                  the manual page (`cfnx man`)
#   share/{bash-completion/completions/cfnx,zsh/site-functions/_cfnx}   `cfnx completion bash|zsh`
#   include/cfnx/*.h                       the public headers (engine/include/cfnx)
#   lib/libcfnx*.a                         the library and the static libraries it is made of
#   lib/cmake/cfnx/cfnxConfig.cmake        find_package(cfnx) -> target cfnx::cfnx
#   lib/pkgconfig/cfnx.pc                  pkg-config --cflags --libs cfnx
# and `cpack` (run in the build directory) makes cfnx-VERSION-Linux.tar.gz and a .deb of the
# executables.
# examples/embed/ is a separate project that builds against an installed cfnx
# (tests/cli/install_test.sh).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CFNX_INSTALL_LIBRARIES cfnx cfnx_core cfnx_functions cfnx_transforms cfnx_deploy
    cfnx_resources cfnx_schemas cfnx_sam_data cfnx_dep_yaml cfnx_dep_re2 cfnx_dep_pcre2
    cfnx_dep_sqlite cfnx_dep_zlib)
set(CFNX_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cfnx)

install(TARGETS cfnx_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
if(TARGET cfnx_aws_cli)
  install(TARGETS cfnx_aws_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
endif()
install(FILES ${PROJECT_BINARY_DIR}/cfnx.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
install(FILES ${PROJECT_BINARY_DIR}/completions/cfnx
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT cli)
install(FILES ${PROJECT_BINARY_DIR}/completions/_cfnx
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions COMPONENT cli)
install(TARGETS ${CFNX_INSTALL_LIBRARIES} EXPORT cfnxTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(DIRECTORY engine/include/cfnx DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(EXPORT cfnxTargets NAMESPACE cfnx:: DESTINATION ${CFNX_CMAKE_DIR} COMPONENT dev)

# How the third-party libraries were linked decides what a user's build must find again.
set(CFNX_CONFIG_STATIC_LINK ${CFNX_STATIC_LINK})
configure_package_config_file(cmake/cfnxConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cfnxConfig.cmake INSTALL_DESTINATION ${CFNX_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cfnxConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cfnxConfig.cmake ${PROJECT_BINARY_DIR}/cfnxConfigVersion.cmake
        DESTINATION ${CFNX_CMAKE_DIR} COMPONENT dev)

# pkg-config: the archives in link order (each before what it uses), then the third parties.
set(CFNX_PC_LIBS "")
foreach(_lib cfnx cfnx_transforms cfnx_deploy cfnx_resources cfnx_functions cfnx_core
             cfnx_schemas cfnx_sam_data)
  string(APPEND CFNX_PC_LIBS " -l${_lib}")
endforeach()
configure_file(cmake/cfnx.pc.in ${PROJECT_BINARY_DIR}/cfnx.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cfnx.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT dev)

set(CPACK_PACKAGE_NAME cfnx)
set(CPACK_PACKAGE_VENDOR "The cfnx Authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Compiler, validator and deploy planner for AWS CloudFormation and SAM templates")
set(CPACK_PACKAGE_CONTACT "The cfnx Authors")
set(CPACK_GENERATOR TGZ DEB)
# The packages carry the executables (component cli); the library is for `cmake --install`.
set(CPACK_COMPONENTS_ALL cli)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The static cfnx needs nothing; cfnx-aws (the AWS backend) links these shared.
if(TARGET cfnx_aws_cli OR CFNX_AWS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4, libssl3, libpugixml1v5")
endif()
set(CPACK_STRIP_FILES ON)
include(CPack)

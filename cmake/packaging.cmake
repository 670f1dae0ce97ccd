# The Debian package: `cmake --build build --target package` writes
# casfolio_<version>_<arch>.deb into the build folder (tests/package checks it).
# It installs /usr/bin/casfolio and the data the binary also has built in
# (templates/, themes/, i18n/) under /usr/share/casfolio, where the binary
# looks for it at run time: share/casfolio beside its own bin/ folder
# (util/embedded.h; docs/decisions.md, "Where the data comes from").

install(TARGETS casfolio RUNTIME DESTINATION bin)

# The same files cmake/embed.cmake compiles in: hidden names and editor
# backups left out.
foreach(data_dir templates themes i18n)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${data_dir} DESTINATION share/casfolio
          PATTERN ".*" EXCLUDE
          PATTERN "*~" EXCLUDE)
endforeach()
# The binary reads the installed data only when this matches its own version.
file(WRITE ${PROJECT_BINARY_DIR}/data-version.new "${PROJECT_VERSION}\n")
file(COPY_FILE ${PROJECT_BINARY_DIR}/data-version.new ${PROJECT_BINARY_DIR}/data-version ONLY_IF_DIFFERENT)
install(FILES ${PROJECT_BINARY_DIR}/data-version DESTINATION share/casfolio RENAME VERSION)

install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
              ${PROJECT_SOURCE_DIR}/cmake/debian/copyright
        DESTINATION share/doc/casfolio)

set(CASFOLIO_DEB_MAINTAINER "casfolio developers <casfolio@example.org>"
    CACHE STRING "The Maintainer field of the Debian package (Name <email>)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME casfolio)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the debug information is for the build folder, not for users
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static-site generator and checker for IB CAS portfolios")
set(CPACK_PACKAGE_DESCRIPTION
  "casfolio turns IB CAS portfolios (Markdown and YAML folders that students
keep in Git, in Kazakh, Russian or English) into a checked, browsable static
site for a whole cohort, per-student indicators and checksummed submission
bundles. `casfolio check` reports what is missing like a compiler does.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # casfolio_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CASFOLIO_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The runtime libraries (libcmark-gfm, libyaml-cpp, libzip, libvips, libssl,
# ...) as dpkg-shlibdeps (dpkg-dev) reads them off the binary, so the
# Depends field cannot fall behind the link line.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_SOURCE_GENERATOR "")
include(CPack)

# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# What lintian found missing from the .deb, checked on the install tree and the CPack config:
#   cmake -DBUILD=<build dir> -P CheckPackage.cmake
set(root "${BUILD}/package-check")
file(REMOVE_RECURSE "${root}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${root} ${CMAKE_COMMAND} --install "${BUILD}" --prefix /usr
                RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
    message(FATAL_ERROR "cmake --install failed")
endif()
foreach(file usr/share/doc/countersign/copyright usr/share/doc/countersign/changelog.gz
             usr/share/man/man1/countersign.1.gz usr/share/man/man1/countersign-cli.1.gz
             usr/bin/countersign usr/bin/countersign-cli)
    if(NOT EXISTS "${root}/${file}")
        message(FATAL_ERROR "the package lacks ${file}")
    endif()
endforeach()
file(READ "${root}/usr/share/doc/countersign/copyright" copyright)
if(NOT copyright MATCHES "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
    message(FATAL_ERROR "the copyright file is not machine-readable (DEP-5)")
endif()
include("${BUILD}/CPackConfig.cmake")
if(CPACK_PACKAGE_DESCRIPTION MATCHES "\n;")
    message(FATAL_ERROR "the description would have lines starting with ';'")
endif()
string(REPLACE ";" "," flat "${CPACK_PACKAGE_DESCRIPTION}") # a list splits on ";": keep the text's own
string(REPLACE "\n" ";" lines "${flat}")
foreach(line IN LISTS lines)
    string(LENGTH "${line}" length)
    if(length GREATER 80)
        message(FATAL_ERROR "a description line is ${length} characters (at most 80): ${line}")
    endif()
endforeach()
file(REMOVE_RECURSE "${root}")
message(STATUS "package contents: ok")

# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Debian package: (cd build && cpack -G DEB)  ->  build/countersign_<version>_amd64.deb
include(GNUInstallDirs)

install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/org.countersign.Countersign.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/org.countersign.Countersign.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/countersign.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")

# What lintian asks of every package: a machine-readable copyright, a changelog and a manual page
# for each program (generated from its own --help, so the two never disagree).
set(cs_doc_dir "${CMAKE_INSTALL_DATADIR}/doc/countersign")
install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/copyright" DESTINATION "${cs_doc_dir}")
set(cs_changelog "${CMAKE_BINARY_DIR}/packaging/changelog.gz")
add_custom_command(OUTPUT "${cs_changelog}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/packaging"
    COMMAND gzip -9n -c "${CMAKE_CURRENT_LIST_DIR}/linux/changelog" > "${cs_changelog}"
    DEPENDS "${CMAKE_CURRENT_LIST_DIR}/linux/changelog" VERBATIM)
set(cs_man_pages "${cs_changelog}")
set(cs_summary_countersign "the operator console for AI agents that move money")
set(cs_summary_countersign-cli "the Countersign engine on the command line")
foreach(program countersign countersign-cli)
    set(page "${CMAKE_BINARY_DIR}/packaging/${program}.1.gz")
    add_custom_command(OUTPUT "${page}"
        COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${program}> -DNAME=${program}
                "-DSUMMARY=${cs_summary_${program}}" -DVERSION=${PROJECT_VERSION} -DOUT=${page}
                -P "${CMAKE_CURRENT_LIST_DIR}/ManPage.cmake"
        DEPENDS ${program} "${CMAKE_CURRENT_LIST_DIR}/ManPage.cmake" VERBATIM)
    list(APPEND cs_man_pages "${page}")
    install(FILES "${page}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endforeach()
add_custom_target(package_docs ALL DEPENDS ${cs_man_pages})
install(FILES "${cs_changelog}" DESTINATION "${cs_doc_dir}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME countersign)
set(CPACK_PACKAGE_VENDOR "Countersign developers")
set(CPACK_PACKAGE_CONTACT "Countersign developers <maintainers@countersign.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Operator console for AI agents that move money")
# One string (a CMake list would be joined with ";"), lines of at most 80 characters.
set(CPACK_PACKAGE_DESCRIPTION "Agents propose; Countersign parses every proposal strictly, simulates it,
checks it against a signed policy, routes risky ones to human approvers and
records every step in a tamper-evident audit log. Includes the console
(countersign) and the headless engine command line (countersign-cli).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # needs dpkg-dev and file
# dlopen()ed at run time, so dpkg-shlibdeps cannot see them: the SVG icon engine and a font.
# (The xcb and offscreen platform plugins ship in libqt6gui6, which shlibdeps finds.)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, qt6-translations-l10n, fonts-wqy-microhei") # CJK glyphs for --lang zh_CN
include(CPack)

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

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME countersign)
set(CPACK_PACKAGE_VENDOR "Countersign developers")
set(CPACK_PACKAGE_CONTACT "Countersign developers <maintainers@countersign.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Operator console for AI agents that move money")
set(CPACK_PACKAGE_DESCRIPTION
    "Agents propose; Countersign parses every proposal strictly, simulates it, checks it against a\n"
    "signed policy, routes risky ones to human approvers and records every step in a\n"
    "tamper-evident audit log. Includes the console (countersign) and the headless engine\n"
    "command line (countersign-cli).")
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

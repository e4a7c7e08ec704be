# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when anything under core/ includes a Qt Gui/Widgets header or a ui/ or app/ header:
# the engine must build and run headless (countersign-cli), and the layers point app -> ui -> core.
# Usage: cmake -DROOT=<source dir> -P CheckCoreIncludes.cmake   (or -DSCAN=<dir> to check another tree)
if(NOT DEFINED SCAN)
    set(SCAN "${ROOT}/core")
endif()
file(GLOB_RECURSE files "${SCAN}/*.h" "${SCAN}/*.cpp" "${SCAN}/*.hpp" "${SCAN}/*.cc")
set(forbidden_modules "QtGui|QtWidgets|QtPrintSupport|QtSvg|QtSvgWidgets|QtOpenGL|QtOpenGLWidgets|QtQuick|QtQml")
# Headers of Qt Gui/Widgets that are commonly included by class name.
set(forbidden_classes "QWidget|QApplication|QGuiApplication|QMainWindow|QDialog|QPixmap|QImage|QIcon|QColor|QFont|QPainter|QPalette|QAction|QKeySequence|QStandardItemModel|QTableView|QLabel|QMessageBox|QCustomPlot|qcustomplot")
set(violations "")
foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
        if(line MATCHES "[<\"](${forbidden_modules})/"
           OR line MATCHES "[<\"](${forbidden_classes})(\\.h)?[>\"]"
           OR line MATCHES "[<\"](ui|app)/")
            string(APPEND violations "\n  ${file}: ${line}")
        endif()
    endforeach()
endforeach()
list(LENGTH files count)
if(violations)
    message(FATAL_ERROR "core/ must not include Qt Gui/Widgets, ui/ or app/ headers:${violations}")
endif()
message(STATUS "checked ${count} files under ${SCAN}: no Gui/Widgets/ui/app includes")

# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# CheckLayers.cmake must fail on the fixture under violation/ and name every one of its violations.
# Usage: cmake -DCHECK=<CheckLayers.cmake> -DFIXTURE=<violation dir> -P LayeringSelfTest.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${FIXTURE} -P ${CHECK}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(result EQUAL 0)
    message(FATAL_ERROR "the layering check passed a tree that breaks every rule:\n${out}${err}")
endif()
foreach(expected
        "core/policy/Violation.cpp: core/policy may not include core/engine"
        "core/policy/Violation.cpp: core may not use Qt Gui or Widgets"
        "core/policy/Violation.cpp: SQL outside core/store"
        "ui/common/Violation.h: ui may not include core/policy"
        "app/Violation.cpp: app may not include core/store")
    string(FIND "${err}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the layering check did not report \"${expected}\":\n${err}")
    endif()
endforeach()
message(STATUS "the layering check fails on its fixture and names all five violations")

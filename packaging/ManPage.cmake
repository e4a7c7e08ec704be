# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# A manual page from a program's own --help, gzipped for the Debian package:
#   cmake -DPROGRAM=… -DNAME=… -DSUMMARY=… -DVERSION=… -DOUT=….1.gz -P ManPage.cmake
# The help text is the reference; the page carries it verbatim, so the two never disagree.
set(ENV{QT_QPA_PLATFORM} offscreen) # the console's --help needs no display
execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --help failed: ${status}")
endif()
string(REPLACE "${PROGRAM}" "${NAME}" help "${help}") # the usage line names the build tree
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "\n${help}")
string(TOUPPER "${NAME}" upper)
string(TIMESTAMP today "%Y-%m-%d" UTC)
file(WRITE "${OUT}.tmp"
".TH ${upper} 1 \"${today}\" \"${NAME} ${VERSION}\" \"User Commands\"
.SH NAME
${NAME} \\- ${SUMMARY}
.SH DESCRIPTION
.nf
${help}
.fi
.SH SEE ALSO
The README of the project, and countersign(1), countersign-cli(1).
")
file(REMOVE "${OUT}")
execute_process(COMMAND gzip -9n -c "${OUT}.tmp" OUTPUT_FILE "${OUT}" RESULT_VARIABLE zipped)
file(REMOVE "${OUT}.tmp")
if(NOT zipped EQUAL 0)
    message(FATAL_ERROR "gzip failed")
endif()

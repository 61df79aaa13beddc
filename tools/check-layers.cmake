# The layers, checked on every build (cmake -P, see the top CMakeLists.txt): a file of a layer
# that includes a header of a layer above it fails the build, naming the file, the include and the rule.
# One source root is on every target's include path, so the compiler alone cannot refuse
# db/ -> app/lifecycle; a storage test that links only branchdb catches calls, this catches includes.
#
#   cmake -DSOURCE_DIR=<root> -DSTAMP=<file> -P tools/check-layers.cmake
#
# Each rule: the folder of the files read, then (comma-separated) the folders they may not include.
set(rules
  "app/core:db,app/lifecycle,app/sync,app/cli,ui"
  "app/security:db,app/lifecycle,app/sync,app/cli,ui"
  "db:app/lifecycle,app/sync,app/cli,ui"
  "app/lifecycle:app/cli,ui"
  "app/sync:app/cli,ui"
  # The desk asks services; the types it shows come through their headers (issue 12 item 6).
  "ui:db,app/cli")

if(NOT SOURCE_DIR OR NOT STAMP)
  message(FATAL_ERROR "check-layers.cmake: give -DSOURCE_DIR=<source root> and -DSTAMP=<stamp file>")
endif()

set(violations "")
foreach(rule IN LISTS rules)
  string(FIND "${rule}" ":" colon)
  string(SUBSTRING "${rule}" 0 ${colon} layer)
  math(EXPR rest "${colon} + 1")
  string(SUBSTRING "${rule}" ${rest} -1 forbidden)
  string(REPLACE "," ";" forbidden "${forbidden}")
  file(GLOB_RECURSE files "${SOURCE_DIR}/${layer}/*.h" "${SOURCE_DIR}/${layer}/*.cpp")
  foreach(file IN LISTS files)
    get_filename_component(dir "${file}" DIRECTORY)
    file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]*)[\">].*$" "\\1" included "${line}")
      # "../lifecycle/X.h" or "Sibling.h" resolve against the including file's folder first,
      # as the compiler does for quoted includes; everything else against the source root.
      get_filename_component(beside "${included}" ABSOLUTE BASE_DIR "${dir}")
      if(EXISTS "${beside}")
        file(RELATIVE_PATH included "${SOURCE_DIR}" "${beside}")
      endif()
      foreach(above IN LISTS forbidden)
        string(FIND "${included}" "${above}/" at)
        if(at EQUAL 0)
          string(APPEND violations "\n  ${shown}: #include \"${included}\": ${layer}/ may not include ${above}/")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "a layer includes a layer above it:${violations}")
endif()
file(TOUCH "${STAMP}")

# Every translatable string of the sources has its Persian: lupdate is run over today's
# sources into a copy of branchdesk_fa.ts, and the copy must have no unfinished message.
# (TestTranslations checks the .ts file as committed; this catches a tr() string that was
# never added to it, which the program would show in English.)
# cmake -DLUPDATE=... -DPROJECT_IN=<the build's lupdate project .cmake> -DGENERATOR=<Qt's
#       GenerateLUpdateProject.cmake> -DSOURCE_DIR=... -DWORK=... -P TranslationsCover.cmake
file(MAKE_DIRECTORY ${WORK})
# The project is the one the build's update_translations uses (same sources, same include
# paths, so the same contexts), made here as that target makes it.
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK}/project.json -P ${GENERATOR}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the lupdate project could not be made (${rc}): ${err}")
endif()
file(COPY_FILE ${SOURCE_DIR}/translations/branchdesk_fa.ts ${WORK}/branchdesk_fa.ts)
execute_process(COMMAND ${LUPDATE} -project ${WORK}/project.json -no-obsolete -locations none -ts ${WORK}/branchdesk_fa.ts
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}): ${err}")
endif()
file(READ ${WORK}/branchdesk_fa.ts ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\">" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
  string(REPLACE "<translation type=\"unfinished\">" "" missing "${missing}")
  string(REPLACE ";" "\n" missing "${missing}")
  message(FATAL_ERROR "${count} translatable string(s) have no Persian in translations/branchdesk_fa.ts "
                      "(run update_translations, then tools/merge_translations.py):\n${missing}")
endif()
message(STATUS "every translatable string has its Persian (${out})")

# Builds quizzes/quizpack-1.xsd into prebunk_quiz (see schema.h): generated
# at build time by schema_embed.cmake, so the installed binary carries it.
set(_xsd "${PROJECT_SOURCE_DIR}/quizzes/quizpack-1.xsd")
set(_xsd_c "${CMAKE_CURRENT_BINARY_DIR}/schema_quizpack1.c")
add_custom_command(
  OUTPUT "${_xsd_c}"
  COMMAND ${CMAKE_COMMAND} -DIN=${_xsd} -DOUT=${_xsd_c} -P "${CMAKE_CURRENT_SOURCE_DIR}/schema_embed.cmake"
  DEPENDS "${_xsd}" "${CMAKE_CURRENT_SOURCE_DIR}/schema_embed.cmake"
  COMMENT "Embedding quizpack-1.xsd"
  VERBATIM)
target_sources(prebunk_quiz PRIVATE "${_xsd_c}")

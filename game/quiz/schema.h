#pragma once
// quizzes/quizpack-1.xsd, built into the binary at build time (see
// schema.cmake) so `prebunk validate` needs no data folder and never reads a
// schema from disk or the network.

#include <stddef.h>

extern const unsigned char schema_quizpack1_xsd[];
extern const size_t schema_quizpack1_xsd_len;

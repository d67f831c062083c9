// Fixture for layer_check_test: text reaching up into pipeline (the cycle
// clean.cc once had) and into story's internals. Never compiled.
#include "twicetold/clean.h"

#include "story/story_features.h"
#include "twicetold/corpus_boilerplate.h"
#include "text/terms.h"

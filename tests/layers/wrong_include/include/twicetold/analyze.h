// Fixture for layer_check_test: a text public header including compare's.
// Never compiled.
#include "twicetold/compare.h"


// Generated from PS.g4 by ANTLR 4.13.2


#include "PSVisitor.h"



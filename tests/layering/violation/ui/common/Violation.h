// Fixture for LayeringSelfTest: the ui reaches the engine only through core/api.
#pragma once
#include "core/policy/Policy.h"

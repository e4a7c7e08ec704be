// Fixture for LayeringSelfTest: the app reaches the engine only through core/api.
#include "core/store/Principals.h"

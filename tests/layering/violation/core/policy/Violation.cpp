// Fixture for LayeringSelfTest: each line below breaks one rule of CheckLayers.cmake.
#include "core/engine/LocalEngine.h"
#include <QtWidgets/QWidget>
const char* query = "SELECT id FROM principals";

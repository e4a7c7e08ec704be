// Fixture for LayeringSelfTest: the check must reject this file.
#pragma once
#include <QtWidgets/QWidget>
#include "ui/mainwindow/MainWindow.h"

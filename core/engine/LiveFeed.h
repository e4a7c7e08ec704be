// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/LocalEngine.h"
#include "core/engine/Pipeline.h"
#include "core/model/ModelBackend.h"

#include <memory>
#include <vector>

namespace cs::engine {

//! The console's live feed (runNextIntent): the workspace's intents and the pipeline that runs
//! them one by one with the rules backend, made on first use.
struct LocalEngine::Feed
{
    std::vector<model::Intent> intents;
    std::size_t next = 0;
    std::unique_ptr<model::RulesBackend> backend;
    std::unique_ptr<Pipeline> pipeline;
};

} // namespace cs::engine

// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/api/Engine.h"

#include "core/engine/LocalEngine.h"

namespace cs::api {

namespace {

class LocalEngineFactory final : public EngineFactory
{
public:
    explicit LocalEngineFactory(std::shared_ptr<const Clock> clock) : m_clock(std::move(clock)) {}

    Result<std::unique_ptr<Engine>> openWorkspace(const std::string& path) override
    {
        CS_TRY(engine, engine::LocalEngine::open(path, m_clock));
        return std::unique_ptr<Engine>(std::move(*engine));
    }

    Result<void> createWorkspace(const std::string& path, bool demo, bool force,
                                 std::string_view enginePassphrase) override
    {
        CS_TRY(settings, workspace::initWorkspace(path, {demo, force, std::string(enginePassphrase)}, *m_clock));
        return {};
    }

private:
    std::shared_ptr<const Clock> m_clock;
};

} // namespace

std::unique_ptr<EngineFactory> makeEngineFactory(std::shared_ptr<const Clock> clock)
{
    return std::make_unique<LocalEngineFactory>(std::move(clock));
}

} // namespace cs::api

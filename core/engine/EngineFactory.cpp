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

    Result<void> createWorkspace(const std::string& path, const NewWorkspace& options) override
    {
        workspace::InitOptions init{options.demo,
                                    options.force,
                                    std::string(options.enginePassphrase),
                                    options.riskManager,
                                    options.riskManagerName,
                                    std::string(options.riskManagerPassphrase),
                                    identity::kSealCost};
        auto settings = workspace::initWorkspace(path, init, *m_clock);
        std::fill(init.enginePassphrase.begin(), init.enginePassphrase.end(), '\0');
        std::fill(init.riskManagerPassphrase.begin(), init.riskManagerPassphrase.end(), '\0');
        if (!settings)
            return Unexpected{settings.error()};
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

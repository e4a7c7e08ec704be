// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Handler.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace cs::engine {

/**
 * Subscribers of one engine event. notify() holds the lock while calling, so once a Handler's
 * disconnect() has returned its callback is not running and never runs again. Callbacks must
 * not subscribe or disconnect from inside themselves.
 */
template <class... Args>
class CallbackList
{
public:
    using Fn = std::function<void(const Args&...)>;

    std::unique_ptr<api::Handler> add(Fn fn)
    {
        std::lock_guard lock(m_state->mutex);
        const int id = ++m_state->nextId;
        m_state->callbacks.emplace(id, std::move(fn));
        return std::make_unique<Registration>(m_state, id);
    }

    void notify(const Args&... args)
    {
        std::lock_guard lock(m_state->mutex);
        for (auto& [id, fn] : m_state->callbacks)
            fn(args...);
    }

private:
    struct State
    {
        std::mutex mutex;
        int nextId = 0;
        std::map<int, Fn> callbacks;
    };

    class Registration final : public api::Handler
    {
    public:
        Registration(std::shared_ptr<State> state, int id) : m_state(std::move(state)), m_id(id) {}
        ~Registration() override { disconnect(); }
        void disconnect() override
        {
            if (auto state = m_state.lock()) {
                std::lock_guard lock(state->mutex);
                state->callbacks.erase(m_id);
            }
        }

    private:
        std::weak_ptr<State> m_state;
        int m_id;
    };

    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace cs::engine

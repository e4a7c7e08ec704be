// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace cs {

//! Wrapper that marks a value as the error alternative, like std::unexpected.
struct Unexpected
{
    Error error;
};

inline Unexpected fail(ErrorCode code, std::string message)
{
    return Unexpected{Error{code, std::move(message)}};
}

//! Value or Error, with the subset of the std::expected API we use (g++ 12 has no <expected>),
//! so the later switch to std::expected<T, Error> is mechanical.
template <class T>
class [[nodiscard]] Result
{
public:
    Result(const T& value) : m_state(value) {}
    Result(T&& value) : m_state(std::move(value)) {}
    Result(Unexpected failure) : m_state(std::move(failure.error)) {}

    bool has_value() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return has_value(); }

    T& value() &
    {
        assert(has_value());
        return std::get<T>(m_state);
    }
    const T& value() const&
    {
        assert(has_value());
        return std::get<T>(m_state);
    }
    T&& value() &&
    {
        assert(has_value());
        return std::get<T>(std::move(m_state));
    }
    const Error& error() const
    {
        assert(!has_value());
        return std::get<Error>(m_state);
    }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Unexpected failure) : m_error(std::move(failure.error)), m_failed(true) {}

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    const Error& error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace cs

//! Declares `var` = expr and returns its error from the enclosing function when it has one.
#define CS_TRY(var, expr)                                                                                    \
    auto var = (expr);                                                                                       \
    if (!var)                                                                                                \
    return ::cs::Unexpected { var.error() }

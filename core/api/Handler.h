// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cs::api {

//! A registration of a callback with the engine. After disconnect() returns (or the handler is
//! destroyed) the callback is never invoked again.
class Handler
{
public:
    virtual ~Handler() = default;
    virtual void disconnect() = 0;
};

} // namespace cs::api

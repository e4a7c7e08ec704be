// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <QJsonObject>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cs::model {

//! One task for an agent, as an intents.jsonl line gives it.
struct Intent
{
    std::string id;
    std::string agent;
    std::int64_t offsetSeconds = 0;
    std::string task;
    QJsonObject fields;  //!< "action": the task's structured fields, when it has them
    QJsonObject context; //!< what the agent may see
    QJsonObject secret;  //!< "private": never reaches a prompt
    std::string modelOutput; //!< demo only: a file under model-outputs/ the rules backend emits instead
};

//! intents.jsonl: one JSON object per line; errors name the line and the field.
Result<std::vector<Intent>> parseIntents(std::string_view jsonl);

/**
 * Exactly what a model is asked. The system prompt carries the agent contract (propose,
 * never act; the fields the output must have); the user message is canonical JSON of the
 * intent with its private fields redacted — no private value exists anywhere in it. It is
 * what the audit log records and what replay is keyed by.
 */
struct ModelRequest
{
    std::string intent;
    std::string agent;
    std::string system;
    std::string user;
    std::vector<std::string> accessed; //!< the intent fields the prompt shows ("task", "context.quote", …)
    //! What was kept out, names only: private fields ("private.tax_id", …) and secrets found in
    //! free text, by kind ("free_text.api_key", …).
    std::vector<std::string> redacted;

    //! Canonical JSON {"system","user"}: what is hashed.
    std::string canonical() const;
    std::string sha256() const; //!< hex
    std::string systemSha256() const; //!< hex, of the system prompt's UTF-8 bytes
};

//! Builds the request for `intent`; private values are removed from every field first.
ModelRequest buildPrompt(const Intent& intent);

//! The agent contract every system prompt carries.
std::string_view agentContract();

struct ModelResponse
{
    std::string text;        //!< the model's raw output (untrusted: the strict parser reads it)
    bool cannotPlan = false; //!< an honest "no proposal" (the rules backend when a task lacks what it needs)
    std::string reason;
};

//! A started completion; cancel() makes sure its callback never runs.
class ModelCall
{
public:
    virtual ~ModelCall() = default;
    virtual void cancel() = 0;
};

/**
 * Turns a request into a model's answer, asynchronously: `done` runs exactly once, on any
 * thread, with the response or an error (timeouts included), unless the call was cancelled
 * first. `progress` reports bytes received while a response streams in.
 */
class ModelBackend
{
public:
    using Done = std::function<void(Result<ModelResponse>)>;
    using Progress = std::function<void(std::size_t received)>;

    virtual ~ModelBackend() = default;
    virtual std::string name() const = 0;
    [[nodiscard]] virtual std::unique_ptr<ModelCall> start(const ModelRequest& request, std::chrono::milliseconds timeout,
                                                           Done done, Progress progress = {}) = 0;
};

//! Blocks until `backend` answers (or the timeout passes).
Result<ModelResponse> complete(ModelBackend& backend, const ModelRequest& request, std::chrono::milliseconds timeout);

/**
 * The embedded, offline, deterministic default. Grammar: a request whose intent has the
 * structured fields type, asset and amount (plus to, venue, params as the action needs) is
 * planned into a proposal with those exact fields, inputs from the visible context, a plan per
 * action type, and claims of its own (risk low up to 1,000 units of the asset, medium above;
 * no approvals — the policy computes the real ones). Anything else is "cannot plan", never a
 * guess. `scripted` maps intent ids to raw outputs it returns instead (the demo's malformed
 * and malicious model output).
 */
class RulesBackend final : public ModelBackend
{
public:
    explicit RulesBackend(std::map<std::string, std::string> scripted = {}) : m_scripted(std::move(scripted)) {}
    //! Scripted outputs for the embedded demo intents (resources/demo/model-outputs).
    static std::map<std::string, std::string> demoScript(const std::vector<Intent>& intents);

    std::string name() const override { return "rules"; }
    std::unique_ptr<ModelCall> start(const ModelRequest& request, std::chrono::milliseconds timeout, Done done,
                                     Progress progress = {}) override;

private:
    std::map<std::string, std::string> m_scripted;
};

/**
 * Answers from recorded responses keyed by the request's SHA-256 (fixtures, or the
 * model.exchange entries of an audit log): replay and tests. A request it has no record of is
 * an error, never a guess.
 */
class ReplayBackend final : public ModelBackend
{
public:
    explicit ReplayBackend(std::map<std::string, ModelResponse> recorded) : m_recorded(std::move(recorded)) {}
    //! JSON lines {"request_sha256", "response", "cannot_plan"?, "reason"?}.
    static Result<ReplayBackend> fromFixtures(std::string_view jsonl);

    std::string name() const override { return "replay"; }
    std::unique_ptr<ModelCall> start(const ModelRequest& request, std::chrono::milliseconds timeout, Done done,
                                     Progress progress = {}) override;

private:
    std::map<std::string, ModelResponse> m_recorded;
};

} // namespace cs::model

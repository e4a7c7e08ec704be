// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ModelBackend.h"

#include <memory>
#include <string>

namespace cs::model {

struct OpenAiConfig
{
    std::string baseUrl = "http://127.0.0.1:11434/v1"; //!< up to /v1; /chat/completions is appended
    std::string model = "llama3.1";
    std::string apiKey; //!< a secret: sent as a bearer token, never logged
    bool stream = true; //!< server-sent events, reported as progress
    int maxAttempts = 3; //!< connection failures, 429 and 5xx are retried; other errors are not
    std::chrono::milliseconds firstBackoff{200}; //!< doubled after each failed attempt

    //! What one attempt may read before it is aborted with the cap named (sized to the parser's
    //! 64 KiB proposal limit with headroom; a streamed token costs ~100 bytes of SSE framing).
    struct Limits
    {
        std::size_t responseBytes = 8u << 20; //!< raw bytes of the reply body, SSE framing included
        std::size_t eventBytes = 512u << 10;  //!< one server-sent event (its lines up to the blank line)
        std::size_t contentBytes = 128u << 10; //!< the assembled content, streamed or not
    };
    Limits limits;

    //! COUNTERSIGN_MODEL_URL, COUNTERSIGN_MODEL, COUNTERSIGN_API_KEY (or OPENAI_API_KEY) over the defaults.
    static OpenAiConfig fromEnvironment();
};

/**
 * Any OpenAI-compatible /v1/chat/completions server (Ollama, llama.cpp server, vLLM, OpenAI).
 * Requests JSON output (response_format json_object) at temperature 0, streams when asked,
 * retries transient failures with exponential backoff within the call's timeout, and turns HTTP
 * errors, malformed JSON and truncated streams into clear errors. Network work runs on a thread
 * of its own; start() returns at once.
 */
class OpenAiBackend final : public ModelBackend
{
public:
    explicit OpenAiBackend(OpenAiConfig config);
    ~OpenAiBackend() override;

    std::string name() const override { return "openai"; }
    std::unique_ptr<ModelCall> start(const ModelRequest& request, std::chrono::milliseconds timeout, Done done,
                                     Progress progress = {}) override;

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};

} // namespace cs::model

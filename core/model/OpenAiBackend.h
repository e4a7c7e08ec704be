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

    /**
     * The backend's settings from, in order, the command line (`commandLineUrl`), the
     * environment (COUNTERSIGN_MODEL_URL, COUNTERSIGN_MODEL) and the workspace's settings, over
     * the defaults. The API key (COUNTERSIGN_API_KEY, else OPENAI_API_KEY) is sent only to a URL
     * the operator chose: the command line's, the environment's, the default loopback one, or
     * one listed in their own trustedModelUrlsFile() — never to one only a workspace names;
     * then it runs without the key and `notice` says why. Plain http:// to a host that is not
     * loopback is refused (InvalidInput naming the URL).
     */
    static Result<OpenAiConfig> resolve(const std::string& commandLineUrl, const std::string& workspaceUrl,
                                        const std::string& workspaceModel, std::string* notice);
};

//! The operator's own list of model URLs trusted with their API key, one base URL a line
//! (outside every workspace): <user config dir>/countersign/trusted-model-urls.
std::string trustedModelUrlsFile();

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

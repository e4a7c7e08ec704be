// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Proposal.h"

#include <string>
#include <string_view>
#include <vector>

namespace cs::model {

inline constexpr const char* kProposalSchema = "countersign.proposal/1";

//! The assets a proposal may name, with their decimals.
class AssetCatalog
{
public:
    explicit AssetCatalog(std::vector<Asset> assets) : m_assets(std::move(assets)) {}
    //! USDC, ETH and SOL as the embedded demo world defines them.
    static AssetCatalog demo();
    const Asset* find(std::string_view code) const;

private:
    std::vector<Asset> m_assets;
};

struct JsonValue;

//! A positive decimal-string amount within `asset`'s decimals (never a JSON number).
Result<Money> amountAt(const JsonValue& value, const std::string& path, const Asset& asset);
//! An asset code [A-Z][A-Z0-9]{1,11} that `assets` knows.
Result<const Asset*> assetAt(const JsonValue& value, const std::string& path, const AssetCatalog& assets);

/**
 * The proposal contract of ARCHITECTURE.md, enforced on untrusted model output: the strict JSON
 * reader's limits (64 KiB, strings of 4 KiB, 64 items, depth 8, valid UTF-8, one value, no
 * duplicate keys), then exactly the known keys at every level, every required field, the
 * identifier grammar for agent, intent, to and venue, asset codes known to `assets`, amounts
 * as positive decimal strings within the asset's decimals and the 128-bit range, params as
 * names ([a-z][a-z0-9_]{0,31}) mapped to strings, and free text without control or
 * bidirectional formatting characters. The first violation is returned as InvalidInput
 * naming the JSON path and the reason.
 */
Result<Proposal> parseProposal(std::string_view bytes, const AssetCatalog& assets);

struct Intent;

/**
 * The intent's structured fields (its "action") are the agent's own bounds on what a model may
 * propose for it: type, asset, to, venue and a swap's asset_out must be what the intent names
 * where it names them, the amount may not exceed the intent's, and a swap's min_out may not be
 * lower. The first proposal field outside them is InvalidInput
 * "$.action.to: intent int-0002 names maps-api"; an intent field that is itself malformed is
 * named the same way, as the intent's.
 */
Result<void> checkWithinIntent(const Proposal& proposal, const Intent& intent, const AssetCatalog& assets);

/**
 * The canonical form of an accepted proposal (core/domain/CanonicalJson), amounts written in
 * their shortest exact form ("25.00" becomes "25"): the same proposal always gives the same
 * bytes, which is what is hashed and signed later.
 */
std::string canonicalProposal(const Proposal& proposal);

} // namespace cs::model

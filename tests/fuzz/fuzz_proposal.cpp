// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the strict proposal parser (built with -DCS_FUZZ=ON and Clang). Besides
// the sanitizers' findings, it traps when an accepted proposal's canonical form does not parse
// back to the same canonical form. Seed it with tests/data/proposals/{valid,invalid}.
#include "core/model/ProposalParser.h"
#include "core/workspace/DemoSeed.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const cs::AssetCatalog catalog = cs::workspace::demoAssets();
    const auto parsed = cs::model::parseProposal(std::string_view(reinterpret_cast<const char*>(data), size), catalog);
    if (parsed) {
        const std::string canonical = cs::canonicalProposal(*parsed);
        const auto again = cs::model::parseProposal(canonical, catalog);
        if (!again || cs::canonicalProposal(*again) != canonical)
            __builtin_trap();
    }
    return 0;
}

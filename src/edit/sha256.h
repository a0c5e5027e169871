// SHA-256 for the audit hash chain. The only file that includes the crypto library (nettle).
#pragma once
#include <string>
#include <string_view>

namespace secmap::edit {

// Lower-case hex digest (64 characters) of the bytes of data.
std::string sha256_hex(std::string_view data);

}  // namespace secmap::edit

#pragma once
// "command [positional...] --name value --flag" parsing for passerelle-admin.
#include <expected>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace passerelle::admin {

struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    bool has(const std::string& name) const { return options.contains(name); }
    std::string get(const std::string& name, const std::string& fallback = {}) const {
        auto found = options.find(name);
        return found == options.end() ? fallback : found->second;
    }
};

// `flags` are options that take no value.
std::expected<Arguments, std::string> parseArguments(const std::vector<std::string>& args,
                                                     const std::set<std::string>& flags);

} // namespace passerelle::admin

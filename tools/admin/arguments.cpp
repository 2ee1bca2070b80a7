#include "arguments.h"

namespace passerelle::admin {

std::expected<Arguments, std::string> parseArguments(const std::vector<std::string>& args,
                                                     const std::set<std::string>& flags) {
    Arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg.rfind("--", 0) != 0) {
            out.positional.push_back(arg);
            continue;
        }
        auto name = arg.substr(2);
        if (auto equals = name.find('='); equals != std::string::npos) {
            out.options[name.substr(0, equals)] = name.substr(equals + 1);
        } else if (flags.contains(name)) {
            out.options[name] = "";
        } else if (i + 1 < args.size()) {
            out.options[name] = args[++i];
        } else {
            return std::unexpected(arg + " needs a value");
        }
    }
    return out;
}

} // namespace passerelle::admin

#include "script.h"

#include "passerelle/common/files.h"

#include <charconv>
#include <sstream>

namespace passerelle::app {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

template <typename Number> bool parseNumbers(std::string_view rest, std::vector<Number>& out) {
    std::istringstream in{std::string(rest)};
    std::string word;
    while (in >> word) {
        Number n{};
        auto r = std::from_chars(word.data(), word.data() + word.size(), n);
        if (r.ec != std::errc() || r.ptr != word.data() + word.size()) return false;
        out.push_back(n);
    }
    return true;
}

std::expected<ScriptCommand, std::string> parseCommand(std::string_view verb,
                                                       std::string_view rest) {
    using namespace script;
    auto numbers = [&](size_t count,
                       const char* usage) -> std::expected<std::vector<float>, std::string> {
        std::vector<float> n;
        if (!parseNumbers(rest, n) || n.size() != count) return std::unexpected(std::string(usage));
        return n;
    };
    if (verb == "tap") {
        if (rest.empty()) return std::unexpected("tap needs a target id or label");
        return Tap{std::string(rest)};
    }
    if (verb == "tap-at") {
        auto n = numbers(2, "tap-at needs X Y");
        if (!n) return std::unexpected(n.error());
        return TapAt{(*n)[0], (*n)[1]};
    }
    if (verb == "drag") {
        auto n = numbers(5, "drag needs X Y DX DY MS");
        if (!n) return std::unexpected(n.error());
        if ((*n)[4] < 1) return std::unexpected("drag needs a duration of at least 1 ms");
        return Drag{(*n)[0], (*n)[1], (*n)[2], (*n)[3],
                    std::chrono::milliseconds(static_cast<long>((*n)[4]))};
    }
    if (verb == "type") {
        if (rest.empty()) return std::unexpected("type needs the text to type");
        return Type{std::string(rest)};
    }
    if (verb == "wait" || verb == "advance-clock") {
        std::vector<long> n;
        if (!parseNumbers(rest, n) || n.size() != 1 || n[0] < 0)
            return std::unexpected(std::string(verb) +
                                   (verb == "wait" ? " needs milliseconds" : " needs seconds"));
        if (verb == "wait") return Wait{std::chrono::milliseconds(n[0])};
        return AdvanceClock{std::chrono::seconds(n[0])};
    }
    if (verb == "mark") {
        if (rest.empty() || rest.find(' ') != std::string_view::npos)
            return std::unexpected("mark needs one word");
        return Mark{std::string(rest)};
    }
    if (verb == "screenshot") {
        if (rest.empty()) return std::unexpected("screenshot needs a file name");
        return Screenshot{std::filesystem::path(std::string(rest))};
    }
    if (verb == "quit") {
        if (!rest.empty()) return std::unexpected("quit takes nothing after it");
        return Quit{};
    }
    return std::unexpected("unknown command '" + std::string(verb) + "'");
}
} // namespace

std::expected<std::vector<ScriptStep>, std::string> parseScript(const std::string& text) {
    std::vector<ScriptStep> steps;
    std::istringstream in(text);
    std::string raw;
    int lineNumber = 0;
    while (std::getline(in, raw)) {
        ++lineNumber;
        std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find_first_of(" \t");
        const std::string_view verb = line.substr(0, space);
        const std::string_view rest =
            space == std::string_view::npos ? std::string_view{} : trim(line.substr(space + 1));
        auto command = parseCommand(verb, rest);
        if (!command)
            return std::unexpected("line " + std::to_string(lineNumber) + ": " + command.error());
        steps.push_back({lineNumber, std::move(*command)});
    }
    return steps;
}

std::expected<std::vector<ScriptStep>, std::string> loadScript(const std::filesystem::path& file) {
    auto text = readFile(file);
    if (!text)
        return std::unexpected("cannot read the script " + file.string() + ": " + text.error());
    auto steps = parseScript(*text);
    if (!steps) return std::unexpected(file.string() + ", " + steps.error());
    return steps;
}

} // namespace passerelle::app

#pragma once

namespace passerelle {

// Lambdas combined into one visitor for std::visit over Intent.
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

} // namespace passerelle

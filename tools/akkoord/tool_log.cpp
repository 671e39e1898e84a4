#include "tool_log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "akkoord/validator/report.hpp"

namespace akkoord::cli {

namespace {

language chosen_language = language::en;
bool verbose_logging = false;

spdlog::logger& logger() {
  // Created on first use; plain stderr (no colour codes in what scripts may capture).
  static const std::shared_ptr<spdlog::logger> instance = [] {
    auto made = spdlog::stderr_logger_mt("akkoord");
    made->set_pattern("akkoord: %v");
    made->set_level(spdlog::level::warn);
    return made;
  }();
  return *instance;
}

}  // namespace

// The logger is made only when something is logged: a clean run without --verbose never sets spdlog up.
void init_logging(bool verbose) {
  verbose_logging = verbose;
  if (verbose) logger().set_level(spdlog::level::debug);
}

void set_message_language(language lang) { chosen_language = lang; }
language message_language() { return chosen_language; }

// The messages quote paths, configuration keys and check ids as the user wrote them: printable() keeps each
// message on its one line and escape sequences away from the terminal (and from CI logs that run `::` lines).
void tool_error(const text& message) {
  logger().error("{}: {}", severity_word(severity::error, chosen_language), printable(message.in(chosen_language)));
}

void tool_warning(const text& message) {
  logger().warn("{}: {}", severity_word(severity::warning, chosen_language), printable(message.in(chosen_language)));
}

void tool_debug(std::string_view message) {
  if (verbose_logging) logger().debug("debug: {}", printable(message));
}

}  // namespace akkoord::cli

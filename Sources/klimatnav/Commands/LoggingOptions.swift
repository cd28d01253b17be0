import ArgumentParser
import Logging

/// `--verbose`, shared by the commands that run nodes or a hub.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log details (connections, refusals, commits) to standard error.")
    var verbose = false

    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

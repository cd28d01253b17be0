import ArgumentParser
import KlimatnavReport

/// `klimatnav gaps --format table|json|csv`.
extension GapOutput.Format: ExpressibleByArgument {}

/// `--lang sv|en` (`report`, `diff`, `serve`).
extension Language: ExpressibleByArgument {}

import ArgumentParser

/// How `klimatnav gaps` prints.
enum GapOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}

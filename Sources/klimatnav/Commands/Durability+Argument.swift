import ArgumentParser
import KlimatnavStore

/// `--durability full|normal`: the parser lists the values in `--help` and refuses others
/// with the list.
extension HubStore.Durability: ExpressibleByArgument {}

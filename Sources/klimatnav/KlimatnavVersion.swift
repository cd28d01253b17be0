/// What `klimatnav --version` prints: the release and the wire protocol it speaks.
enum KlimatnavVersion {
    static let release = "0.3.0"
    static let text = "klimatnav \(release) (wire protocol KNAV/1)"
}

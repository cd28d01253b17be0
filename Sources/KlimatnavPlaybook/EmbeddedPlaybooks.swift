/// The playbooks compiled into the binary: `Playbooks/klimatkontrakt-2030.yaml` (the seed
/// scenario `klimatnav run` uses when given no file) and `Playbooks/responses.yaml` (the
/// response playbook of the gap engine).
///
/// The files reach the target through symlinks in `Sources/KlimatnavPlaybook/Resources/` and
/// SwiftPM's `.embedInCode` rule, so the text lives in the executable itself: no resource
/// bundle, no working-directory lookup. Editing a playbook and rebuilding updates it.
public enum EmbeddedPlaybooks {
    /// The file name diagnostics use for the embedded seed.
    public static let klimatkontrakt2030File = "Playbooks/klimatkontrakt-2030.yaml"
    /// The file name diagnostics use for the embedded response playbook.
    public static let responsesFile = "Playbooks/responses.yaml"

    /// The YAML text of the Klimatkontrakt 2030 playbook.
    public static let klimatkontrakt2030: String = String(decoding: PackageResources.klimatkontrakt_2030_yaml, as: UTF8.self)

    /// The YAML text of the response playbook.
    public static let responses: String = String(decoding: PackageResources.responses_yaml, as: UTF8.self)

    /// The Klimatkontrakt 2030 playbook, loaded and validated.
    public static func loadKlimatkontrakt2030() throws(PlaybookError) -> Playbook {
        try PlaybookLoader.load(yaml: klimatkontrakt2030, file: klimatkontrakt2030File)
    }
}

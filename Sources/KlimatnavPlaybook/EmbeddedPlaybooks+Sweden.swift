extension EmbeddedPlaybooks {
    /// The file name diagnostics use for the embedded Sweden playbook.
    public static let sverigeFile = "Playbooks/sverige.yaml"

    /// The YAML text of the Sweden playbook (the hand-written part; the rest is in the CSVs).
    public static let sverige: String = String(decoding: PackageResources.sverige_yaml, as: UTF8.self)
    static let swedenCounties: String = String(decoding: PackageResources.sweden_counties_csv, as: UTF8.self)
    static let swedenMunicipalities: String = String(decoding: PackageResources.sweden_municipalities_csv, as: UTF8.self)
    static let swedenProgrammes: String = String(decoding: PackageResources.sweden_programmes_csv, as: UTF8.self)
    static let swedenEmissions: String = String(decoding: PackageResources.sweden_emissions_by_sector_csv, as: UTF8.self)
}

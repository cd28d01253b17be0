/// Reporting platforms by name, in the catalogue's language (ids in the playbook are kebab-case
/// keys: `eu-covenant-of-mayors`); an unknown id is shown as it is.
extension Catalogue {
    static let platformNames: [String: (sv: String, en: String)] = [
        "eu-covenant-of-mayors": ("EU:s borgmästaravtal", "EU Covenant of Mayors"),
        "global-covenant-of-mayors": ("det globala borgmästaravtalet", "Global Covenant of Mayors"),
        "cdp": ("CDP", "CDP"),
        "wwf-one-planet-city-challenge": ("WWF:s One Planet City Challenge", "WWF One Planet City Challenge"),
        "wwf-opcc": ("WWF:s One Planet City Challenge", "WWF One Planet City Challenge"),
        "klimatkommunerna": ("Klimatkommunerna", "Klimatkommunerna"),
        "sveriges-ekokommuner": ("Sveriges Ekokommuner", "Sveriges Ekokommuner"),
    ]

    public func platform(_ id: String) -> String {
        guard let name = Self.platformNames[id] else { return id }
        return language == .sv ? name.sv : name.en
    }
}

import Foundation
import KlimatnavCore
import Yams

/// Loads a response playbook (`Playbooks/responses.yaml`): what to do about each kind of gap.
public enum ResponsePlaybookLoader {
    /// Parses `yaml`; errors name the file and, where Yams reports it, the line and column.
    public static func load(yaml: String, file: String = "responses.yaml") throws(PlaybookError) -> ResponsePlaybook {
        do {
            return try YAMLDecoder().decode(ResponsePlaybook.self, from: yaml)
        } catch let error as YamlError {
            throw PlaybookError([.init(code: .syntax, file: file, line: 1, column: 1, message: "\(error)")])
        } catch {
            throw PlaybookError([.init(code: .syntax, file: file, line: 1, column: 1, message: "not a response playbook: \(error)")])
        }
    }
}
